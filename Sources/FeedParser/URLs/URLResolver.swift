import FeedXML
import Glibc

/// Resolution of URI references against a base URI, as RFC 3986 §5.2 describes it, done on the
/// UTF-8 bytes of the strings.
///
/// It runs for every link of every entry, so it avoids Foundation's `URL` (which allocates, and
/// refuses many strings found in real feeds). The characters of the reference are kept as given:
/// nothing is percent-encoded or decoded, so IRIs with non-ASCII characters pass through as IRIs.
///
/// Choices beyond the RFC:
/// - An absolute reference (one with a scheme) comes back unchanged, without dot-segment removal.
/// - A base without a scheme still resolves (`item.html` against `/feeds/` is `/feeds/item.html`),
///   so a chain of relative `xml:base` values keeps its meaning until a document URL arrives.
/// - An opaque base (a scheme and a path not starting with `/`: `urn:`, `mailto:`, `tag:`) gives
///   no hierarchy to resolve into: only the empty reference and a fragment-only reference resolve
///   against it; any other relative reference comes back unchanged.
/// - Surrounding ASCII whitespace of the reference and of the base is ignored; an empty base is no
///   base.
public enum URLResolver {
    /// `reference` resolved against `base` (RFC 3986 §5.2, with remove_dot_segments); `reference`
    /// unchanged when base is nil or the reference is already absolute. Never crashes, whatever
    /// the strings.
    public static func resolve(_ reference: String, against base: String?) -> String {
        var cache = ParsedBase()
        return resolve(reference, against: base, reusing: &cache)
    }

    /// The base last resolved against, split into its parts: a feed resolves many references
    /// against the same base, which is then split once.
    public struct ParsedBase: Sendable {
        var text: String?
        var bytes: [UInt8] = []
        var parts = URIReferenceParts([])
        /// For a base with a scheme, an authority and no segment of its path starting with `.`:
        /// how many of `bytes` a reference starting with `/` follows (scheme and authority), and
        /// how many a relative-path reference follows (up to the path's last slash, plus a slash
        /// of its own when the base has no path). nil otherwise.
        var originLength: Int?
        var directoryLength: Int?
        var directoryNeedsSlash = false

        public init() {}

        /// Makes `base` the base this cache holds, split into its parts, unless it already is.
        /// The bytes go into the storage the previous base used: a reader moving between a few
        /// bases allocates nothing for them after the first.
        mutating func prepare(for base: String) {
            guard text != base else { return }
            text = base
            // Through a `String`, whose UTF-8 is contiguous: a substring's view would be copied
            // a byte at a time. Trimming nothing, as is usual, shares the base's storage.
            var trimmed = String(URLResolver.trimmingASCIIWhitespace(base))
            bytes.removeAll(keepingCapacity: true)
            trimmed.withUTF8 { bytes.append(contentsOf: $0) }
            parts = URIReferenceParts(bytes)
            originLength = nil
            directoryLength = nil
            directoryNeedsSlash = false
            if parts.scheme != nil, let authority = parts.authority,
               !bytes[parts.path].withUnsafeBufferPointer(URLResolver.hasSegmentStartingWithPeriod) {
                originLength = authority.upperBound
                if let lastSlash = bytes[parts.path].lastIndex(of: ASCIIByte.slash) {
                    directoryLength = lastSlash + 1
                } else {
                    directoryLength = authority.upperBound
                    directoryNeedsSlash = true
                }
            }
        }
    }

    /// `resolve(_:against:reusing:)` for a reference held as UTF-8 bytes, such as an attribute
    /// value as the parser holds it, which need not be valid UTF-8: a relative path, the usual
    /// link in a feed, joins its base without first becoming a string of its own.
    public static func resolve(utf8 reference: UnsafeBufferPointer<UInt8>, against base: String?,
                               reusing cache: inout ParsedBase) -> String {
        if let base, ReferenceShape(reference).isPlainPath {
            cache.prepare(for: base)
            if let joined = joinedPlainPath(reference, cache, validated: false) { return joined }
        }
        return resolve(UTF8Text.string(reference), against: base, reusing: &cache)
    }

