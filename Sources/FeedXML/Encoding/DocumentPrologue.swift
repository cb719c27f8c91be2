/// What a document's first bytes say about its encoding: a byte order mark, the layout of its
/// first characters (XML 1.0 Appendix F), and the `encoding` of its XML declaration.
struct DocumentPrologue {
    struct ByteOrderMark: Equatable {
        var encoding: String
        var length: Int
    }

    var byteOrderMark: ByteOrderMark?
    /// The layout of the first characters; nil when the first bytes tell nothing (no markup, binary).
    var layout: ByteLayout?
    /// The `encoding` pseudo-attribute of the XML declaration, as written.
    var declaredEncoding: String?

    /// Only the first few hundred bytes are read.
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        let head = Array(bytes.prefix(4)) + [UInt8](repeating: 0xFF, count: max(0, 4 - bytes.count))
        let enough = bytes.count >= 4
        switch (head[0], head[1], head[2], head[3]) {
        case (0xEF, 0xBB, 0xBF, _) where bytes.count >= 3:
            byteOrderMark = ByteOrderMark(encoding: "utf-8", length: 3)
            layout = .asciiCompatible
        case (0x00, 0x00, 0xFE, 0xFF) where enough:
            byteOrderMark = ByteOrderMark(encoding: "utf-32be", length: 4)
            layout = .utf32BigEndian
        case (0xFF, 0xFE, 0x00, 0x00) where enough:
            byteOrderMark = ByteOrderMark(encoding: "utf-32le", length: 4)
            layout = .utf32LittleEndian
        case (0xFE, 0xFF, _, _) where bytes.count >= 2:
            byteOrderMark = ByteOrderMark(encoding: "utf-16be", length: 2)
            layout = .utf16BigEndian
        case (0xFF, 0xFE, _, _) where bytes.count >= 2:
            byteOrderMark = ByteOrderMark(encoding: "utf-16le", length: 2)
            layout = .utf16LittleEndian
        case (0x00, 0x00, 0x00, 1...0x7F) where enough: layout = .utf32BigEndian
        case (1...0x7F, 0x00, 0x00, 0x00) where enough: layout = .utf32LittleEndian
        case (0x00, 1...0x7F, 0x00, 1...0x7F) where enough: layout = .utf16BigEndian
        case (1...0x7F, 0x00, 1...0x7F, 0x00) where enough: layout = .utf16LittleEndian
        case (0x4C, 0x6F, 0xA7, 0x94) where enough: layout = .ebcdic   // "<?xm" in EBCDIC
        default:
            let start = bytes.prefix(4)
            if let first = start.first, first < 0x80, !start.contains(0) { layout = .asciiCompatible }
        }
        let afterMark = UnsafeBufferPointer(rebasing: bytes[(byteOrderMark?.length ?? 0)...])
        declaredEncoding = Self.declaredEncoding(in: Self.asciiHead(afterMark, layout: layout))
    }

    /// The encoding the layout alone implies, when it is not ASCII's.
    var layoutEncoding: String? {
        switch layout {
        case .utf16LittleEndian: "utf-16le"
        case .utf16BigEndian: "utf-16be"
        case .utf32LittleEndian: "utf-32le"
        case .utf32BigEndian: "utf-32be"
        case .ebcdic: "ibm037"
        case .asciiCompatible, .utf16UnknownOrder, .utf32UnknownOrder, nil: nil
        }
    }

    private static let headLimit = 512

    /// The first characters as ASCII bytes, as far as they are ASCII.
    private static func asciiHead(_ bytes: UnsafeBufferPointer<UInt8>, layout: ByteLayout?) -> [UInt8] {
        let unitSize: Int
        var littleEndian = false
        switch layout {
        case .utf16LittleEndian: unitSize = 2; littleEndian = true
        case .utf16BigEndian: unitSize = 2
        case .utf32LittleEndian: unitSize = 4; littleEndian = true
        case .utf32BigEndian: unitSize = 4
        case .ebcdic:
            guard let converter = IconvConverter(from: "IBM037", to: "UTF-8") else { return [] }
            var head: [UInt8] = []
            _ = converter.convert(UnsafeBufferPointer(rebasing: bytes.prefix(headLimit)), appendingTo: &head)
            return head
        case .asciiCompatible, .utf16UnknownOrder, .utf32UnknownOrder, nil:
            return Array(bytes.prefix(headLimit))
        }
        var head: [UInt8] = []
        var offset = 0
        while offset + unitSize <= bytes.count && head.count < headLimit {
            var unit: UInt32 = 0
            for index in 0..<unitSize {
                let byte = UInt32(bytes[offset + (littleEndian ? unitSize - 1 - index : index)])
                unit = unit << 8 | byte
            }
            guard unit < 0x80 else { break }
            head.append(UInt8(unit))
            offset += unitSize
        }
        return head
    }

    /// The value of `encoding="…"` in an XML declaration at the start (after optional white space).
    static func declaredEncoding(in head: [UInt8]) -> String? {
        var index = 0
        while index < head.count, isWhitespace(head[index]) { index += 1 }
        guard head[index...].starts(with: Array("<?xml".utf8)) else { return nil }
        index += 5
        guard index < head.count, isWhitespace(head[index]) else { return nil }
        let end = head[index...].firstIndex(of: UInt8(ascii: ">")) ?? head.count
        let declaration = head[index..<end]
        let name = Array("encoding".utf8)
        guard let found = declaration.indices.first(where: { declaration[$0...].starts(with: name) }) else { return nil }
        var position = found + name.count
        while position < end, isWhitespace(head[position]) { position += 1 }
        guard position < end, head[position] == UInt8(ascii: "=") else { return nil }
        position += 1
        while position < end, isWhitespace(head[position]) { position += 1 }
        guard position < end, head[position] == UInt8(ascii: "\"") || head[position] == UInt8(ascii: "'") else { return nil }
        let quote = head[position]
        let valueStart = position + 1
        guard let valueEnd = head[valueStart..<end].firstIndex(of: quote) else { return nil }
        let value = trimming(String(decoding: head[valueStart..<valueEnd], as: UTF8.self), " \t\r\n")
        return value.isEmpty || value.count > 64 ? nil : value
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}

