/// The characters XML 1.0 cannot carry (§2.2): C0 controls other than tab, line feed and carriage
/// return, and U+FFFE and U+FFFF. Not even a character reference can write them, so a writer
/// leaves them out rather than produce a document no parser accepts. (Swift strings hold no lone
/// surrogates, the other excluded range.)
public enum XMLCharacterFilter {
    /// `text` without the characters XML cannot carry; the same string, uncopied, when it has none
    /// (the common case, found in one pass over its bytes).
    public static func droppingForbidden(_ text: String) -> String {
        var text = text
        let clean = text.withUTF8 { bytes -> Bool in
            guard let base = bytes.baseAddress else { return true }
            let raw = UnsafeRawPointer(base)
            let count = bytes.count
            var i = 0
            while i < count {
                // Eight bytes at a time: no byte below 0x20 and no 0xEF (the lead byte of
                // U+FFFE and U+FFFF) means nothing to look at; text is almost always like that.
                if i + 8 <= count {
                    let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    let lowBits: UInt64 = 0x0101_0101_0101_0101
                    let highBits: UInt64 = 0x8080_8080_8080_8080
                    let belowSpace = (word &- lowBits &* 0x20) & ~word & highBits
                    let leadBytes = word ^ (lowBits &* 0xEF)
                    let hasLeadByte = (leadBytes &- lowBits) & ~leadBytes & highBits
                    if belowSpace == 0 && hasLeadByte == 0 {
                        i += 8
                        continue
                    }
                }
                let byte = bytes[i]
                if byte < 0x20 {
                    if byte != 0x09 && byte != 0x0A && byte != 0x0D { return false }
                } else if byte == 0xEF, i + 2 < count, bytes[i + 1] == 0xBF, bytes[i + 2] >= 0xBE {
                    return false
                }
                i += 1
            }
            return true
        }
        if clean { return text }
        var kept = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where isAllowed(scalar) {
            kept.append(scalar)
        }
        return String(kept)
    }

    /// True for a character XML 1.0 documents may contain.
    public static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return true
        case 0x00..<0x20: return false
        case 0xFFFE, 0xFFFF: return false
        default: return true
        }
    }
}
