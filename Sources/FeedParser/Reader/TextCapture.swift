import FeedXML
import Glibc

/// How the characters of a captured element are to be read once it ends.
enum TextMode: Equatable, Sendable {
    /// Plain text (Atom `type="text"`).
    case text
    /// Plain text unless the value holds markup (RSS elements with no type of their own).
    case textOrHTML
    /// HTML source held as text: escaped or in CDATA.
    case html
    /// Inline XHTML; with `stripWrapper` the single wrapper `div` of Atom 1.0 is left out.
    case xhtml(stripWrapper: Bool)
    /// base64 of the given MIME type (Atom 0.3 `mode="base64"`, Atom 1.0 non-XML, non-text types).
    case base64(mime: String)
    /// Another MIME type whose content is text or XML, kept as given.
    case other(mime: String)

    /// True when child elements are markup to serialise and text must be escaped.
    var isInlineMarkup: Bool {
        if case .xhtml = self { return true }
        return false
    }
}

/// One captured element's content: the text collects in the XML layer's `XMLTextBuffer`; child
/// elements inside the capture are serialised back to markup here.
struct TextCapture {
    let buffer = XMLTextBuffer()
    /// Child elements seen inside the capture.
    var sawMarkup = false
    /// Nesting of serialised child elements below the captured element.
    var depth = 0
    /// Atom 1.0 xhtml: the wrapper `div` is being skipped (its depth), or nil.
    var wrapperDepth: Int?
    var stripWrapper = false
    var wrapperSeen = false
    /// Where the last start tag ended in the buffer, to close empty elements as `<x />`.
    private var openTagEnd: Int?
    /// Namespaces of the serialised elements still open, to declare a change of vocabulary
    /// (SVG or MathML inside XHTML) the way HTML writes it: `<svg xmlns="…">`. Held as indexes
    /// into `namespaceValues` (0 is XHTML), so that pushing and comparing them counts no
    /// references.
    private var namespaces: [Int32] = []
    private var namespaceValues: [String] = [XHTMLNames.namespace]
    /// What serialising needs of each element name met, by `XMLName.id` (see `ChildName`).
    private var childNames: [ChildName] = []
    private var declaredPrefixes: Set<String> = []

    /// An element name's namespace (an index into `namespaceValues`, or `inheritsNamespace`) and
    /// whether it is an HTML void element, worked out the first time the name is met.
    private struct ChildName {
        static let unknown = ChildName(namespace: -1, isVoid: false)
        static let inheritsNamespace: Int32 = -2
        var namespace: Int32
        var isVoid: Bool
    }

    var isCollecting: Bool { buffer.isCollecting }

    mutating func begin(mode: TextMode) {
        sawMarkup = false
        depth = 0
        openTagEnd = nil
        if !namespaces.isEmpty { namespaces.removeAll(keepingCapacity: true) }
        if !declaredPrefixes.isEmpty { declaredPrefixes.removeAll() }
        wrapperDepth = nil
        wrapperSeen = false
        if case .xhtml(let strip) = mode { stripWrapper = strip } else { stripWrapper = false }
        buffer.begin(escapingMarkup: mode.isInlineMarkup, droppingWhitespaceRuns: stripWrapper)
    }

    /// Stops collecting (the element ended, or turned out to have child elements of its own).
    /// Mutating, like the readers below, though it changes nothing of the struct itself: the
    /// reader keeps its capture in a class, and a mutating call works on it in place, where a
    /// non-mutating one first copies it out (retaining and releasing its buffer and lists).
    mutating func stop() {
        buffer.isCollecting = false
    }

    mutating func startChild(_ name: XMLName, attributes: XMLAttributes) {
        if stripWrapper, depth == 0, !wrapperSeen, name.localName == "div",
           name.namespace == XHTMLNames.namespace {
            wrapperSeen = true
            wrapperDepth = 1
            depth = 1
            // anything before the wrapper was stray text: drop it; inside, white space counts
            buffer.removeAll()
            buffer.dropsWhitespaceRuns = false
            return
        }
        // The captured text so far turns out to be XML text around markup: escape it.
        buffer.switchToMarkup()
        sawMarkup = true
        depth += 1
        buffer.append(UInt8(ascii: "<"))
        buffer.appendMarkup(name.localName)
        let declared = childName(name).namespace
        let inherited = namespaces.last ?? 0
        let namespace = declared == ChildName.inheritsNamespace ? inherited : declared
        namespaces.append(namespace)
        if namespace != inherited {
            buffer.appendAttribute("xmlns", namespaceValues[Int(namespace)])
        }
        attributes.appendMarkup(to: buffer, declaredPrefixes: &declaredPrefixes)
        buffer.append(UInt8(ascii: ">"))
        openTagEnd = buffer.count
    }

