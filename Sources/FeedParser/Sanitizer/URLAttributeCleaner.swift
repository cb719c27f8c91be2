/// The value written for a URL-bearing attribute (`href`, `src`, …): made absolute against the base
/// in scope, or emptied when its scheme could run or smuggle something.
///
/// The scheme is judged the way a browser reads it, not as written: tabs and line breaks anywhere
/// are removed and control characters and spaces around it are trimmed, so `java&#9;script:` and
/// ` javascript:` are caught (character references are already decoded by the HTML parser).
enum URLAttributeCleaner {
    /// - Parameter allowsImageData: true for an `img`'s `src`, where a raster `data:` image is kept.
    static func clean(_ value: String, baseURL: String?, allowsImageData: Bool) -> String {
        var cache = URLResolver.ParsedBase()
        return clean(value, baseURL: baseURL, allowsImageData: allowsImageData, reusing: &cache)
    }

    /// `clean(_:baseURL:allowsImageData:)`, keeping the parsed base in `cache` for the next call.
    static func clean(_ value: String, baseURL: String?, allowsImageData: Bool,
                      reusing cache: inout URLResolver.ParsedBase) -> String {
        // The common case, a value with nothing to remove or trim, is judged without copying it.
        if isClean(value.utf8.span) {
            let span = value.utf8.span
            if let schemeLength = schemeLength(span) {
                if isAllowedScheme(span, length: schemeLength) { return value }
                if allowsImageData && schemeLength == 4, ASCIIByte.lowercased(span[0]) == UInt8(ascii: "d"),
                   ASCIIByte.lowercased(span[1]) == UInt8(ascii: "a"), ASCIIByte.lowercased(span[2]) == UInt8(ascii: "t"),
                   ASCIIByte.lowercased(span[3]) == UInt8(ascii: "a"),
                   isRasterImageData(ArraySlice(value.utf8.dropFirst(schemeLength + 1))) {
                    return value
                }
                return ""
            }
            let resolved = URLResolver.resolve(value, against: baseURL, reusing: &cache)
            // A base with an unacceptable scheme must not lend it to a relative reference.
            let resolvedSpan = resolved.utf8.span
            if let schemeLength = schemeLength(resolvedSpan), !isAllowedScheme(resolvedSpan, length: schemeLength) {
                return ""
            }
            return resolved
        }
        return cleanedSlowly(value, baseURL: baseURL, allowsImageData: allowsImageData)
    }

    /// The general case, for any value: tabs and line breaks removed, the ends trimmed, then
    /// judged. `clean` gives the same answer faster for values with nothing to remove or trim.
    static func cleanedSlowly(_ value: String, baseURL: String?, allowsImageData: Bool) -> String {
        var bytes = Array(value.utf8)
        bytes.removeAll { $0 == ASCIIByte.tab || $0 == ASCIIByte.lineFeed || $0 == ASCIIByte.carriageReturn }
        let start = bytes.firstIndex { $0 > ASCIIByte.space } ?? bytes.endIndex
        let end = bytes.lastIndex { $0 > ASCIIByte.space }.map { $0 + 1 } ?? start
        let trimmed = bytes[start..<max(start, end)]

        if let schemeLength = URLResolver.schemeLength(trimmed) {
            let scheme = String(decoding: trimmed.prefix(schemeLength).map(ASCIIByte.lowercased), as: UTF8.self)
            if SanitizerPolicy.urlSchemes.contains(scheme)
                || (allowsImageData && scheme == "data" && isRasterImageData(trimmed.dropFirst(schemeLength + 1))) {
                return String(decoding: trimmed, as: UTF8.self)
            }
            return ""
        }
        let resolved = URLResolver.resolve(String(decoding: trimmed, as: UTF8.self), against: baseURL)
        // A base with an unacceptable scheme must not lend it to a relative reference.
        if let schemeLength = URLResolver.schemeLength(resolved.utf8) {
            let scheme = String(decoding: resolved.utf8.prefix(schemeLength).map(ASCIIByte.lowercased), as: UTF8.self)
            if !SanitizerPolicy.urlSchemes.contains(scheme) { return "" }
        }
        return resolved
    }

    /// A value the slow path would neither shorten nor trim: no tab or line break, and no byte up
    /// to the space at either end.
    private static func isClean(_ span: Span<UInt8>) -> Bool {
        let count = span.count
        guard count > 0, span[0] > ASCIIByte.space, span[count - 1] > ASCIIByte.space else { return false }
        var index = 0
        while index < count {
            let byte = span[index]
            if byte == ASCIIByte.tab || byte == ASCIIByte.lineFeed || byte == ASCIIByte.carriageReturn { return false }
            index += 1
        }
        return true
    }

    /// `URLResolver.schemeLength` over a span.
    private static func schemeLength(_ span: Span<UInt8>) -> Int? {
        var length = 0
        while length < span.count {
            let byte = span[length]
            if byte == ASCIIByte.colon { return length > 0 ? length : nil }
            let allowed = ASCIIByte.isLetter(byte)
                || (length > 0 && (ASCIIByte.isDigit(byte) || byte == ASCIIByte.plus || byte == ASCIIByte.hyphen
                                   || byte == ASCIIByte.period))
            if !allowed { return nil }
            length += 1
        }
        return nil
    }

    /// Whether the scheme, the first `length` bytes of `span`, is in `SanitizerPolicy.urlSchemes`
    /// compared without case.
    private static func isAllowedScheme(_ span: Span<UInt8>, length: Int) -> Bool {
        // http and https, nearly every URL, without building a string.
        if length == 4 || length == 5, ASCIIByte.lowercased(span[0]) == UInt8(ascii: "h"),
           ASCIIByte.lowercased(span[1]) == UInt8(ascii: "t"), ASCIIByte.lowercased(span[2]) == UInt8(ascii: "t"),
           ASCIIByte.lowercased(span[3]) == UInt8(ascii: "p"),
           length == 4 || ASCIIByte.lowercased(span[4]) == UInt8(ascii: "s") {
            return true
        }
        var scheme: [UInt8] = []
        scheme.reserveCapacity(length)
        for index in 0..<length { scheme.append(ASCIIByte.lowercased(span[index])) }
        return SanitizerPolicy.urlSchemes.contains(String(decoding: scheme, as: UTF8.self))
    }

    /// `afterScheme` is what follows `data:`; its media type must be one of the raster image types.
    private static func isRasterImageData(_ afterScheme: ArraySlice<UInt8>) -> Bool {
        let mediaType = afterScheme.prefix { $0 != UInt8(ascii: ";") && $0 != UInt8(ascii: ",") }
        let lowered = String(decoding: mediaType.map(ASCIIByte.lowercased), as: UTF8.self)
        return SanitizerPolicy.imageDataMediaTypes.contains(lowered)
    }
}