    /// `resolve(_:against:)`, keeping the parsed base in `cache` for the next call.
    public static func resolve(_ reference: String, against base: String?, reusing cache: inout ParsedBase) -> String {
        var reference = reference
        let shape = reference.withUTF8(ReferenceShape.init)
        // Fast path: an absolute reference without surrounding space is its own resolution.
        if shape.isUnpadded, base == nil || shape.hasScheme { return reference }
        guard let base else { return String(trimmingASCIIWhitespace(reference)) }
        cache.prepare(for: base)
        if shape.isPlainPath, let joined = reference.withUTF8({ joinedPlainPath($0, cache, validated: true) }) {
            return joined
        }
        let trimmedReference = trimmingASCIIWhitespace(reference)
        if cache.bytes.isEmpty || schemeLength(trimmedReference.utf8) != nil { return String(trimmedReference) }

        // Copied through a `String`, whose UTF-8 view copies with one `memcpy`; a substring's
        // view would be copied a byte at a time.
        let referenceBytes = Array(String(trimmedReference).utf8)
        let referenceParts = URIReferenceParts(referenceBytes)
        let baseBytes = cache.bytes
        let baseParts = cache.parts
        if baseParts.isOpaque(in: baseBytes) {
            let refersToBaseItself = referenceBytes.isEmpty || referenceBytes.first == ASCIIByte.numberSign
            if !refersToBaseItself { return String(trimmedReference) }
        }

        var target: [UInt8] = []
        target.reserveCapacity(baseBytes.count + referenceBytes.count + 1)
        if let scheme = baseParts.scheme {
            target.append(contentsOf: baseBytes[scheme])
            target.append(ASCIIByte.colon)
        }

        let query: ArraySlice<UInt8>?
        if let authority = referenceParts.authority {
            target.append(ASCIIByte.slash)
            target.append(ASCIIByte.slash)
            target.append(contentsOf: referenceBytes[authority])
            appendPathRemovingDotSegments(referenceBytes[referenceParts.path], to: &target)
            query = referenceParts.query.map { referenceBytes[$0] }
        } else {
            if let authority = baseParts.authority {
                target.append(ASCIIByte.slash)
                target.append(ASCIIByte.slash)
                target.append(contentsOf: baseBytes[authority])
            }
            let referencePath = referenceBytes[referenceParts.path]
            if referencePath.isEmpty {
                target.append(contentsOf: baseBytes[baseParts.path])
                if let referenceQuery = referenceParts.query {
                    query = referenceBytes[referenceQuery]
                } else {
                    query = baseParts.query.map { baseBytes[$0] }
                }
            } else {
                let pathStart = target.count
                if referencePath.first != ASCIIByte.slash {
                    // RFC 3986 §5.2.3: the base path up to its last slash, or a slash alone when
                    // the base has an authority and no path.
                    let basePath = baseBytes[baseParts.path]
                    if let lastSlash = basePath.lastIndex(of: ASCIIByte.slash) {
                        target.append(contentsOf: basePath[...lastSlash])
                    } else if baseParts.authority != nil {
                        target.append(ASCIIByte.slash)
                    }
                }
                target.append(contentsOf: referencePath)
                removeDotSegments(in: &target, from: pathStart)
                query = referenceParts.query.map { referenceBytes[$0] }
            }
        }
        if let query {
            target.append(ASCIIByte.questionMark)
            target.append(contentsOf: query)
        }
        if let fragment = referenceParts.fragment {
            target.append(ASCIIByte.numberSign)
            target.append(contentsOf: referenceBytes[fragment])
        }
        return target.withUnsafeBufferPointer { UTF8Text.string(validUTF8: $0) }
    }

    /// True when a segment starts with `.`: it may be a dot segment (`.` or `..`), which §5.2.4
    /// removes, so the path cannot be copied as it is.
    /// Looks at eight bytes at a time while none is a period.
    fileprivate static func hasSegmentStartingWithPeriod(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while true {
            i = ByteWord.nextCandidate(in: bytes, from: i) { !ByteWord.contains(ASCIIByte.period, in: $0) }
            guard i < bytes.count else { return false }
            if bytes[i] == ASCIIByte.period && (i == 0 || bytes[i - 1] == ASCIIByte.slash) { return true }
            i += 1
        }
    }

