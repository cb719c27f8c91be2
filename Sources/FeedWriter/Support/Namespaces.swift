/// The namespace URIs the writers declare.
enum Namespaces {
    static let atom = "http://www.w3.org/2005/Atom"
    static let xhtml = "http://www.w3.org/1999/xhtml"
    static let content = "http://purl.org/rss/1.0/modules/content/"
    static let dublinCore = "http://purl.org/dc/elements/1.1/"
    /// RFC 5005 feed history (`fh:archive`, `fh:complete`).
    static let feedHistory = "http://purl.org/syndication/history/1.0"
}
