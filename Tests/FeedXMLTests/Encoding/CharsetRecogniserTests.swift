import FeedTestSupport
import Testing
@testable import FeedXML

@Suite struct CharsetRecogniserTests {
    @Test(arguments: [
        ("ko", "EUC-KR", "euc-kr"), ("zh", "GB2312", "gb2312"), ("tw", "BIG5", "big5"),
        ("ja", "SHIFT_JIS", "shift_jis"), ("ja", "EUC-JP", "euc-jp"), ("ru", "KOI8-R", "koi8-r"),
        ("ru", "CP1251", "windows-1251"), ("he", "CP1255", "windows-1255"), ("th", "TIS-620", "tis-620"),
        ("el", "ISO-8859-7", "iso-8859-7"), ("pl", "CP1250", "windows-1250"), ("fr", "CP1252", "windows-1252"),
        ("de", "CP1252", "windows-1252"),
    ])
    func languageIsRecognisedInItsEncoding(language: String, iconvName: String, encoding: String) throws {
        let sentence = try #require(EncodingFixture.sentences[language])
        let document = EncodingFixture.rss(title: EncodingFixture.encoded(sentence, iconvName))
        #expect(CharsetRecogniser.recognise(document) == encoding)
    }

    @Test(arguments: [("ko", "EUC-KR", "euc-kr"), ("zh", "GB2312", "gb2312"), ("ja", "SHIFT_JIS", "shift_jis"),
                      ("ru", "KOI8-R", "koi8-r"), ("he", "CP1255", "windows-1255")])
    func aShortTitleIsEnough(language: String, iconvName: String, encoding: String) throws {
        let sentence = try #require(EncodingFixture.sentences[language])
        let title = EncodingFixture.encoded(String(sentence.prefix(12)), iconvName)
        #expect(CharsetRecogniser.recognise(EncodingFixture.rss(title: title)) == encoding)
    }

    @Test func asciiAndValidUTF8AreUTF8() {
        #expect(CharsetRecogniser.recognise(EncodingFixture.rss()) == "utf-8")
        #expect(CharsetRecogniser.recognise(EncodingFixture.rss(title: Array("日本語 café".utf8))) == "utf-8")
    }

    @Test func utf16WithoutByteOrderMarkIsRecognisedByItsNULBytes() {
        #expect(CharsetRecogniser.recognise(EncodingFixture.encoded("  hello, world", "UTF-16LE")) == "utf-16le")
        #expect(CharsetRecogniser.recognise(EncodingFixture.encoded("  hello, world", "UTF-16BE")) == "utf-16be")
        #expect(CharsetRecogniser.recognise(EncodingFixture.encoded("  hello, world", "UTF-32LE")) == "utf-32le")
    }

    @Test func recognitionLooksPastALongASCIIPrefix() throws {
        let korean = try #require(EncodingFixture.sentences["ko"])
        let padding = [UInt8](repeating: 0x20, count: 3 * CharsetRecogniser.sampleLimit)
        let document = EncodingFixture.rss(title: padding + EncodingFixture.encoded(korean, "EUC-KR"))
        #expect(CharsetRecogniser.recognise(document) == "euc-kr")
    }

    @Test func impossibleByteSequencesScoreBelowZero() {
        // Bytes no double-byte encoding pairs: every lead byte is followed by a space.
        let bytes: [UInt8] = Array(repeating: [0xA4, 0x20] as [UInt8], count: 50).flatMap { $0 }
        let eucKR = CharsetRecogniser.rank(bytes).first { $0.encoding == "euc-kr" }
        #expect((eucKR?.score ?? 0) < 0)
    }

    @Test func randomBytesAreAlwaysGivenAnEncoding() {
        var generator = SeededRandom(seed: 7)
        for _ in 0..<200 {
            let bytes = (0..<Int.random(in: 0...300, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            #expect(!CharsetRecogniser.recognise(bytes).isEmpty)
        }
    }
}
