import FeedXML

/// An allow-list cleaner for the HTML that feeds carry, as a feed reader must apply it before
/// showing the markup: it parses the fragment as a browser would (libxml2's HTML parser, through
/// `HTMLTokenizer`) and writes back only what is known to be inert.
///
/// - Elements in `SanitizerPolicy.htmlElements` (and the SVG and MathML subsets inside `<svg>`
///   and `<math>`) are kept; `script`, `style`, `applet` and `template` go with their content;
///   any other element (`iframe`, `object`, `embed`, `form`, `frame`, `meta`, `link`, `blink`, …)
///   loses its tags and keeps its text.
/// - Attributes outside the allow-lists go, every `on*` handler among them; `style` keeps only
///   safe declarations (`StyleSanitizer`); URL attributes lose unsafe schemes and are resolved
///   against the base in scope, which an `xml:base` attribute in the markup may change.
/// - Comments, processing instructions and DOCTYPEs go; elements left open are closed.
/// - Output: attributes double-quoted, text and attribute values escaped (`&amp; &lt; &gt;`, plus
///   `&quot;` in attributes), other characters as themselves, void elements as `<br />`, CR LF as
///   LF, and no blanks at either end.
public enum HTMLSanitizer {
    /// An allow-list clean of an HTML fragment: what a feed reader must do before showing it.
    /// Relative URLs in URL-bearing attributes (href, src, cite, action, longdesc, poster,
    /// background, …) are made absolute against `baseURL` when given.
    public static func sanitize(_ html: String, baseURL: String?) -> String {
        if let plain = plainTextShortcut(html) { return plain }
        let writer = SanitizingWriter(baseURL: baseURL, readsNamespacePrefixes: false, expectedLength: html.utf8.count)
        // Simple markup has no comment or declaration to repair (see `tokenizeSimpleMarkup`).
        if !HTMLTokenizer.tokenizeSimpleMarkup(html, into: writer) {
            HTMLTokenizer.tokenize(escapingUnendedDeclarations(endingUnterminatedComments(html)), into: writer)
        }
        return writer.finish()
    }

    /// The same for the serialised children of Atom xhtml content (parse it as HTML too).
    /// Namespace prefixes bound to XHTML, SVG or MathML (`<svg:circle>`, `<h:p>`) are read as the
    /// plain names, and CDATA sections as text.
    public static func sanitizeXHTML(_ xhtml: String, baseURL: String?) -> String {
        if let plain = plainTextShortcut(xhtml) { return plain }
        let writer = SanitizingWriter(baseURL: baseURL, readsNamespacePrefixes: true, expectedLength: xhtml.utf8.count)
        // Simple markup has no CDATA section, comment or declaration to repair.
        if !HTMLTokenizer.tokenizeSimpleMarkup(xhtml, into: writer) {
            let repaired = escapingUnendedDeclarations(endingUnterminatedComments(escapingCDATASections(xhtml)))
            HTMLTokenizer.tokenize(repaired, into: writer)
        }
        return writer.finish()
    }

    /// Text without `<` or `&` has no markup to parse: it only needs `>` escaped.
    private static func plainTextShortcut(_ text: String) -> String? {
        let span = text.utf8.span
        for index in span.indices where span[index] == UInt8(ascii: "<") || span[index] == UInt8(ascii: "&") {
            return nil
        }
        var output = MarkupOutput(capacity: span.count + 16)
        output.appendEscaped(text, inAttribute: false)
        return output.finish()
    }

    /// Whether `<!` occurs in `text` at or after byte `start`: without it there is no comment or
    /// declaration to repair, and the repairs below return their input.
    private static func containsMarkupDeclaration(_ text: String, from start: Int = 0) -> Bool {
        let span = text.utf8.span
        var index = start
        while index + 1 < span.count {
            if span[index] == UInt8(ascii: "<") && span[index + 1] == UInt8(ascii: "!") { return true }
            index += 1
        }
        return false
    }

