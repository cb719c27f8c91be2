/// The value written for a URL-bearing attribute (`href`, `src`, …): made absolute against the base
/// in scope, or emptied when its scheme could run or smuggle something.
///
/// The scheme is judged the way a browser reads it, not as written: tabs and line breaks anywhere
/// are removed and control characters and spaces around it are trimmed, so `java&#9;script:` and
/// ` javascript:` are caught (character references are already decoded by the HTML parser).
enum URLAttributeCleaner {
    /// - Parameter allowsImageData: true for an `img`'s `src`, where a raster `data:` image is kept.
    static func clean(_ value: String, baseURL: String?, allowsImageData: Bool) -> String {
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

    /// `afterScheme` is what follows `data:`; its media type must be one of the raster image types.
    private static func isRasterImageData(_ afterScheme: ArraySlice<UInt8>) -> Bool {
        let mediaType = afterScheme.prefix { $0 != UInt8(ascii: ";") && $0 != UInt8(ascii: ",") }
        let lowered = String(decoding: mediaType.map(ASCIIByte.lowercased), as: UTF8.self)
        return SanitizerPolicy.imageDataMediaTypes.contains(lowered)
    }
}
