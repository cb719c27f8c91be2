import Testing
@testable import FeedXML

@Suite struct TranscoderTests {
    /// Each sample: an encoding, its bytes (checked against Python's codecs), the text they hold.
    static let samples: [(String, [UInt8], String)] = [
        ("shift_jis", [0x93, 0xFA, 0x96, 0x7B, 0x8C, 0xEA], "日本語"),
        ("shift_jis", [0x87, 0x40, 0x5C], "①\\"),                           // code page 932's extension, and a backslash
        ("euc-jp", [0xC6, 0xFC, 0xCB, 0xDC, 0xB8, 0xEC], "日本語"),
        ("euc-kr", [0xC7, 0xD1, 0xB1, 0xB9, 0xBE, 0xEE], "한국어"),
        ("euc-kr", [0x8C, 0x63], "똠"),                                      // code page 949's extra hangul
        ("gb18030", [0xD6, 0xD0, 0xCE, 0xC4], "中文"),
        ("gb18030", [0xAC, 0x8C], "瑢"),                                     // GBK
        ("gb18030", [0x94, 0x39, 0xFC, 0x36], "😀"),                         // four bytes
        ("gb2312", [0xD6, 0xD0, 0xCE, 0xC4], "中文"),
        ("big5", [0xA4, 0xA4, 0xA4, 0xE5], "中文"),
        ("big5", [0xC6, 0xA1], "①"),                                         // HKSCS
        ("tis-620", [0xC0, 0xD2, 0xC9, 0xD2, 0xE4, 0xB7, 0xC2], "ภาษาไทย"),
        ("windows-1255", [0xF9, 0xEC, 0xE5, 0xED], "שלום"),
        ("koi8-r", [0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4], "Привет"),
        ("windows-1251", [0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2], "Привет"),
        ("iso-8859-2", [0xA3, 0xF3, 0x64, 0xBC], "Łódź"),
        ("iso-8859-5", [0xBF, 0xE0, 0xD8, 0xD2, 0xD5, 0xE2], "Привет"),
        ("iso-8859-7", [0xC5, 0xEB, 0xEB, 0xDC, 0xE4, 0xE1], "Ελλάδα"),
        ("iso-8859-15", [0xA4], "€"),
        ("windows-1252", [0x93, 0x63, 0x61, 0x66, 0xE9, 0x94, 0x20, 0x80], "“café” €"),
        ("iso-8859-1", [0x63, 0x61, 0x66, 0xE9, 0xA0, 0xFF], "café\u{A0}ÿ"),
        ("iso-2022-jp", [0x1B, 0x24, 0x42, 0x46, 0x7C, 0x4B, 0x5C, 0x1B, 0x28, 0x42], "日本"),
        ("utf-16le", [0x3C, 0x00, 0xE5, 0x65, 0x3D, 0xD8, 0x00, 0xDE], "<日😀"),
        ("utf-16be", [0x00, 0x3C, 0x65, 0xE5, 0xD8, 0x3D, 0xDE, 0x00], "<日😀"),
        ("utf-32le", [0x3C, 0x00, 0x00, 0x00, 0x00, 0xF6, 0x01, 0x00], "<😀"),
        ("utf-32be", [0x00, 0x00, 0x00, 0x3C, 0x00, 0x01, 0xF6, 0x00], "<😀"),
    ]

    @Test(arguments: samples)
    func eachEncodingDecodesItsSample(encoding: String, bytes: [UInt8], text: String) throws {
        let transcoder = try #require(Transcoder(encoding: encoding))
        #expect(EncodingFixture.text(try transcoder.decode(bytes, final: true)) == text)
    }

    @Test func validUTF8ComesBackUnchanged() throws {
        let transcoder = try #require(Transcoder(encoding: "utf-8"))
        let chunk = Array("<title>Café 日本</title>".utf8)
        #expect(try transcoder.decode(chunk, final: true) == chunk)
    }

    @Test func utf8CharacterSplitAcrossChunksIsJoined() throws {
        let transcoder = try #require(Transcoder(encoding: "utf-8"))
        let sun = Array("日".utf8)
        var output = try transcoder.decode(Array("a".utf8) + [sun[0]], final: false)
        output += try transcoder.decode([sun[1]], final: false)
        output += try transcoder.decode([sun[2]] + Array("b".utf8), final: true)
        #expect(EncodingFixture.text(output) == "a日b")
    }

    @Test func iconvCharacterSplitAcrossChunksIsJoined() throws {
        let transcoder = try #require(Transcoder(encoding: "euc-kr"))
        var output = try transcoder.decode([0x41, 0xC7], final: false)
        output += try transcoder.decode([0xD1, 0xB1], final: false)
        output += try transcoder.decode([0xB9], final: true)
        #expect(EncodingFixture.text(output) == "A한국")
    }