/// The parts of an HTTP Content-Type that choose an encoding.
struct HTTPContentType: Equatable {
    /// The type and subtype, lower-cased: `application/rss+xml`.
    var essence: String
    /// The `charset` parameter without quotes, as written; nil when absent or empty.
    var charset: String?

    /// Nil for no Content-Type (or an empty one): the document is a file.
    init?(_ contentType: String?) {
        guard let contentType else { return nil }
        var parts = contentType.split(separator: ";", omittingEmptySubsequences: false).makeIterator()
        essence = trimming(parts.next() ?? "", " \t").lowercased()
        while let parameter = parts.next() {
            guard let equals = parameter.firstIndex(of: "=") else { continue }
            let name = trimming(parameter[..<equals], " \t").lowercased()
            guard name == "charset" else { continue }
            var value = trimming(parameter[parameter.index(after: equals)...], " \t")
            if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
                value = trimming(value.dropFirst().dropLast(), " \t")
            }
            charset = value.isEmpty ? nil : value
        }
        if essence.isEmpty && charset == nil { return nil }
    }

    /// `text/…`: RFC 3023 makes its missing charset `us-ascii`.
    var isText: Bool { essence.hasPrefix("text/") }
}

/// `text` without the characters of `set` at either end (no Foundation needed).
private func trimming(_ text: some StringProtocol, _ set: String) -> String {
    let trimmed = Set(set.unicodeScalars)
    let scalars = String(text).unicodeScalars
    guard let first = scalars.firstIndex(where: { !trimmed.contains($0) }),
          let last = scalars.lastIndex(where: { !trimmed.contains($0) }) else { return "" }
    return String(scalars[first...last])
}