    private mutating func childName(_ name: XMLName) -> ChildName {
        if name.id >= 0, name.id < childNames.count, childNames[name.id].namespace != ChildName.unknown.namespace {
            return childNames[name.id]
        }
        return learnChildName(name)
    }

    private mutating func learnChildName(_ name: XMLName) -> ChildName {
        let namespace: Int32
        if name.namespace.isEmpty {
            namespace = ChildName.inheritsNamespace
        } else if let known = namespaceValues.firstIndex(of: name.namespace) {
            namespace = Int32(known)
        } else {
            namespaceValues.append(name.namespace)
            namespace = Int32(namespaceValues.count - 1)
        }
        let learnt = ChildName(namespace: namespace, isVoid: XHTMLNames.voidElements.contains(name.localName))
        // Ids start at 0; the one name without an id (-1) is worked out each time.
        guard name.id >= 0 else { return learnt }
        if name.id >= childNames.count {
            childNames.append(contentsOf: repeatElement(ChildName.unknown, count: name.id + 1 - childNames.count))
        }
        childNames[name.id] = learnt
        return learnt
    }

    /// Returns false when the end tag closes the captured element itself.
    mutating func endChild(_ name: XMLName) -> Bool {
        guard depth > 0 else { return false }
        depth -= 1
        if let w = wrapperDepth, depth == w - 1 {
            // the wrapper div closes: nothing to write, and the space after it is not content
            wrapperDepth = nil
            openTagEnd = nil
            buffer.dropsWhitespaceRuns = true
            return true
        }
        if !namespaces.isEmpty { namespaces.removeLast() }
        if let end = openTagEnd, end == buffer.count, childName(name).isVoid {
            buffer.removeLast()
            buffer.appendMarkup(" />")
            openTagEnd = nil
            return true
        }
        openTagEnd = nil
        buffer.appendMarkup("</")
        buffer.appendMarkup(name.localName)
        buffer.append(UInt8(ascii: ">"))
        return true
    }

    var string: String {
        mutating get { buffer.withBytes { UTF8Text.string($0) } }
    }

    /// The content without leading and trailing XML white space, as a string.
    var trimmedString: String {
        mutating get {
        let value = buffer.trimmedString()
        guard buffer.sawLatinReference, buffer.withBytes(Windows1252.mayBeDoubleEncoded) else { return value }
        return Windows1252.repairDoubleEncoding(value)
        }
    }
}

enum XHTMLNames {
    static let namespace = "http://www.w3.org/1999/xhtml"

    /// HTML elements that never have content: written `<br />`.
    static let voidElements: Set<String> = [
        "area", "base", "basefont", "br", "col", "embed", "frame", "hr", "img", "input", "isindex",
        "keygen", "link", "meta", "param", "source", "track", "wbr",
    ]
}

/// Escaping for text and attribute values written back as markup.
enum MarkupEscaping {
    /// True when plain text looks like HTML: a known tag or an entity reference. RSS elements
    /// with no type of their own become `html` when this holds.
    static func looksLikeHTML(_ s: String) -> Bool {
        // Read in place; a string without contiguous UTF-8 (bridged) is copied once.
        if let found = s.utf8.withContiguousStorageIfAvailable(looksLikeHTML(utf8:)) { return found }
        return Array(s.utf8).withUnsafeBufferPointer(looksLikeHTML(utf8:))
    }

