import FeedXML

/// Builds the `path` of a diagnostic: an XPath-like location with the element names **as the
/// document writes them** (prefix included: `/rss/channel[1]/item[3]/dc:date[1]`), and every
/// step below the root carrying its 1-based position among siblings of the same name, so a
/// path always names exactly one element. Findings about the document itself use `/`.
public enum ValidationPath {
    /// The path of the document itself.
    public static let document = "/"

    static func make(_ steps: some Sequence<(name: String, index: Int)>) -> String {
        var path = ""
        var isRoot = true
        for step in steps {
            path += "/" + step.name
            if !isRoot { path += "[\(step.index)]" }
            isRoot = false
        }
        return path.isEmpty ? document : path
    }
}
