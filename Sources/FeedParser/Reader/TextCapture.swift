import FeedXML

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

/// The buffer one captured element's content collects in. Characters arrive as UTF-8 from the
/// XML reader; child elements inside the capture are serialised back to markup.
struct TextCapture {
    var bytes: [UInt8] = []
    /// Child elements seen inside the capture.
    var sawMarkup = false
    /// Nesting of serialised child elements below the captured element.
    var depth = 0
    /// True while the buffer holds escaped markup rather than raw text.
    var escaping = false
    /// Atom 1.0 xhtml: the wrapper `div` is being skipped (its depth), or nil.
    var wrapperDepth: Int?
    var stripWrapper = false
    var wrapperSeen = false
    /// Where the last start tag ended in `bytes`, to close empty elements as `<x />`.
    private var openTagEnd: Int?
    /// Namespaces of the serialised elements still open, to declare a change of vocabulary
    /// (SVG or MathML inside XHTML) the way HTML writes it: `<svg xmlns="…">`.
    private var namespaces: [String] = []
    private var declaredPrefixes: Set<String> = []

    mutating func begin(mode: TextMode) {
        bytes.removeAll(keepingCapacity: true)
        sawMarkup = false
        depth = 0
        openTagEnd = nil
        namespaces.removeAll(keepingCapacity: true)
        declaredPrefixes.removeAll()
        wrapperDepth = nil
        wrapperSeen = false
        escaping = mode.isInlineMarkup
        if case .xhtml(let strip) = mode { stripWrapper = strip } else { stripWrapper = false }
    }

    mutating func append(_ text: XMLCharacters) {
        openTagEnd = nil
        if stripWrapper, wrapperDepth == nil, depth == 0 {
            // text beside the wrapper div is not content; keep it only when no wrapper comes
            if text.isWhitespace { return }
        }
        if escaping {
            MarkupEscaping.appendEscaped(text.bytes, to: &bytes, quotes: false)
        } else {
            text.append(to: &bytes)
        }
    }

    mutating func startChild(_ name: XMLName, attributes: XMLAttributes) {
        if stripWrapper, depth == 0, !wrapperSeen, name.localName == "div",
           name.namespace == XHTMLNames.namespace {
            wrapperSeen = true
            wrapperDepth = 1
            depth = 1
            // anything before the wrapper was white space or stray text: drop it
            bytes.removeAll(keepingCapacity: true)
            return
        }
        if !escaping {
            // The captured text so far turns out to be XML text around markup: escape it.
            let raw = bytes
            bytes.removeAll(keepingCapacity: true)
            MarkupEscaping.appendEscaped(raw, to: &bytes, quotes: false)
            escaping = true
        }
        sawMarkup = true
        depth += 1
        bytes.append(UInt8(ascii: "<"))
        bytes.append(contentsOf: name.localName.utf8)
        let inherited = namespaces.last ?? XHTMLNames.namespace
        let namespace = name.namespace.isEmpty ? inherited : name.namespace
        namespaces.append(namespace)
        if namespace != inherited {
            appendAttribute("xmlns", namespace)
        }
        var declared = declaredPrefixes
        attributes.appendMarkup(to: &bytes) { prefix, _ in declared.insert(prefix).inserted }
        declaredPrefixes = declared
        bytes.append(UInt8(ascii: ">"))
        openTagEnd = bytes.count
    }

    private mutating func appendAttribute(_ name: String, _ value: String) {
        bytes.append(UInt8(ascii: " "))
        bytes.append(contentsOf: name.utf8)
        bytes.append(contentsOf: "=\"".utf8)
        MarkupEscaping.appendEscaped(value.utf8, to: &bytes, quotes: true)
        bytes.append(UInt8(ascii: "\""))
    }

    /// Returns false when the end tag closes the captured element itself.
    mutating func endChild(_ name: XMLName) -> Bool {
        guard depth > 0 else { return false }
        depth -= 1
        if let w = wrapperDepth, depth == w - 1 {
            // the wrapper div closes: nothing to write
            wrapperDepth = nil
            openTagEnd = nil
            return true
        }
        _ = namespaces.popLast()
        let tagName = name.localName
        if let end = openTagEnd, end == bytes.count {
            if XHTMLNames.voidElements.contains(name.localName) {
                bytes.removeLast()
                bytes.append(contentsOf: " />".utf8)
                openTagEnd = nil
                return true
            }
        }
        openTagEnd = nil
        bytes.append(contentsOf: "</".utf8)
        bytes.append(contentsOf: tagName.utf8)
        bytes.append(UInt8(ascii: ">"))
        return true
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }

    /// The content without leading and trailing XML white space, as a string.
    var trimmedString: String {
        var start = 0
        var end = bytes.count
        while start < end, Self.isSpace(bytes[start]) { start += 1 }
        while end > start, Self.isSpace(bytes[end - 1]) { end -= 1 }
        if start == 0, end == bytes.count { return String(decoding: bytes, as: UTF8.self) }
        return bytes.withUnsafeBufferPointer { String(decoding: $0[start..<end], as: UTF8.self) }
    }

    @inline(__always) private static func isSpace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09
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
    static func appendEscaped<S: Sequence>(_ input: S, to out: inout [UInt8], quotes: Bool) where S.Element == UInt8 {
        for b in input {
            switch b {
            case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\"") where quotes: out.append(contentsOf: "&quot;".utf8)
            default: out.append(b)
            }
        }
    }

    /// True when plain text looks like HTML: a known tag or an entity reference. RSS elements
    /// with no type of their own become `html` when this holds.
    static func looksLikeHTML(_ s: String) -> Bool {
        let b = Array(s.utf8)
        var i = 0
        while i < b.count {
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