    /// A `<!--` with no `-->` after it would hide the rest of the entry (a browser, and libxml2,
    /// read it as a comment running to the end). Such a comment is ended instead at the first `--`
    /// followed by a `>` (`<!-- -- x >rest`), as feed readers do, so the rest is shown, sanitized;
    /// when there is no such `--…>` either, the comment runs to the end.
    static func endingUnterminatedComments(_ html: String) -> String {
        guard containsMarkupDeclaration(html) else { return html }
        let bytes = Array(html.utf8)
        let opener = Array("<!--".utf8)
        guard var open = bytes.firstOccurrence(of: opener, from: 0) else { return html }
        var result: [UInt8] = []
        var copied = 0
        var rewritten = false
        while true {
            let bodyStart = open + opener.count
            if let close = bytes.firstOccurrence(of: Array("-->".utf8), from: bodyStart) {
                guard let next = bytes.firstOccurrence(of: opener, from: close + 3) else { break }
                open = next
                continue
            }
            guard let dashes = bytes.firstOccurrence(of: Array("--".utf8), from: bodyStart),
                  let greaterThan = bytes[(dashes + 2)...].firstIndex(of: UInt8(ascii: ">")) else { break }
            result.append(contentsOf: bytes[copied..<dashes])
            result.append(contentsOf: "-->".utf8)
            copied = greaterThan + 1
            rewritten = true
            guard let next = bytes.firstOccurrence(of: opener, from: copied) else { break }
            open = next
        }
        guard rewritten else { return html }
        result.append(contentsOf: bytes[copied...])
        return String(decoding: result, as: UTF8.self)
    }

    /// A `<!` (a DOCTYPE or other declaration, not a comment) that no `>` follows is text: the
    /// HTML parser would otherwise swallow everything after it (`a <!DOCTYPE b` keeps `<!DOCTYPE b`).
    static func escapingUnendedDeclarations(_ html: String) -> String {
        guard containsMarkupDeclaration(html) else { return html }
        let bytes = Array(html.utf8)
        let searchStart = (bytes.lastIndex(of: UInt8(ascii: ">")) ?? -1) + 1
        let opener = Array("<!".utf8)
        guard var open = bytes.firstOccurrence(of: opener, from: searchStart) else { return html }
        var result = Array(bytes[..<searchStart])
        var copied = searchStart
        while true {
            if !bytes[open...].starts(with: "<!--".utf8) {
                result.append(contentsOf: bytes[copied..<open])
                result.append(contentsOf: "&lt;".utf8)
                copied = open + 1
            }
            guard let next = bytes.firstOccurrence(of: opener, from: open + 2) else { break }
            open = next
        }
        result.append(contentsOf: bytes[copied...])
        return String(decoding: result, as: UTF8.self)
    }

    /// `<![CDATA[a<b]]>` becomes `a&lt;b`: in XHTML a CDATA section is text, which the HTML
    /// parser would not know.
    static func escapingCDATASections(_ xhtml: String) -> String {
        guard containsMarkupDeclaration(xhtml) else { return xhtml }
        let bytes = Array(xhtml.utf8)
        let opener = Array("<![CDATA[".utf8)
        guard var open = bytes.firstOccurrence(of: opener, from: 0) else { return xhtml }
        var output = MarkupOutput()
        var copied = 0
        while true {
            output.appendRaw(bytes[copied..<open])
            let contentStart = open + opener.count
            let close = bytes.firstOccurrence(of: Array("]]>".utf8), from: contentStart) ?? bytes.endIndex
            output.appendEscaped(String(decoding: bytes[contentStart..<close], as: UTF8.self), inAttribute: false)
            copied = min(close + 3, bytes.endIndex)
            guard let next = bytes.firstOccurrence(of: opener, from: copied) else { break }
            open = next
        }
        output.appendRaw(bytes[copied...])
        return output.string
    }
}

