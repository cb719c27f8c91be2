/// gzip (RFC 1952) and zlib "deflate" (RFC 1950) bodies for the scripted server, made of stored
/// (uncompressed) deflate blocks: valid input for any inflater, so the client's decompression is
/// really exercised, without linking zlib into the tests.
enum ContentCoding: Sendable {
    case gzip
    case deflate

    /// The `Content-Encoding` header value.
    var headerValue: String {
        switch self {
        case .gzip: return "gzip"
        case .deflate: return "deflate"
        }
    }

    func encode(_ body: [UInt8]) -> [UInt8] {
        switch self {
        case .gzip:
            var out: [UInt8] = [0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xFF]
            out += Self.storedBlocks(body)
            out += Self.littleEndian(CRC32.checksum(body))
            out += Self.littleEndian(UInt32(truncatingIfNeeded: body.count))
            return out
        case .deflate:
            // CMF 0x78 (deflate, 32 KiB window), FLG 0x01: 0x7801 is a multiple of 31.
            var out: [UInt8] = [0x78, 0x01]
            out += Self.storedBlocks(body)
            let adler = Self.adler32(body)
            out += [UInt8(adler >> 24), UInt8((adler >> 16) & 0xFF), UInt8((adler >> 8) & 0xFF), UInt8(adler & 0xFF)]
            return out
        }
    }

    /// Deflate stored blocks of at most 65,535 bytes; the last one has BFINAL set.
    private static func storedBlocks(_ body: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var offset = 0
        repeat {
            let length = min(65_535, body.count - offset)
            let final = offset + length == body.count
            out.append(final ? 0x01 : 0x00)
            out += [UInt8(length & 0xFF), UInt8(length >> 8)]
            out += [UInt8(~length & 0xFF), UInt8((~length >> 8) & 0xFF)]
            out += body[offset..<(offset + length)]
            offset += length
        } while offset < body.count
        return out
    }

    private static func littleEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value & 0xFF), UInt8((value >> 8) & 0xFF), UInt8((value >> 16) & 0xFF), UInt8(value >> 24)]
    }

    private static func adler32(_ bytes: [UInt8]) -> UInt32 {
        var a: UInt32 = 1
        var b: UInt32 = 0
        for byte in bytes {
            a = (a + UInt32(byte)) % 65_521
            b = (b + a) % 65_521
        }
        return (b << 16) | a
    }
}

/// CRC-32 as gzip uses it (reflected polynomial 0xEDB88320).
private enum CRC32 {
    static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
        return value
    }

    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }
}
