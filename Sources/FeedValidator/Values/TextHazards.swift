/// Scans text values for what breaks readers: HTML markup in plain text, text escaped twice,
/// and `javascript:` URLs inside HTML. Each scan is one pass over the bytes, allocation-free.
enum TextHazards {
    /// HTML elements common enough in feeds that `<name` followed by `>`, `/` or white space is
    /// taken for markup rather than a comparison (`a < b`).
    private static let htmlTags: Set<String> = [
        "a", "abbr", "acronym", "address", "b", "big", "blockquote", "br", "caption", "center", "cite", "code",
        "dd", "del", "dfn", "div", "dl", "dt", "em", "embed", "figure", "font", "form", "h1", "h2", "h3", "h4",
        "h5", "h6", "hr", "i", "iframe", "img", "input", "ins", "kbd", "li", "meta", "object", "ol", "p", "pre",
        "q", "s", "samp", "script", "small", "span", "strike", "strong", "style", "sub", "sup", "table", "tbody",
        "td", "th", "thead", "tr", "tt", "u", "ul", "var", "video", "audio", "source", "picture", "section",
        "article", "header", "footer", "nav", "mark", "time",
    ]

    /// The entity names whose appearance in text means it was escaped once too often.
    private static let escapeEntities: Set<String> = ["amp", "lt", "gt", "quot", "apos", "nbsp", "#39", "#039", "#38", "#8217", "#8220", "#8221", "#160"]

    /// The first HTML tag in `bytes`, as written (`<b>`), or nil.
    static func htmlTag(in bytes: ArraySlice<UInt8>) -> String? {
        var i = bytes.startIndex
        while let lt = bytes[i...].firstIndex(of: UInt8(ascii: "<")) {
            var j = lt + 1
            if j < bytes.endIndex, bytes[j] == UInt8(ascii: "/") { j += 1 }
            let nameStart = j
            while j < bytes.endIndex, ValueSyntax.isAlpha(bytes[j]) || ValueSyntax.isDigit(bytes[j]) { j += 1 }
            if j > nameStart, j < bytes.endIndex,
               [UInt8(ascii: ">"), UInt8(ascii: "/"), 0x20, 0x09, 0x0A, 0x0D].contains(bytes[j]),
               htmlTags.contains(String(decoding: bytes[nameStart..<j], as: UTF8.self).lowercased()) {
                let end = bytes[j...].firstIndex(of: UInt8(ascii: ">")).map { $0 + 1 } ?? j
                return String(decoding: bytes[lt..<min(end, lt + 40)], as: UTF8.self)
            }
            i = lt + 1
        }
        return nil
    }

    /// In plain text, an entity reference that should have been the character itself (`&amp;`);
    /// in HTML, a reference to an escaping entity (`&amp;amp;`, `&amp;lt;`) or escaped markup
    /// (`&lt;p&gt;`) that readers will show literally. Returns the offending text.
    static func doubleEscape(in bytes: ArraySlice<UInt8>, isHTML: Bool) -> String? {
        var i = bytes.startIndex
        while let amp = bytes[i...].firstIndex(of: UInt8(ascii: "&")) {
            i = amp + 1
            guard let name = entityName(bytes, after: amp) else { continue }
            if !isHTML {
                if escapeEntities.contains(name) { return "&\(name);" }
                continue
            }
            let next = amp + name.utf8.count + 2
            if name == "amp", let inner = entityName(bytes, after: next - 1), escapeEntities.contains(inner) {
                return "&amp;\(inner);"
            }
            if name == "lt", let tag = htmlTagName(bytes, from: next), htmlTags.contains(tag) {
                return "&lt;\(tag)"
            }
        }
        return nil
    }

    /// True when HTML holds a `javascript:` URL in an attribute (`href="javascript:…"`).
    static func containsJavaScriptURL(_ bytes: ArraySlice<UInt8>) -> Bool {
        let needle = Array("javascript:".utf8)
        var i = bytes.startIndex
        while i + needle.count <= bytes.endIndex {
            guard let j = bytes[i...].firstIndex(where: { $0 | 0x20 == UInt8(ascii: "j") }), j + needle.count <= bytes.endIndex else { return false }
            var matches = true
            for k in 0..<needle.count where bytes[j + k] | 0x20 != needle[k] { matches = false; break }
            if matches {
                var p = j - 1
                while p >= bytes.startIndex, bytes[p] == 0x20 || bytes[p] == UInt8(ascii: "\"") || bytes[p] == UInt8(ascii: "'") { p -= 1 }
                if p >= bytes.startIndex, bytes[p] == UInt8(ascii: "=") { return true }
            }
            i = j + 1
        }
        return false
    }

    private static func entityName(_ bytes: ArraySlice<UInt8>, after amp: Int) -> String? {
        var j = amp + 1
        let start = j
        while j < bytes.endIndex, j - start < 10, ValueSyntax.isAlpha(bytes[j]) || ValueSyntax.isDigit(bytes[j]) || bytes[j] == UInt8(ascii: "#") { j += 1 }
        guard j > start, j < bytes.endIndex, bytes[j] == UInt8(ascii: ";") else { return nil }
        return String(decoding: bytes[start..<j], as: UTF8.self).lowercased()
    }

    private static func htmlTagName(_ bytes: ArraySlice<UInt8>, from start: Int) -> String? {
        var j = start
        if j < bytes.endIndex, bytes[j] == UInt8(ascii: "/") { j += 1 }
        let nameStart = j
        while j < bytes.endIndex, ValueSyntax.isAlpha(bytes[j]) || ValueSyntax.isDigit(bytes[j]) { j += 1 }
        guard j > nameStart, j < bytes.endIndex, bytes[j] == UInt8(ascii: "&") || bytes[j] == 0x20 else { return nil }
        return String(decoding: bytes[nameStart..<j], as: UTF8.self).lowercased()
    }
}