    /// What one pass over a reference's bytes tells.
    private struct ReferenceShape {
        /// No white space before or after it.
        var isUnpadded = false
        var hasScheme = false
        /// A path (absolute or relative, not network-path) with no segment starting with `.`,
        /// perhaps with a query or fragment, and no surrounding space. Never set for a reference
        /// with a scheme, which is returned as it is (unpadded) before anyone asks; so the scan
        /// for dot segments is skipped for the absolute URLs most feeds use.
        var isPlainPath = false

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard let base = bytes.baseAddress, let first = bytes.first, let last = bytes.last else { return }
            isUnpadded = !ASCIIByte.isWhitespace(first) && !ASCIIByte.isWhitespace(last)
            // A scheme ends at a colon: most relative references have none, and libc's `memchr`
            // says so without the character-class test of every byte before it.
            hasScheme = memchr(base, Int32(ASCIIByte.colon), bytes.count) != nil
                && URLResolver.schemeLength(bytes) != nil
            guard isUnpadded, !hasScheme, first != ASCIIByte.questionMark, first != ASCIIByte.numberSign else { return }
            if first == ASCIIByte.slash, bytes.count > 1, bytes[1] == ASCIIByte.slash { return }
            isPlainPath = !URLResolver.hasSegmentStartingWithPeriod(bytes)
        }
    }

    /// The common case in one copy: a plain path (see `ReferenceShape`) against a base whose path
    /// has no dot segment is the base's directory (or origin, for a path starting with `/`)
    /// followed by the reference as written, which is what §5.2 gives for it. nil when the base
    /// is not such a base. With `validated`, the reference is known to be valid UTF-8.
    private static func joinedPlainPath(_ ref: UnsafeBufferPointer<UInt8>, _ base: ParsedBase,
                                        validated: Bool) -> String? {
        guard let directoryLength = base.directoryLength, let originLength = base.originLength else { return nil }
        let fromRoot = ref.first == ASCIIByte.slash
        let slash = !fromRoot && base.directoryNeedsSlash
        return base.bytes.withUnsafeBufferPointer { all in
            let head = UnsafeBufferPointer(rebasing: all[..<(fromRoot ? originLength : directoryLength)])
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: head.count + 1 + ref.count) { out in
                var end = out.initialize(fromContentsOf: head)
                if slash {
                    out[end] = ASCIIByte.slash
                    end += 1
                }
                end = out[end...].initialize(fromContentsOf: ref)
                let joined = UnsafeBufferPointer(rebasing: out[..<end])
                // The base is valid UTF-8 and ends at a character boundary, so the joined bytes
                // are valid when the reference is: then built without checking them again.
                return validated ? UTF8Text.string(validUTF8: joined) : UTF8Text.string(joined)
            }
        }
    }

    /// True when the reference (surrounding whitespace ignored) starts with a scheme
    /// (`ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"`).
    public static func isAbsolute(_ reference: String) -> Bool {
        let trimmed = trimmingASCIIWhitespace(reference)
        return schemeLength(trimmed.utf8) != nil
    }

    /// The length in bytes of the scheme that starts `bytes`, without its colon; nil when there is
    /// none.
    static func schemeLength<Bytes: Collection>(_ bytes: Bytes) -> Int? where Bytes.Element == UInt8 {
        var length = 0
        for byte in bytes {
            if byte == ASCIIByte.colon { return length > 0 ? length : nil }
            let allowed = ASCIIByte.isLetter(byte)
                || (length > 0 && (ASCIIByte.isDigit(byte) || byte == ASCIIByte.plus || byte == ASCIIByte.hyphen || byte == ASCIIByte.period))
            if !allowed { return nil }
            length += 1
        }
        return nil
    }

    fileprivate static func trimmingASCIIWhitespace(_ string: String) -> Substring {
        let utf8 = string.utf8
        // Nearly every value has nothing to trim.
        if let first = utf8.first, let last = utf8.last, !ASCIIByte.isWhitespace(first), !ASCIIByte.isWhitespace(last) {
            return string[...]
        }
        guard let first = utf8.firstIndex(where: { !ASCIIByte.isWhitespace($0) }),
              let last = utf8.lastIndex(where: { !ASCIIByte.isWhitespace($0) }) else {
            return string[string.endIndex...]
        }
        // `first` starts a character, and the byte after `last` is ASCII white space or the end:
        // both are character boundaries, which `last` itself need not be.
        return string[first..<utf8.index(after: last)]
    }

    private static func appendPathRemovingDotSegments(_ path: ArraySlice<UInt8>, to target: inout [UInt8]) {
        let pathStart = target.count
        target.append(contentsOf: path)
        removeDotSegments(in: &target, from: pathStart)
    }

    /// `input` with its dot segments removed (RFC 3986 §5.2.4).
    static func removingDotSegments(_ input: ArraySlice<UInt8>) -> [UInt8] {
        var path = Array(input)
        removeDotSegments(in: &path, from: 0)
        return path
    }

    /// RFC 3986 §5.2.4 in place on `bytes[start...]`: the input is read at `read`, the output
    /// written at `write`, which never passes `read` (each step writes at most what it consumed),
    /// and `..` moves `write` back over the output's last segment.
    static func removeDotSegments(in bytes: inout [UInt8], from start: Int) {
        let end = bytes.count
        guard bytes[start..<end].contains(ASCIIByte.period) else { return }
        var read = start
        var write = start

        func hasPrefix(_ prefix: StaticString) -> Bool {
            let length = prefix.utf8CodeUnitCount
            guard end - read >= length else { return false }
            return prefix.withUTF8Buffer { prefixBytes in
                for offset in 0..<length where bytes[read + offset] != prefixBytes[offset] { return false }
                return true
            }
        }
        func remaining(is exact: StaticString) -> Bool {
            end - read == exact.utf8CodeUnitCount && hasPrefix(exact)
        }
        func dropLastOutputSegment() {
            var index = write
            while index > start, bytes[index - 1] != ASCIIByte.slash { index -= 1 }
            write = index > start ? index - 1 : start
        }

        while read < end {
            if hasPrefix("../") {
                read += 3
            } else if hasPrefix("./") {
                read += 2
            } else if hasPrefix("/./") {
                read += 2
            } else if remaining(is: "/.") {
                bytes[write] = ASCIIByte.slash
                write += 1
                read = end
            } else if hasPrefix("/../") {
                read += 3
                dropLastOutputSegment()
            } else if remaining(is: "/..") {
                dropLastOutputSegment()
                bytes[write] = ASCIIByte.slash
                write += 1
                read = end
            } else if remaining(is: ".") || remaining(is: "..") {
                read = end
            } else {
                repeat {
                    bytes[write] = bytes[read]
                    write += 1
                    read += 1
                } while read < end && bytes[read] != ASCIIByte.slash
            }
        }
        bytes.removeSubrange(write..<end)
    }
}

