/// Syntax checks for the attribute and element values feeds carry. Each is deliberately as
/// wide as its specification: a false error on a valid feed costs as much as a missed one.
enum ValueSyntax {
    // MARK: IRIs (RFC 3987 §2.2, over RFC 3986 §3)

    enum IRIReading: Equatable {
        case absolute(scheme: String)
        case relative
        /// Why it does not parse.
        case invalid(String)
    }

    /// Reads an IRI reference: any non-ASCII character counts as `ucschar`; ASCII must be
    /// unreserved, a sub-delimiter, one of `:@/?#`, or a `%XX` escape; `[ ]` only around a host.
    static func iri(_ text: String) -> IRIReading {
        let bytes = Array(text.utf8)
        if bytes.isEmpty { return .relative }   // the empty reference: the document itself
        var i = 0
        var sawFragment = false
        while i < bytes.count {
            let b = bytes[i]
            if b >= 0x80 { i += 1; continue }
            switch b {
            case UInt8(ascii: "%"):
                guard i + 2 < bytes.count, isHex(bytes[i + 1]), isHex(bytes[i + 2]) else {
                    return .invalid("'%' is not followed by two hexadecimal digits")
                }
                i += 3
                continue
            case UInt8(ascii: "#"):
                if sawFragment { return .invalid("it has a second '#'") }
                sawFragment = true
            case UInt8(ascii: "["), UInt8(ascii: "]"):
                break   // checked with the authority below
            default:
                guard isIRIASCII(b) else {
                    return .invalid(b == 0x20 ? "it contains a space" : "it contains the character '\(describe(b))'")
                }
            }
            i += 1
        }
        // Brackets belong only around an IP literal host: `//[…]` before the path.
        if let open = bytes.firstIndex(where: { $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "]") }) {
            let authorityStart = findAuthorityStart(bytes)
            let authorityEnd = authorityStart.map { start in
                bytes[start...].firstIndex(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) ?? bytes.count
            }
            guard let authorityStart, let authorityEnd, open >= authorityStart, open < authorityEnd else {
                return .invalid("'[' and ']' may only enclose an IP address host")
            }
        }
        // A colon before the first '/', '?' or '#' ends a scheme, which must then be valid.
        let firstDelimiter = bytes.firstIndex(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) ?? bytes.count
        guard let colon = bytes[..<firstDelimiter].firstIndex(of: UInt8(ascii: ":")) else { return .relative }
        let scheme = bytes[..<colon]
        guard let first = scheme.first, isAlpha(first),
              scheme.allSatisfy({ isAlpha($0) || isDigit($0) || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") })
        else {
            return .invalid("'\(String(decoding: scheme, as: UTF8.self))' before ':' is not a scheme")
        }
        return .absolute(scheme: String(decoding: scheme, as: UTF8.self).lowercased())
    }

    private static func findAuthorityStart(_ bytes: [UInt8]) -> Int? {
        guard let slashes = (0..<max(0, bytes.count - 1)).first(where: { bytes[$0] == UInt8(ascii: "/") && bytes[$0 + 1] == UInt8(ascii: "/") }) else { return nil }
        return slashes + 2
    }

    private static func isIRIASCII(_ b: UInt8) -> Bool {
        if isAlpha(b) || isDigit(b) { return true }
        switch b {
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"),       // unreserved
             UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"),        // sub-delims
             UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"),
             UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "="),
             UInt8(ascii: ":"), UInt8(ascii: "@"), UInt8(ascii: "/"), UInt8(ascii: "?"):
            return true
        default:
            return false
        }
    }

    private static func describe(_ b: UInt8) -> String {
        b < 0x20 || b == 0x7F ? "\\u{\(String(b, radix: 16))}" : String(UnicodeScalar(b))
    }

    static func isAlpha(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    static func isHex(_ b: UInt8) -> Bool { isDigit(b) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x66) }

    /// True for `javascript:` (any case, leading white space ignored).
    static func isJavaScript(_ text: String) -> Bool {
        let trimmed = text.drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        return trimmed.utf8.count >= 11 && String(trimmed.prefix(11)).lowercased() == "javascript:"
    }

    // MARK: Media types (RFC 2045 §5.1)

