/// Single-byte code pages as tables from byte to Unicode scalar.
enum SingleByteTables {
    /// windows-1252 at 0x80–0x9F (elsewhere it is ISO 8859-1, byte value = code point).
    /// Zero marks the five bytes the code page leaves undefined.
    static let windows1252High: [UInt16] = [
        0x20AC, 0x0000, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x0000, 0x017D, 0x0000,
        0x0000, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x0000, 0x017E, 0x0178,
    ]

    @inline(__always)
    static func isUndefinedInWindows1252(_ byte: UInt8) -> Bool {
        byte >= 0x80 && byte <= 0x9F && windows1252High[Int(byte - 0x80)] == 0
    }

    /// Appends the UTF-8 for a windows-1252 byte; an undefined byte reads as the C1 control
    /// of the same value, as the WHATWG Encoding Standard does.
    @inline(__always)
    static func appendWindows1252(_ byte: UInt8, to output: inout [UInt8]) {
        if byte < 0x80 {
            output.append(byte)
        } else if byte >= 0xA0 || windows1252High[Int(byte - 0x80)] == 0 {
            output.append(0xC0 | (byte >> 6))
            output.append(0x80 | (byte & 0x3F))
        } else {
            appendUTF8(UInt32(windows1252High[Int(byte - 0x80)]), to: &output)
        }
    }

    /// Decodes windows-1252 until the end or (when rejecting) the first undefined byte: one
    /// pass to size the output, one to write it, ASCII runs copied whole.
    static func decodeWindows1252(_ input: UnsafeBufferPointer<UInt8>, rejectingUndefinedBytes: Bool,
                                  appendingTo output: inout [UInt8]) -> IconvConverter.Outcome {
        guard let base = input.baseAddress else { return .init(consumed: 0, stop: .finished) }
        var end = input.count
        var length = 0
        var index = UTF8Validation.skipASCII(base, from: 0, count: end)
        length = index
        while index < end {
            let byte = base[index]
            if byte < 0x80 {
                length += 1
            } else if byte >= 0xA0 {
                length += 2
            } else {
                let scalar = windows1252High[Int(byte - 0x80)]
                if scalar == 0 && rejectingUndefinedBytes {
                    end = index
                    break
                }
                length += scalar == 0 || scalar < 0x800 ? 2 : 3
            }
            index += 1
        }
        let start = output.count
        output.append(contentsOf: repeatElement(0, count: length))
        output.withUnsafeMutableBufferPointer { buffer in
            guard let target = buffer.baseAddress?.advanced(by: start) else { return }
            var written = 0
            var position = 0
            while position < end {
                let runEnd = min(UTF8Validation.skipASCII(base, from: position, count: end), end)
                if runEnd > position {
                    (target + written).update(from: base + position, count: runEnd - position)
                    written += runEnd - position
                    position = runEnd
                    continue
                }
                let byte = base[position]
                let scalar = byte >= 0xA0 ? UInt16(byte) : windows1252High[Int(byte - 0x80)]
                let codePoint = scalar == 0 ? UInt16(byte) : scalar
                if codePoint < 0x800 {
                    target[written] = UInt8(0xC0 | (codePoint >> 6))
                    target[written + 1] = UInt8(0x80 | (codePoint & 0x3F))
                    written += 2
                } else {
                    target[written] = UInt8(0xE0 | (codePoint >> 12))
                    target[written + 1] = UInt8(0x80 | ((codePoint >> 6) & 0x3F))
                    target[written + 2] = UInt8(0x80 | (codePoint & 0x3F))
                    written += 3
                }
                position += 1
            }
        }
        return .init(consumed: end, stop: end == input.count ? .finished : .invalidSequence)
    }

    @inline(__always)
    static func appendUTF8(_ codePoint: UInt32, to output: inout [UInt8]) {
        switch codePoint {
        case 0..<0x80:
            output.append(UInt8(codePoint))
        case 0x80..<0x800:
            output.append(UInt8(0xC0 | (codePoint >> 6)))
            output.append(UInt8(0x80 | (codePoint & 0x3F)))
        case 0x800..<0x10000:
            output.append(UInt8(0xE0 | (codePoint >> 12)))
            output.append(UInt8(0x80 | ((codePoint >> 6) & 0x3F)))
            output.append(UInt8(0x80 | (codePoint & 0x3F)))
        default:
            output.append(UInt8(0xF0 | (codePoint >> 18)))
            output.append(UInt8(0x80 | ((codePoint >> 12) & 0x3F)))
            output.append(UInt8(0x80 | ((codePoint >> 6) & 0x3F)))
            output.append(UInt8(0x80 | (codePoint & 0x3F)))
        }
    }

    static let replacementCharacter: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// The scalars of bytes 0x80–0xFF in a code page that iconv reads (nil where undefined),
    /// or nil when iconv lacks the code page. For the recogniser, which weighs letters.
    static func highHalf(iconvName: String) -> [Unicode.Scalar?]? {
        guard let converter = IconvConverter(from: iconvName, to: "UTF-8") else { return nil }
        var table: [Unicode.Scalar?] = []
        table.reserveCapacity(128)
        for byte in UInt8(0x80)...UInt8(0xFF) {
            converter.reset()
            var output: [UInt8] = []
            let outcome = [byte].withUnsafeBufferPointer { converter.convert($0, appendingTo: &output) }
            converter.flush(appendingTo: &output)
            if outcome.stop == .finished, let scalar = String(validating: output, as: UTF8.self)?.unicodeScalars.first {
                table.append(scalar)
            } else {
                table.append(nil)
            }
        }
        return table
    }
}
