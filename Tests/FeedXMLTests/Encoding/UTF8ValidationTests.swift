import Testing
@testable import FeedXML

@Suite struct UTF8ValidationTests {
    @Test func wellFormedSequencesOfEveryLengthAreValid() {
        let text = "a é € 日本 😀 \u{10FFFF} \u{D7FF} \u{E000}"
        #expect(UTF8Validation.validate(Array(text.utf8)) == .valid)
        #expect(UTF8Validation.validate([]) == .valid)
    }

    @Test func overlongFormsAreInvalid() {
        #expect(UTF8Validation.validate([0x41, 0xC0, 0x80]) == .invalid(at: 1))
        #expect(UTF8Validation.validate([0xC1, 0xBF]) == .invalid(at: 0))
        #expect(UTF8Validation.validate([0xE0, 0x80, 0x80]) == .invalid(at: 0))
        #expect(UTF8Validation.validate([0xF0, 0x8F, 0xBF, 0xBF]) == .invalid(at: 0))
    }

    @Test func surrogatesAreInvalid() {
        #expect(UTF8Validation.validate([0xED, 0xA0, 0x80]) == .invalid(at: 0))
        #expect(UTF8Validation.validate([0xED, 0xBF, 0xBF]) == .invalid(at: 0))
    }

    @Test func codePointsAboveTheLastAreInvalid() {
        #expect(UTF8Validation.validate([0xF4, 0x90, 0x80, 0x80]) == .invalid(at: 0))
        #expect(UTF8Validation.validate([0xF5, 0x80, 0x80, 0x80]) == .invalid(at: 0))
        #expect(UTF8Validation.validate([0xFF]) == .invalid(at: 0))
    }

    @Test func strayContinuationAndMissingContinuationAreInvalid() {
        #expect(UTF8Validation.validate(Array("abc".utf8) + [0x80]) == .invalid(at: 3))
        #expect(UTF8Validation.validate([0xE6, 0x97, 0x41]) == .invalid(at: 0))
    }

    @Test func sequenceCutByTheEndIsTruncated() {
        let sun = Array("日".utf8)
        #expect(UTF8Validation.validate(Array("ab".utf8) + sun.prefix(2)) == .truncated(at: 2))
        #expect(UTF8Validation.validate([0xF0, 0x9F]) == .truncated(at: 0))
    }

    @Test func firstHighByteIsFoundAtEveryOffset() {
        for offset in 0..<100 {
            var bytes = [UInt8](repeating: 0x61, count: 100)
            bytes[offset] = 0xFF
            #expect(UTF8Validation.validate(bytes) == .invalid(at: offset))
            #expect(bytes.withUnsafeBufferPointer { UTF8Validation.firstNonASCII($0) } == offset)
        }
    }

    @Test func surveyCountsSequencesAndStrayBytes() {
        let bytes = Array("café – naïve".utf8) + [0x92] + Array("s".utf8)
        let survey = bytes.withUnsafeBufferPointer { UTF8Validation.survey($0) }
        #expect(survey.multiByteSequences == 3)
        #expect(survey.invalidBytes == 1)
    }

    private static func hasOverlongForm(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { UTF8Validation.hasOverlongForm($0) }
    }

    @Test func overlongFormsAreFoundAnywhereInALongRun() {
        let text = Array("plain ASCII text, then Grüße and 日本語, long enough for whole words ".utf8)
        for overlong in [[0xC0, 0x80], [0xC1, 0xA9], [0xE0, 0x80, 0xAF], [0xE0, 0x9F, 0xBF], [0xF0, 0x80, 0x80, 0xAF],
                         [0xF0, 0x8F, 0xBF, 0xBF]] as [[UInt8]] {
            for cut in [0, 7, 8, 13, text.count] {
                let bytes = Array(text[..<cut]) + overlong + Array(text[cut...])
                #expect(Self.hasOverlongForm(bytes), "\(overlong) at \(cut)")
            }
        }
    }

    @Test func wellFormedTextHasNoOverlongForm() {
        // E0 and F0 start characters of their own when the next byte is high enough.
        let text = "a é € 日本 😀 \u{0800} \u{0FFF} \u{10000} \u{3FFFF} — ordinary text to fill whole words"
        #expect(!Self.hasOverlongForm(Array(text.utf8)))
        #expect(!Self.hasOverlongForm([]))
    }

    @Test func overlongFormsAreExactlyWhatValidationAddsToLibxml2sCDATACheck() {
        // libxml2 accepts in CDATA what has the byte pattern of a 1- to 4-byte sequence and decodes
        // to an XML character; of that, what is not UTF-8 is what hasOverlongForm reports.
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let length = Int.random(in: 1...4, using: &generator)
            let lead: UInt8 = [0x41, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xED, 0xEF, 0xF0, 0xF4][Int.random(in: 0..<11, using: &generator)]
            var bytes = [lead]
            for _ in 1..<length { bytes.append(UInt8.random(in: 0x80...0xBF, using: &generator)) }
            guard Self.passesLibxml2CDATACheck(bytes) else { continue }
            let valid = bytes.withUnsafeBufferPointer { UTF8Validation.validate($0) } == .valid
            #expect(Self.hasOverlongForm(bytes) == !valid, "\(bytes)")
        }
    }

    /// libxml2's CDATA check (xmlCheckCdataPush) for one character: the lead byte's pattern says
    /// how many continuation bytes follow; the value they give must be an XML character.
    private static func passesLibxml2CDATACheck(_ bytes: [UInt8]) -> Bool {
        guard let lead = bytes.first else { return false }
        let length: Int
        var value: UInt32
        switch lead {
        case 0x00..<0x80: length = 1; value = UInt32(lead)
        case _ where lead & 0xE0 == 0xC0: length = 2; value = UInt32(lead & 0x1F)
        case _ where lead & 0xF0 == 0xE0: length = 3; value = UInt32(lead & 0x0F)
        case _ where lead & 0xF8 == 0xF0: length = 4; value = UInt32(lead & 0x07)
        default: return false
        }
        guard bytes.count == length else { return false }
        for byte in bytes.dropFirst() {
            guard byte & 0xC0 == 0x80 else { return false }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        switch value {
        case 0x09, 0x0A, 0x0D, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }
}