extension Array where Element == UInt8 {
    /// The first position at or after `start` where `pattern` occurs.
    func firstOccurrence(of pattern: [UInt8], from start: Int) -> Int? {
        guard let first = pattern.first, start <= count - pattern.count else { return nil }
        var index = start
        let last = count - pattern.count
        while index <= last {
            guard let candidate = self[index...last].firstIndex(of: first) else { return nil }
            if self[candidate..<(candidate + pattern.count)].elementsEqual(pattern) { return candidate }
            index = candidate + 1
        }
        return nil
    }
}

/// Receives the tokens of one fragment and writes the allowed part of it.
final class SanitizingWriter: HTMLTokenHandler {
    private enum Vocabulary { case html, svg, mathML }

    private struct Frame {
        /// The name written for the element; nil when its tags were dropped.
        let writtenName: String?
        let isVoid: Bool
        let opensSVG: Bool
        let opensMathML: Bool
        let boundPrefixes: [String]
        let changesBase: Bool
    }

    // The writer lives for one `sanitize` call, inside one task, and no accessor hands out a
    // reference to its state: the exclusivity checks would only cost.
    @exclusivity(unchecked) private var output: MarkupOutput
    @exclusivity(unchecked) private var frames: [Frame] = []
    /// Depth inside an element removed with its content; everything there is ignored.
    @exclusivity(unchecked) private var droppedContentDepth = 0
    @exclusivity(unchecked) private var svgDepth = 0
    @exclusivity(unchecked) private var mathMLDepth = 0
    @exclusivity(unchecked) private var baseURLs: [String?]
    private let readsNamespacePrefixes: Bool
    /// XHTML namespace prefix → the namespaces it is bound to, innermost last.
    @exclusivity(unchecked) private var prefixBindings: [String: [String]] = [:]
    /// The base URL last resolved against, parsed (see `URLResolver.ParsedBase`).
    @exclusivity(unchecked) private var parsedBase = URLResolver.ParsedBase()

    /// `expectedLength`: the length of the fragment, which the output rarely exceeds.
    init(baseURL: String?, readsNamespacePrefixes: Bool, expectedLength: Int = 0) {
        baseURLs = [baseURL]
        self.readsNamespacePrefixes = readsNamespacePrefixes
        output = MarkupOutput(capacity: expectedLength + expectedLength / 8)
    }

    func finish() -> String {
        while !frames.isEmpty { closeInnermostFrame() }
        return output.finish()
    }

    // MARK: HTMLTokenHandler

    func startTag(_ name: String, attributes: [HTMLAttribute]) {
        if droppedContentDepth > 0 {
            droppedContentDepth += 1
            return
        }
        let boundPrefixes = readsNamespacePrefixes ? bindPrefixes(declaredIn: attributes) : []
        let localName = readsNamespacePrefixes ? unprefixed(name) : name
        // One look-up answers every list the element may be on.
        let facts = SanitizerPolicy.elements[localName] ?? SanitizerPolicy.ElementFacts()
        if facts.dropsContent {
            unbind(boundPrefixes)
            droppedContentDepth = 1
            return
        }

        let changesBase = attributes.isEmpty ? false : pushBase(declaredIn: attributes)
        let vocabulary: Vocabulary
        let writtenName: String
        if let svgName = facts.svgName, svgDepth > 0 || localName == "svg" {
            vocabulary = .svg
            writtenName = svgName
        } else if (mathMLDepth > 0 || localName == "math") && facts.isMathML {
            vocabulary = .mathML
            writtenName = localName
        } else if facts.isHTML {
            vocabulary = .html
            writtenName = localName
        } else {
            frames.append(Frame(writtenName: nil, isVoid: false, opensSVG: false, opensMathML: false,
                                boundPrefixes: boundPrefixes, changesBase: changesBase))
            return
        }

        let opensSVG = writtenName == "svg" && vocabulary == .svg
        let opensMathML = writtenName == "math" && vocabulary == .mathML
        let isVoid = vocabulary == .html && facts.isVoid
        output.beginStartTag(writtenName)
        let wroteXLink = writeCleanedAttributes(attributes, element: writtenName, vocabulary: vocabulary)
        if opensSVG { output.appendAttribute("xmlns", escapedValue: SanitizerPolicy.svgNamespace) }
        if opensMathML { output.appendAttribute("xmlns", escapedValue: SanitizerPolicy.mathMLNamespace) }
        if vocabulary != .html && wroteXLink {
            output.appendAttribute("xmlns:xlink", escapedValue: SanitizerPolicy.xlinkNamespace)
        }
        output.endStartTag(selfClosing: isVoid)
        if opensSVG { svgDepth += 1 }
        if opensMathML { mathMLDepth += 1 }
        frames.append(Frame(writtenName: writtenName, isVoid: isVoid, opensSVG: opensSVG,
                            opensMathML: opensMathML, boundPrefixes: boundPrefixes, changesBase: changesBase))
    }

