/// Attribute values escaped for a double-quoted attribute, keeping every other character as
/// UTF-8.
///
/// libxml2's own attribute serialiser, without a document to tell it the encoding, writes every
/// non-ASCII character as a character reference (`Zo&#xEB;`): valid, but unreadable for the
/// people who open a feed file. This escapes only what must be: `&`, `<`, `>` and `"`, and
/// tab, line feed and carriage return as references, which attribute-value normalisation
/// would otherwise turn into spaces.
public enum XMLAttributeEscaping {
    public static func escaped(_ value: String) -> String {
        var value = value
        let needsEscaping = value.withUTF8 { bytes in bytes.contains(where: needsReference) }
        guard needsEscaping else { return value }
        var out = ""
        out.reserveCapacity(value.utf8.count + 16)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t": out += "&#9;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    @inline(__always)
    private static func needsReference(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), 0x09, 0x0A, 0x0D: return true
        default: return false
        }
    }
}