/// The five components of a URI reference (RFC 3986 §3 and Appendix B) as byte ranges into the
/// reference's UTF-8 bytes; the delimiters (`:`, `//`, `?`, `#`) are outside the ranges. The scheme
/// is recognised only when it follows the RFC's grammar, so `1a:b` or `a b:c` are relative paths.
struct URIReferenceParts: Sendable {
    var scheme: Range<Int>?
    var authority: Range<Int>?
    var path: Range<Int>
    var query: Range<Int>?
    var fragment: Range<Int>?

    init(_ bytes: [UInt8]) {
        var index = 0
        let end = bytes.count
        if let schemeLength = URLResolver.schemeLength(bytes) {
            scheme = 0..<schemeLength
            index = schemeLength + 1
        }
        if end - index >= 2 && bytes[index] == ASCIIByte.slash && bytes[index + 1] == ASCIIByte.slash {
            let authorityStart = index + 2
            var authorityEnd = authorityStart
            while authorityEnd < end {
                let byte = bytes[authorityEnd]
                if byte == ASCIIByte.slash || byte == ASCIIByte.questionMark || byte == ASCIIByte.numberSign { break }
                authorityEnd += 1
            }
            authority = authorityStart..<authorityEnd
            index = authorityEnd
        }
        let pathStart = index
        while index < end && bytes[index] != ASCIIByte.questionMark && bytes[index] != ASCIIByte.numberSign {
            index += 1
        }
        path = pathStart..<index
        if index < end && bytes[index] == ASCIIByte.questionMark {
            let queryStart = index + 1
            index = queryStart
            while index < end && bytes[index] != ASCIIByte.numberSign { index += 1 }
            query = queryStart..<index
        }
        if index < end && bytes[index] == ASCIIByte.numberSign {
            fragment = (index + 1)..<end
        }
    }

    /// A base with a scheme whose path is not hierarchical (`urn:isbn:…`, `mailto:…`, `tag:…`).
    func isOpaque(in bytes: [UInt8]) -> Bool {
        guard scheme != nil, authority == nil else { return false }
        return bytes[path].first != ASCIIByte.slash
    }
}

/// The ASCII bytes URL code looks at.
enum ASCIIByte {
    static let tab: UInt8 = 0x09
    static let lineFeed: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let numberSign: UInt8 = 0x23      // #
    static let plus: UInt8 = 0x2B
    static let hyphen: UInt8 = 0x2D
    static let period: UInt8 = 0x2E
    static let slash: UInt8 = 0x2F
    static let colon: UInt8 = 0x3A
    static let questionMark: UInt8 = 0x3F

    static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }
    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    /// Space, tab, line feed, vertical tab, form feed, carriage return.
    static func isWhitespace(_ byte: UInt8) -> Bool { byte == space || (byte >= tab && byte <= carriageReturn) }
    static func lowercased(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte }
}
