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
}
