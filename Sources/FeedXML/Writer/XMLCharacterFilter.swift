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
            let count = bytes.count
            var i = 0
            while true {
                // Eight bytes at a time: no byte below 0x20 and no 0xEF (the lead byte of
                // U+FFFE and U+FFFF) means nothing to look at; text is almost always like that.
                i = ByteWord.nextCandidate(in: bytes, from: i) {
                    !ByteWord.containsByte(below: 0x20, in: $0) && !ByteWord.contains(0xEF, in: $0)
                }
                guard i < count else { return true }
                let byte = bytes[i]
                if byte < 0x20 {
                    if byte != 0x09 && byte != 0x0A && byte != 0x0D { return false }
                } else if byte == 0xEF, i + 2 < count, bytes[i + 1] == 0xBF, bytes[i + 2] >= 0xBE {
                    return false
                }
                i += 1
            }
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
