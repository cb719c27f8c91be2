/// A human-readable text construct (RFC 4287 §3.1): a title, subtitle, summary or rights statement.
///
/// `value` is the text after one level of XML unescaping. For `.html` it is HTML markup held as a
/// string; for `.xhtml` it is the serialised children of Atom's wrapper `div`, without the `div`.
/// RSS elements with no type of their own are `.text` unless their value holds markup, then `.html`;
/// RSS `description` is always `.html`.
public struct Text: Sendable, Hashable, Codable {
    /// How `value` is to be read.
    public enum Kind: String, Sendable, Hashable, Codable {
        case text, html, xhtml
    }

    public var type: Kind
    public var value: String
    /// The `xml:lang` in scope where the text was found, as written.
    public var lang: Optional<String>

    @inlinable
    public init(_ value: String, type: Kind = .text, lang: String? = nil) {
        self.type = type
        self.value = value
        self.lang = lang
    }

    /// The text with markup removed, for one-line summaries and terminals.
    public var plainText: String {
        type == .text ? value : MarkupStripper.strip(value)
    }
}

/// An entry's content (RFC 4287 §4.1.3): a Text whose type may also be any MIME type, inline or
/// out of line (`src`).
///
/// Atom: `atom:content`. RSS: `content:encoded` (html), else `xhtml:body` (xhtml), else `fullitem`
/// (html). JSON Feed: `content_html`, else `content_text`.
public struct Content: Sendable, Hashable, Codable {
    /// `text`, `html`, `xhtml`, or a MIME type such as `image/png`. For other MIME types `value`
    /// holds the text of an XML or text type; base64 content is decoded when it decodes to UTF-8
    /// text, and kept in base64 otherwise (an image stays base64).
    public var type: String
    public var value: String
    /// The address of out-of-line content (absolute).
    public var src: Optional<String>
    public var lang: Optional<String>

    @inlinable
    public init(_ value: String, type: String = "text", src: String? = nil, lang: String? = nil) {
        self.type = type
        self.value = value
        self.src = src
        self.lang = lang
    }

    @inlinable
    public init(_ text: consuming Text) {
        self.init(text.value, type: text.type.rawValue, lang: text.lang)
    }

    private enum CodingKeys: String, CodingKey { case type, value, src, lang }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        type = try c.decodeIfPresent(String.self, forKey: .type) ?? "text"
        value = try c.decodeIfPresent(String.self, forKey: .value) ?? ""
        src = try c.decodeIfPresent(String.self, forKey: .src)
        lang = try c.decodeIfPresent(String.self, forKey: .lang)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(type, forKey: .type)
        try c.encode(value, forKey: .value)
        try c.encodeIfPresent(src, forKey: .src)
        try c.encodeIfPresent(lang, forKey: .lang)
    }
}

/// Removes tags and decodes the commonest entities: enough to show HTML titles on one line.
enum MarkupStripper {
    static func strip(_ html: String) -> String {
        var out = ""
        out.reserveCapacity(html.utf8.count)
        var inTag = false
        for ch in html {
            if inTag {
                if ch == ">" { inTag = false }
            } else if ch == "<" {
                inTag = true
            } else {
                out.append(ch)
            }
        }
        for (entity, replacement) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"),
                                      ("&apos;", "'"), ("&nbsp;", " "), ("&amp;", "&")]
        where out.contains(entity) {
            out = out.replacing(entity, with: replacement)
        }
        return out
    }
}
