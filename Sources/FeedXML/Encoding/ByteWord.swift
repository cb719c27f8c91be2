/// Eight bytes read as one `UInt64`, for the scans that skip text a word at a time while none of
/// its bytes is one they look for (markup characters, a period, a lead byte). The tests are exact:
/// a true answer means such a byte is there, and the caller then looks byte by byte.
public enum ByteWord {
    @usableFromInline static let ones: UInt64 = 0x0101_0101_0101_0101
    @usableFromInline static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// True when some byte of `word` is `value` (the has-a-zero-byte test on `word` XOR `value`s).
    @inlinable @inline(__always)
    public static func contains(_ value: UInt8, in word: UInt64) -> Bool {
        let matched = word ^ (ones &* UInt64(value))
        return (matched &- ones) & ~matched & highBits != 0
    }

    /// True when some byte of `word` is below `limit`, which is at most 0x80.
    @inlinable @inline(__always)
    public static func containsByte(below limit: UInt8, in word: UInt64) -> Bool {
        (word &- ones &* UInt64(limit)) & ~word & highBits != 0
    }

    /// The first index at or after `start` whose byte the caller must look at: words of eight
    /// bytes for which `skippable` holds are passed over whole. `bytes.count` when there is none.
    @inlinable @inline(__always)
    public static func nextCandidate(in bytes: UnsafeBufferPointer<UInt8>, from start: Int,
                                     skipping skippable: (UInt64) -> Bool) -> Int {
        guard let base = bytes.baseAddress else { return bytes.count }
        let raw = UnsafeRawPointer(base)
        var index = start
        while index + 8 <= bytes.count, skippable(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
            index += 8
        }
        return min(index, bytes.count)
    }

    /// True when every byte of `word` is ASCII.
    @inlinable @inline(__always)
    public static func isASCII(_ word: UInt64) -> Bool {
        word & highBits == 0
    }
}
