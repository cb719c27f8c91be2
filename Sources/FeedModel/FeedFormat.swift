/// The format and version a feed was read from, named as the parsed-feed contract names them.
public enum FeedFormat: String, Sendable, Hashable, Codable, CaseIterable {
    case atom10 = "atom1.0"
    case atom03 = "atom0.3"
    case rss20 = "rss2.0"
    case rss094 = "rss0.94"
    case rss093 = "rss0.93"
    case rss092 = "rss0.92"
    case rss091 = "rss0.91"
    case rss090 = "rss0.90"
    /// RSS with no version attribute.
    case rss = "rss"
    /// RSS 1.0 (RDF Site Summary).
    case rss10 = "rss1.0"
    case json11 = "json1.1"
    case json10 = "json1.0"

    /// True for every RSS flavour, RDF included.
    public var isRSS: Bool { rawValue.hasPrefix("rss") }
    public var isAtom: Bool { self == .atom10 || self == .atom03 }
    public var isJSON: Bool { self == .json10 || self == .json11 }
}
