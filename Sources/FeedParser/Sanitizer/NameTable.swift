/// A fixed map from element or attribute names to what the sanitizer's lists say of them, looked
/// up without running a hasher.
///
/// Every start tag and attribute of every entry is looked up; a `Dictionary<String, _>` hashes
/// the whole name with SipHash each time. Names of up to 16 bytes (all but a few long SVG and
/// MathML attribute names) are packed into two words here and found in an open-addressed table
/// with a multiply and a compare or two; longer ones go to a dictionary.
struct NameTable<Value> {
    private struct Key: Equatable {
        var low: UInt64
        var high: UInt64
        var length: Int

        /// The first eight bytes of `span` in `low`, the next eight in `high`.
        init?(_ span: Span<UInt8>) {
            let count = span.count
            guard count <= 16 else { return nil }
            low = 0
            high = 0
            length = count
            var index = 0
            while index < count && index < 8 {
                low |= UInt64(span[index]) << (8 * UInt64(index))
                index += 1
            }
            while index < count {
                high |= UInt64(span[index]) << (8 * UInt64(index - 8))
                index += 1
            }
        }

        func slot(mask: Int) -> Int {
            let mixed = (low &* 0x9E37_79B9_7F4A_7C15) ^ (high &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(length)
            return Int(truncatingIfNeeded: (mixed &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
        }
    }

    private let keys: [Key]
    private let values: [Value]
    /// An index into `keys` plus one; 0 for an empty slot.
    private let slots: [Int32]
    private let mask: Int
    /// Names longer than a key holds.
    private let longNames: [String: Value]

    init(_ entries: [String: Value]) {
        var keys: [Key] = []
        var values: [Value] = []
        var longNames: [String: Value] = [:]
        for (name, value) in entries {
            if let key = Key(name.utf8.span) {
                keys.append(key)
                values.append(value)
            } else {
                longNames[name] = value
            }
        }
        var size = 16
        while size < keys.count * 4 { size *= 2 }
        var slots = [Int32](repeating: 0, count: size)
        for (index, key) in keys.enumerated() {
            var slot = key.slot(mask: size - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (size - 1) }
            slots[slot] = Int32(index + 1)
        }
        self.keys = keys
        self.values = values
        self.slots = slots
        self.mask = size - 1
        self.longNames = longNames
    }

    subscript(name: String) -> Value? {
        guard let key = Key(name.utf8.span) else { return longNames[name] }
        var slot = key.slot(mask: mask)
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { return nil }
            if keys[entry - 1] == key { return values[entry - 1] }
            slot = (slot + 1) & mask
        }
    }
}

extension NameTable: Sendable where Value: Sendable {}
