import FeedTestSupport
import FeedModel
@testable import FeedParser
import Testing

/// The parser sees whatever a feed contains: it must answer quickly and sensibly on any bytes.
@Suite struct DateInputSafetyTests {
    @Test func trimsSurroundingWhitespace() {
        #expect(FeedDateParser.parse(" \n\t2010-03-05T12:00:00Z \r\n")?.rfc3339 == "2010-03-05T12:00:00Z")
        #expect(FeedDateParser.parse("\n  Fri, 05 Mar 2010 12:00:00 GMT\n  ")?.rfc3339 == "2010-03-05T12:00:00Z")
    }

    @Test func refusesTextLongerThanAnyDate() {
        let padded = "2010-03-05T12:00:00." + String(repeating: "0", count: FeedDateParser.maximumLength) + "Z"
        #expect(FeedDateParser.parse(padded) == nil)
        #expect(FeedDateParser.parse(String(repeating: "2010-03-05T12:00:00Z", count: 50_000)) == nil)
    }

    @Test func readsLongWhitespaceAroundADateWithoutCountingItAgainstTheLimit() {
        let blank = String(repeating: " ", count: 100_000)
        #expect(FeedDateParser.parse(blank + "2010-03-05" + blank)?.rfc3339 == "2010-03-05T00:00:00Z")
    }

    @Test func readsUTF8BytesLikeText() {
        let bytes = Array("Fri, 05 Mar 2010 12:00:00 +0100".utf8)
        let stamp = bytes.withUnsafeBufferPointer { FeedDateParser.parse(utf8: $0) }
        #expect(stamp?.rfc3339 == "2010-03-05T11:00:00Z")
    }

    /// Every prefix and every single-byte corruption of real dates either fails or gives a moment
    /// in the supported range, and bytes and text agree (a crash or hang fails the test run).
    @Test(.timeLimit(.minutes(1)))
    func answersSanelyOnCorruptedDates() {
        let seeds = [
            "Fri, 05 Mar 2010 12:00:00 +0100", "2010-03-05T12:00:00.25-05:30", "Fri Mar  5 12:00:00 2010",
            "Fri, 2010/03/05 12:00:00 PST", "2010-03-05 \u{C624}\u{D6C4} 9:00:00", "-0903", "20100305T120000Z",
            "\u{03A0}\u{03B1}\u{03C1}, 05 \u{039C}\u{03B1}\u{03C1} 2010 12:00:00 GMT", "2010-m\u{E1}rcius-5T12:00+01:00",
        ]
        let replacements: [UInt8] = [0, 0x20, 0x2B, 0x2D, 0x2C, 0x2E, 0x2F, 0x30, 0x39, 0x3A, 0x41, 0x54, 0x5A, 0x7A, 0x80, 0xC3, 0xFF]
        var checked = 0
        for seed in seeds {
            let original = Array(seed.utf8)
            for length in 0...original.count {
                expectSane(Array(original[0..<length]))
                checked += 1
            }
            for index in original.indices {
                for replacement in replacements {
                    var corrupted = original
                    corrupted[index] = replacement
                    expectSane(corrupted)
                    checked += 1
                }
            }
        }
        #expect(checked > 1000)
    }

    /// Pseudo-random byte strings (a fixed seed, so the test is repeatable).
    @Test(.timeLimit(.minutes(1)))
    func answersSanelyOnRandomBytes() {
        var generator = SeededRandom(seed: 0x5EED_DA7E)
        let alphabet = Array("0123456789-+:.,/ TZtzGMTESTAPMJanDecFriSun()\u{B144}".utf8)
        for round in 0..<20_000 {
            let length = Int(generator.next() % 40)
            let useAlphabet = round % 2 == 0
            let bytes = (0..<length).map { _ -> UInt8 in
                let value = generator.next()
                return useAlphabet ? alphabet[Int(value % UInt64(alphabet.count))] : UInt8(truncatingIfNeeded: value)
            }
            expectSane(bytes)
        }
    }

    private func expectSane(_ bytes: [UInt8]) {
        let fromBytes = bytes.withUnsafeBufferPointer { FeedDateParser.parse(utf8: $0) }
        if let fromBytes {
            #expect(DateFields.supportedSeconds.contains(fromBytes.secondsSince1970), "\(bytes)")
            #expect(fromBytes.fractionDigits.utf8.allSatisfy { ASCII.isDigit($0) }, "\(bytes)")
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            #expect(FeedDateParser.parse(text) == fromBytes, "\(bytes)")
        }
    }
}