    private static func looksLikeHTML(utf8 b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < b.count {
            // Plain text, most of any title, is passed over eight bytes at a time.
            i = ByteWord.nextCandidate(in: b, from: i) {
                !ByteWord.contains(UInt8(ascii: "<"), in: $0) && !ByteWord.contains(UInt8(ascii: "&"), in: $0)
            }
            guard i < b.count else { return false }
            let c = b[i]
            if c == UInt8(ascii: "<") {
                var j = i + 1
                if j < b.count, b[j] == UInt8(ascii: "/") { j += 1 }
                let start = j
                while j < b.count, isNameByte(b[j]) { j += 1 }
                if j > start, j < b.count, b[j] == UInt8(ascii: ">") || b[j] == UInt8(ascii: " ") || b[j] == UInt8(ascii: "/")
                    || b[j] == UInt8(ascii: "\n") || b[j] == UInt8(ascii: "\t") {
                    let tag = String(decoding: b[start..<j], as: UTF8.self).lowercased()
                    if knownHTMLElements.contains(tag) { return true }
                }
            } else if c == UInt8(ascii: "&") {
                var j = i + 1
                if j < b.count, b[j] == UInt8(ascii: "#") { j += 1 }
                let start = j
                while j < b.count, isNameByte(b[j]) { j += 1 }
                if j > start, j < b.count, b[j] == UInt8(ascii: ";") { return true }
            }
            i += 1
        }
        return false
    }

    private static func isNameByte(_ c: UInt8) -> Bool {
        (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
            || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9"))
    }

    static let knownHTMLElements: Set<String> = [
        "a", "abbr", "acronym", "address", "applet", "area", "article", "aside", "audio", "b", "base",
        "basefont", "bdi", "bdo", "big", "blink", "blockquote", "body", "br", "button", "canvas",
        "caption", "center", "cite", "code", "col", "colgroup", "command", "datagrid", "datalist",
        "dd", "del", "details", "dfn", "dialog", "dir", "div", "dl", "dt", "em", "embed", "event-source",
        "fieldset", "figcaption", "figure", "font", "footer", "form", "frame", "frameset", "h1", "h2",
        "h3", "h4", "h5", "h6", "head", "header", "hr", "html", "i", "iframe", "img", "input", "ins",
        "isindex", "kbd", "keygen", "label", "legend", "li", "link", "map", "mark", "menu", "meta",
        "meter", "multicol", "nav", "nextid", "noscript", "object", "ol", "optgroup", "option",
        "output", "p", "param", "pre", "progress", "q", "s", "samp", "script", "section", "select",
        "small", "sound", "source", "spacer", "span", "strike", "strong", "style", "sub", "summary",
        "sup", "table", "tbody", "td", "textarea", "tfoot", "th", "thead", "time", "title", "tr",
        "track", "tt", "u", "ul", "var", "video", "wbr", "xmp",
    ]
}

/// Repairs UTF-8 that reached the document escaped byte by byte (`&#226;&#128;&#166;` for `…`).
enum Windows1252 {
    /// Text whose every character is Latin-1 or windows-1252 and whose bytes in that encoding
    /// are valid UTF-8 with multi-byte characters is UTF-8 read the wrong way once: read it
    /// again as UTF-8. Anything else is returned unchanged.
    static func repairDoubleEncoding(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var sawHigh = false
        for scalar in text.unicodeScalars {
            guard let b = XMLTextBuffer.windows1252Byte(for: scalar) else { return text }
            if b >= 0x80 { sawHigh = true }
            bytes.append(b)
        }
        guard sawHigh, let repaired = String(validating: bytes, as: UTF8.self) else { return text }
        return repaired
    }

    /// A cheap look for the telltale of UTF-8 read as Latin-1: a lead byte's character
    /// (U+00C2–U+00F4, written C3 82–C3 B4) directly followed by a continuation byte's character
    /// (U+0080–U+00BF, written C2 80–C2 BF, or one of windows-1252's substitutes such as `€`).
    static func mayBeDoubleEncoded(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let end = base + bytes.count
        var p = base
        // Every telltale starts with a C3 byte: libc's `memchr` finds each far faster than a
        // look at every byte would (this runs over whole articles).
        while p < end, let found = memchr(p, 0xC3, end - p) {
            var q = UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) + 1
            guard q < end else { return false }
            p = q
            guard q.pointee >= 0x82, q.pointee <= 0xB4 else { continue }
            q += 1
            while q < end, q.pointee & 0xC0 == 0x80 { q += 1 }
            guard q < end else { return false }
            let b = q.pointee
            if b == 0xC2 || b == 0xC5 || b == 0xC6 || b == 0xCB || b == 0xE2 { return true }
            p = q
        }
        return false
    }

}
