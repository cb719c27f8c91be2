/// base64 decoding for Atom content sent in `mode="base64"` or with a non-text media type.
enum Base64 {
    private static let values: [UInt8] = {
        var table = [UInt8](repeating: 255, count: 256)
        for (i, c) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
            table[Int(c)] = UInt8(i)
        }
        table[Int(UInt8(ascii: "-"))] = 62
        table[Int(UInt8(ascii: "_"))] = 63
        return table
    }()

    /// The decoded bytes, ignoring white space; nil when a character is not base64.
    static func decode(_ text: String) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count * 3 / 4)
        var buffer: UInt32 = 0
        var bits = 0
        for c in text.utf8 {
            if c == UInt8(ascii: "=") { break }
            if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 { continue }
            let v = values[Int(c)]
            if v == 255 { return nil }
            buffer = (buffer << 6) | UInt32(v)
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8(truncatingIfNeeded: buffer >> UInt32(bits)))
            }
        }
        return out
    }

    /// The decoded text when the bytes are UTF-8; nil otherwise.
    static func decodeText(_ text: String) -> String? {
        guard let bytes = decode(text) else { return nil }
        return String(validating: bytes, as: UTF8.self)
    }
}
