/// UTF-8 validation without copying: the hot path for the documents most feeds are.
public enum UTF8Validation {
    public enum Outcome: Equatable, Sendable {
        case valid
        /// The byte at this offset starts no well-formed sequence (everything before it is valid).
        case invalid(at: Int)
        /// The bytes from this offset to the end are the start of a sequence cut short.
        case truncated(at: Int)
    }

    @usableFromInline static let highBits: UInt64 = 0x8080_8080_8080_8080

    static func validate(_ bytes: [UInt8]) -> Outcome {
        bytes.withUnsafeBufferPointer { validate($0) }
    }

    /// Checks ASCII runs eight bytes at a time (thirty-two while they last) and multi-byte
    /// sequences by the table of well-formed byte sequences in Unicode §3.9: no overlong forms,
    /// no surrogates, nothing above U+10FFFF.
    public static func validate(_ buffer: UnsafeBufferPointer<UInt8>) -> Outcome {
        guard let base = buffer.baseAddress else { return .valid }
        let count = buffer.count
        var index = 0
        while index < count {
            if base[index] < 0x80 {
                index = skipASCII(base, from: index, count: count)
                guard index < count else { break }
            }
            // Text in most scripts is a run of two- or three-byte characters with nothing
            // special about their second byte: those are checked here, four bytes read at once,
            // without the general reading below and without looking for ASCII between them.
            let raw = UnsafeRawPointer(base)
            while index + 4 <= count {
                let word = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt32.self))
                let first = word & 0xFF
                if first &- 0xE1 < 0x0F, first != 0xED, word & 0x00C0_C000 == 0x0080_8000 {
                    index += 3
                } else if first &- 0xC2 < 0x1E, word & 0x0000_C000 == 0x0000_8000 {
                    index += 2
                } else {
                    break
                }
            }
            guard index < count else { break }
            let lead = base[index]
            if lead < 0x80 { continue }
            let length: Int
            var secondLow: UInt8 = 0x80, secondHigh: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; secondLow = 0xA0
            case 0xED: length = 3; secondHigh = 0x9F
            case 0xE1...0xEC, 0xEE, 0xEF: length = 3
            case 0xF0: length = 4; secondLow = 0x90
            case 0xF4: length = 4; secondHigh = 0x8F
            case 0xF1...0xF3: length = 4
            default: return .invalid(at: index)
            }
            guard index + 1 < count else { return .truncated(at: index) }
            let second = base[index + 1]
            guard second >= secondLow && second <= secondHigh else { return .invalid(at: index) }
            for continuation in 2..<length {
                guard index + continuation < count else { return .truncated(at: index) }
                guard base[index + continuation] & 0xC0 == 0x80 else { return .invalid(at: index) }
            }
            index += length
        }
        return .valid
    }

    /// True when `bytes` hold an overlong form: C0 or C1, E0 followed by 80–9F, or F0 followed by
    /// 80–8F. For text libxml2 has checked in a CDATA section, which rejects every other way of
    /// not being UTF-8 but lets these through, this is the rest of validation, at a fraction of
    /// its cost: ASCII runs are skipped as in `validate`, other words are tested for the four lead
    /// bytes at once.
    public static func hasOverlongForm(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let raw = UnsafeRawPointer(base)
        let count = bytes.count
        var index = 0
        while index < count {
            // Not `ByteWord.nextCandidate`: an ASCII word sends the scan on to `skipASCII`, which
            // passes long ASCII runs thirty-two bytes at a time.
            if index + 8 <= count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                if ByteWord.isASCII(word) {
                    index = skipASCII(base, from: index + 8, count: count)
                    continue
                }
                // None of C0, C1 (`b & FE == C0`), E0 and F0 (`b & EF == E0`).
                if !(ByteWord.contains(0xC0, in: word & 0xFEFE_FEFE_FEFE_FEFE)
                     || ByteWord.contains(0xE0, in: word & 0xEFEF_EFEF_EFEF_EFEF)) {
                    index += 8
                    continue
                }
            }
            let end = min(index + 8, count)
            while index < end {
                let byte = base[index]
                if byte == 0xC0 || byte == 0xC1 { return true }
                if index + 1 < count {
                    if byte == 0xE0, base[index + 1] < 0xA0 { return true }
                    if byte == 0xF0, base[index + 1] < 0x90 { return true }
                }
                index += 1
            }
        }
        return false
    }

    /// The offset of the first byte at or after `start` that is not ASCII, or `count`.
    @inlinable @inline(__always)
    public static func skipASCII(_ base: UnsafePointer<UInt8>, from start: Int, count: Int) -> Int {
        var index = start
        let raw = UnsafeRawPointer(base)
        while index + 32 <= count {
            let word0 = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            let word1 = raw.loadUnaligned(fromByteOffset: index + 8, as: UInt64.self)
            let word2 = raw.loadUnaligned(fromByteOffset: index + 16, as: UInt64.self)
            let word3 = raw.loadUnaligned(fromByteOffset: index + 24, as: UInt64.self)
            if (word0 | word1 | word2 | word3) & highBits != 0 { break }
            index += 32
        }
        while index + 8 <= count {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            let high = word & highBits
            if high != 0 { return index + high.trailingZeroBitCount >> 3 }
            index += 8
        }
        while index < count && base[index] < 0x80 { index += 1 }
        return index
    }

    /// The offset of the first byte that is not ASCII, or nil when all are.
    static func firstNonASCII(_ buffer: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = buffer.baseAddress else { return nil }
        let index = skipASCII(base, from: 0, count: buffer.count)
        return index < buffer.count ? index : nil
    }

    /// Counts of well-formed multi-byte sequences and of bytes that start none: a document with
    /// many of the first and few of the second is UTF-8 with a few stray bytes, not another encoding.
    static func survey(_ buffer: UnsafeBufferPointer<UInt8>) -> (multiByteSequences: Int, invalidBytes: Int) {
        var sequences = 0, invalid = 0
        var rest = UnsafeBufferPointer(rebasing: buffer[...])
        while !rest.isEmpty {
            switch validate(rest) {
            case .valid:
                sequences += multiByteLeads(in: rest)
                return (sequences, invalid)
            case .truncated(let offset):
                sequences += multiByteLeads(in: UnsafeBufferPointer(rebasing: rest[..<offset]))
                return (sequences, invalid + (rest.count - offset))
            case .invalid(let offset):
                sequences += multiByteLeads(in: UnsafeBufferPointer(rebasing: rest[..<offset]))
                invalid += 1
                rest = UnsafeBufferPointer(rebasing: rest[(offset + 1)...])
            }
        }
        return (sequences, invalid)
    }

    /// In valid UTF-8, the number of bytes that lead a multi-byte sequence.
    private static func multiByteLeads(in buffer: UnsafeBufferPointer<UInt8>) -> Int {
        var leads = 0
        for byte in buffer where byte >= 0xC0 { leads += 1 }
        return leads
    }
}