    @Test func utf16SurrogatePairSplitAcrossChunksIsJoined() throws {
        let transcoder = try #require(Transcoder(encoding: "utf-16le"))
        let bytes: [UInt8] = [0x3C, 0x00, 0x3D, 0xD8, 0x00, 0xDE, 0x3E, 0x00]
        var output: [UInt8] = []
        for byte in bytes { output += try transcoder.decode([byte], final: false) }
        output += try transcoder.decode([], final: true)
        #expect(EncodingFixture.text(output) == "<😀>")
    }

    @Test func undecodableByteIsReportedAtItsStreamOffset() throws {
        let transcoder = try #require(Transcoder(encoding: "euc-jp"))
        _ = try transcoder.decode(Array("0123456789".utf8), final: false)
        #expect(throws: UndecodableBytes(encoding: "euc-jp", offset: 13, truncated: false)) {
            try transcoder.decode([0x41, 0x42, 0x43, 0xA4, 0x20], final: true)
        }
    }

    @Test func characterCutByTheEndOfTheStreamIsUndecodable() throws {
        let transcoder = try #require(Transcoder(encoding: "utf-8"))
        _ = try transcoder.decode(Array("ab".utf8) + [0xE6, 0x97], final: false)
        #expect(throws: UndecodableBytes(encoding: "utf-8", offset: 2, truncated: true)) {
            try transcoder.decode([], final: true)
        }
    }

    @Test func repairingPolicyReadsStrayBytesAsWindows1252() throws {
        let transcoder = try #require(Transcoder(encoding: "utf-8", invalidBytes: .decodeAsWindows1252))
        let output = try transcoder.decode(Array("caf\u{e9} ".utf8) + [0x93, 0x41, 0x94], final: true)
        #expect(EncodingFixture.text(output) == "café “A”")
        #expect(transcoder.repairedCount == 2)
        #expect(transcoder.firstRepairedOffset == 6)
    }

    @Test func replacingPolicyWritesReplacementCharacters() throws {
        let transcoder = try #require(Transcoder(encoding: "utf-16le", invalidBytes: .replace))
        let loneSurrogate: [UInt8] = [0x41, 0x00, 0x00, 0xDC, 0x42, 0x00]
        #expect(EncodingFixture.text(try transcoder.decode(loneSurrogate, final: true)) == "A\u{FFFD}B")
    }

    @Test func undefinedWindows1252BytesReadAsC1ControlsUnlessRejected() throws {
        let lenient = try #require(Transcoder(encoding: "windows-1252"))
        #expect(EncodingFixture.text(try lenient.decode([0x41, 0x81, 0x9D], final: true)) == "A\u{81}\u{9D}")
        let entry = try #require(EncodingName.entry("windows-1252"))
        let strict = try #require(Transcoder(entry: entry, invalidBytes: .fail, rejectingUndefinedWindows1252Bytes: true))
        #expect(throws: UndecodableBytes(encoding: "windows-1252", offset: 1, truncated: false)) {
            try strict.decode([0x41, 0x81], final: true)
        }
    }

    @Test func usASCIIRejectsHighBytes() throws {
        let transcoder = try #require(Transcoder(encoding: "us-ascii"))
        #expect(try transcoder.decode(Array("plain".utf8), final: false) == Array("plain".utf8))
        #expect(throws: UndecodableBytes(encoding: "us-ascii", offset: 7, truncated: false)) {
            try transcoder.decode(Array("ab".utf8) + [0xE9], final: true)
        }
    }

    @Test func ebcdicNextLineBecomesLineFeed() throws {
        let transcoder = try #require(Transcoder(encoding: "ibm037"))
        // "<a/>" NEL "<b/>" in code page 037
        let bytes: [UInt8] = [0x4C, 0x81, 0x61, 0x6E, 0x15, 0x4C, 0x82, 0x61, 0x6E]
        #expect(EncodingFixture.text(try transcoder.decode(bytes, final: true)) == "<a/>\n<b/>")
    }

    @Test func letterHeldBackForACombiningMarkIsWrittenAtTheEnd() throws {
        let transcoder = try #require(Transcoder(encoding: "windows-1255"))
        var output = try transcoder.decode([0xF9, 0xEC, 0xE5], final: false)
        output += try transcoder.decode([0xED], final: true)
        #expect(EncodingFixture.text(output) == "שלום")
    }

    @Test func unknownOrUnorderedEncodingHasNoTranscoder() {
        #expect(Transcoder(encoding: "x-no-such-charset") == nil)
        #expect(Transcoder(encoding: "utf-16") == nil)
    }
}
