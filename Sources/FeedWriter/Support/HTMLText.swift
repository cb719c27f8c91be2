import FeedModel

/// Turns the model's texts into HTML, for the places that only hold HTML (RSS `description` and
/// `content:encoded`, JSON Feed `content_html`).
enum HTMLText {
    /// Plain text escaped so that an HTML reader shows the same characters; HTML as it is; XHTML,
    /// which is HTML already, as it is.
    static func html(_ text: Text) -> String {
        text.type == .text ? escape(text.value) : text.value
    }

    /// `&`, `<` and `>` as character entities: the text reads the same once parsed as HTML.
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") })
        else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// Content as the HTML-only formats can carry it, or nil when they cannot: out-of-line content
/// (`src`) and binary media types have no place there.
enum HTMLContent {
    enum Kind { case html, text }

    static func representation(_ content: Content) -> (kind: Kind, value: String)? {
        if content.src != nil { return nil }
        switch content.type {
        case "text": return (.text, content.value)
        case "html", "xhtml": return (.html, content.value)
        default:
            let mime = content.type.lowercased()
            if mime == "text/html" || mime == "application/xhtml+xml" { return (.html, content.value) }
            if mime.hasPrefix("text/") { return (.text, content.value) }
            return nil
        }
    }
}