    func endTag(_ name: String) {
        if droppedContentDepth > 0 {
            droppedContentDepth -= 1
            return
        }
        if !frames.isEmpty { closeInnermostFrame() }
    }

    func text(_ text: String) {
        guard droppedContentDepth == 0 else { return }
        output.appendEscaped(text, inAttribute: false)
    }

    func text(utf8 text: Span<UInt8>) {
        guard droppedContentDepth == 0 else { return }
        output.appendEscaped(text)
    }

    // MARK: Elements

    private func closeInnermostFrame() {
        let frame = frames.removeLast()
        if let name = frame.writtenName, !frame.isVoid { output.appendEndTag(name) }
        if frame.opensSVG { svgDepth -= 1 }
        if frame.opensMathML { mathMLDepth -= 1 }
        if frame.changesBase { baseURLs.removeLast() }
        if !frame.boundPrefixes.isEmpty { unbind(frame.boundPrefixes) }
    }

    /// Writes the attributes that survive, cleaned, in their order. Returns whether one of them
    /// is an `xlink:` attribute.
    private func writeCleanedAttributes(_ attributes: [HTMLAttribute], element: String,
                                        vocabulary: Vocabulary) -> Bool {
        var wroteXLink = false
        for attribute in attributes {
            guard let facts = SanitizerPolicy.attributes[attribute.name] else { continue }
            let name: String
            let isURL: Bool
            switch vocabulary {
            case .html:
                guard facts.isHTML else { continue }
                name = attribute.name
                isURL = facts.isURL
            case .svg:
                guard let svgName = facts.svgName else { continue }
                name = svgName
                isURL = facts.svgNameIsURL
            case .mathML:
                guard facts.isMathML else { continue }
                name = attribute.name
                isURL = facts.isURL
            }
            let value = attribute.value ?? ""
            if name == "style" {
                let style = StyleSanitizer.clean(value, allowingSVGProperties: vocabulary == .svg)
                if style.isEmpty { continue }
                output.appendAttribute(name, value: style)
            } else if isURL {
                let allowsImageData = vocabulary == .html && element == "img" && name == "src"
                output.appendAttribute(name, value: URLAttributeCleaner.clean(value, baseURL: currentBaseURL,
                                                                              allowsImageData: allowsImageData,
                                                                              reusing: &parsedBase))
            } else {
                output.appendAttribute(name, value: value)
            }
            if name.hasPrefix("xlink:") { wroteXLink = true }
        }
        return wroteXLink
    }

    // MARK: Scopes: xml:base and namespace prefixes

    private var currentBaseURL: String? { baseURLs.last ?? nil }