    /// `type/subtype` with optional `; name=value` parameters.
    static func isMediaType(_ text: String) -> Bool {
        let parts = text.split(separator: ";", omittingEmptySubsequences: false)
        guard let essence = parts.first else { return false }
        let halves = essence.split(separator: "/", omittingEmptySubsequences: false)
        guard halves.count == 2, isToken(halves[0]), isToken(halves[1].trimmingSpaces()) else { return false }
        for parameter in parts.dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard pair.count == 2, isToken(pair[0].trimmingSpaces()), !pair[1].trimmingSpaces().isEmpty else { return false }
        }
        return true
    }

    private static func isToken(_ text: some StringProtocol) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { b in
            b > 0x20 && b < 0x7F && !"()<>@,;:\\\"/[]?=".utf8.contains(b)
        }
    }

    /// An XML media type in the sense of RFC 3023 (and RFC 4287 §4.1.3.3).
    static func isXMLMediaType(_ type: String) -> Bool {
        let essence = type.split(separator: ";").first.map { String($0).trimmingSpaces().lowercased() } ?? ""
        return essence.hasSuffix("+xml") || essence.hasSuffix("/xml") || essence == "text/xml-external-parsed-entity"
            || essence == "application/xml-external-parsed-entity" || essence == "application/xml-dtd"
    }

    // MARK: Other values

    /// RFC 3066 `Language-Tag`: `primary-subtag *( "-" subtag )`, 1–8 letters then 1–8 letters or digits.
    static func isLanguageTag(_ text: String) -> Bool {
        let subtags = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let primary = subtags.first, (1...8).contains(primary.utf8.count),
              primary.utf8.allSatisfy(isAlpha) else { return false }
        return subtags.dropFirst().allSatisfy { (1...8).contains($0.utf8.count) && $0.utf8.allSatisfy { isAlpha($0) || isDigit($0) } }
    }

    /// An RFC 2822 addr-spec, read as widely as Atom's own schema does: something, `@`, something,
    /// with no white space or angle brackets.
    static func isAddrSpec(_ text: Substring) -> Bool {
        guard let at = text.lastIndex(of: "@"), at != text.startIndex, text.index(after: at) != text.endIndex else { return false }
        return !text.contains { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "<" || $0 == ">" || $0 == "(" || $0 == ")" || $0 == "," }
    }

    /// An RSS person: `address`, `address (Name)` or `Name <address>`.
    static func isRSSEmail(_ text: String) -> Bool {
        if let open = text.lastIndex(of: "<"), let close = text.lastIndex(of: ">"), open < close {
            return isAddrSpec(text[text.index(after: open)..<close])
        }
        let address = text.split(separator: " ", maxSplits: 1).first ?? ""
        guard isAddrSpec(address) else { return false }
        let rest = text.dropFirst(address.count).trimmingSpaces()
        return rest.isEmpty || (rest.hasPrefix("(") && rest.hasSuffix(")"))
    }

    /// RFC 4648 Base64, white space ignored.
    static func isBase64(_ bytes: ArraySlice<UInt8>) -> Bool {
        var count = 0
        var padding = 0
        for b in bytes {
            switch b {
            case 0x20, 0x09, 0x0A, 0x0D: continue
            case UInt8(ascii: "="): padding += 1
            case _ where isAlpha(b) || isDigit(b) || b == UInt8(ascii: "+") || b == UInt8(ascii: "/"):
                if padding > 0 { return false }
            default: return false
            }
            count += 1
        }
        return count % 4 == 0 && padding <= 2
    }

    /// A non-negative whole number in decimal digits.
    static func nonNegativeInteger(_ text: String) -> Int? {
        guard !text.isEmpty, text.utf8.count <= 18, text.utf8.allSatisfy(isDigit) else { return nil }
        return Int(text)
    }
}

extension StringProtocol {
    /// Without XML white space at either end.
    func trimmingSpaces() -> String {
        let scalars = String(self).unicodeScalars
        guard let first = scalars.firstIndex(where: { !isXMLSpace($0) }),
              let last = scalars.lastIndex(where: { !isXMLSpace($0) }) else { return "" }
        return String(scalars[first...last])
    }
}

private func isXMLSpace(_ scalar: Unicode.Scalar) -> Bool {
    scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r"
}

extension ValueSyntax {
    /// True for a URL with a scheme (what an `xml:base` or document address must be to resolve others).
    static func isAbsoluteURL(_ text: String) -> Bool {
        if case .absolute = iri(text.trimmingSpaces()) { return true }
        return false
    }
}