    /// An `xml:base` on the element re-bases it and its descendants; the attribute itself is not
    /// written, its effect is (URLs come out absolute).
    private func pushBase(declaredIn attributes: [HTMLAttribute]) -> Bool {
        guard let declared = attributes.first(where: { $0.name == "xml:base" })?.value else { return false }
        baseURLs.append(URLResolver.resolve(declared, against: currentBaseURL))
        return true
    }

    private func bindPrefixes(declaredIn attributes: [HTMLAttribute]) -> [String] {
        var bound: [String] = []
        for attribute in attributes where attribute.name.hasPrefix("xmlns:") {
            let prefix = String(attribute.name.dropFirst("xmlns:".count))
            prefixBindings[prefix, default: []].append(attribute.value ?? "")
            bound.append(prefix)
        }
        return bound
    }

    private func unbind(_ prefixes: [String]) {
        for prefix in prefixes { prefixBindings[prefix]?.removeLast() }
    }

    /// `svg:circle` → `circle` when `svg` stands for the SVG, MathML or XHTML namespace; any other
    /// prefixed name stays whole (and is then not on any allow-list).
    private func unprefixed(_ name: String) -> String {
        // Most names have no prefix; finding that out byte by byte is far cheaper than searching
        // the Characters (the tokenizer's names are ASCII, where the two agree).
        let utf8 = name.utf8.span
        var hasColon = false
        for index in utf8.indices where utf8[index] == UInt8(ascii: ":") {
            hasColon = true
            break
        }
        guard hasColon, let colon = name.firstIndex(of: ":") else { return name }
        let prefix = String(name[..<colon])
        let namespace = prefixBindings[prefix]?.last ?? SanitizerPolicy.conventionalPrefixes[prefix]
        switch namespace {
        case SanitizerPolicy.xhtmlNamespace, SanitizerPolicy.svgNamespace, SanitizerPolicy.mathMLNamespace:
            return String(name[name.index(after: colon)...])
        default:
            return name
        }
    }
}

/// The serialised markup, built as UTF-8 bytes (in FeedXML's `MarkupBuffer`, which escapes text
/// a word at a time).
struct MarkupOutput {
    /// Owned by this value alone: a writer or a repair function holds it for one call.
    private let buffer: MarkupBuffer

    init(capacity: Int = 0) {
        buffer = MarkupBuffer(capacity: capacity)
    }

    var string: String { buffer.string }

    /// `<name`, to be followed by `appendAttribute` calls and `endStartTag`.
    mutating func beginStartTag(_ name: String) {
        buffer.appendStartTag(name)
    }

    /// ` name="value"`, the value escaped.
    mutating func appendAttribute(_ name: String, value: String) {
        buffer.appendAttribute(name, value: value)
    }

    /// ` name="value"` for a value that needs no escaping (a namespace name).
    mutating func appendAttribute(_ name: String, escapedValue value: String) {
        buffer.appendAttribute(name, value: value, escaping: false)
    }

    mutating func endStartTag(selfClosing: Bool) {
        buffer.closeStartTag(selfClosing: selfClosing)
    }

    mutating func appendRaw(_ markup: ArraySlice<UInt8>) {
        buffer.append(contentsOf: markup)
    }

    mutating func appendEndTag(_ name: String) {
        buffer.appendEndTag(name)
    }

    /// `&`, `<`, `>` (and `"` in an attribute) as references; CR LF as LF. Escaping `<` and `>` in
    /// attribute values too keeps a value from closing a raw-text element (`</textarea>`) in a
    /// browser that reads the output.
    mutating func appendEscaped(_ text: String, inAttribute: Bool) {
        buffer.appendEscaped(text, inAttribute: inAttribute)
    }

    /// Text as UTF-8, escaped as `appendEscaped(_:inAttribute:)` escapes it outside attributes.
    mutating func appendEscaped(_ text: Span<UInt8>) {
        buffer.appendEscaped(text, inAttribute: false)
    }

    /// The markup without blanks at either end.
    func finish() -> String {
        buffer.trimmedString()
    }
}
