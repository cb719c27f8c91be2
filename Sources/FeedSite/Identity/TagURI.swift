import FeedModel

/// A tag URI (RFC 4151) naming one of the site's articles: `tag:DOMAIN,YYYY-MM-DD:/SLUG`.
///
/// The tagging entity is the site's domain and the day the article was published (its UTC day,
/// so the id does not depend on the machine's time zone); the specific part is the slug. Such an id
/// is stable across re-adds of the same file and across moves of the site to another address,
/// which an article's URL is not — that is why it, and not the permalink, is the Atom id.
///
/// Changing an article's publication date or slug changes its id: the store then sees a new
/// article. A front matter `id:` pins the id whatever else changes.
public struct TagURI: Sendable, Hashable, CustomStringConvertible {
    public let domain: String
    public let year: Int
    public let month: Int
    public let day: Int
    public let slug: Slug

    public init(domain: String, published: Timestamp, slug: Slug) {
        let c = published.components
        self.domain = domain
        self.year = c.year
        self.month = c.month
        self.day = c.day
        self.slug = slug
    }

    /// The date part as RFC 4151 writes it: `YYYY-MM-DD`.
    public var date: String { TagURI.dayString(year: year, month: month, day: day) }

    public var description: String { "tag:\(domain),\(date):/\(slug.value)" }

    /// The slug of an id this type made for `domain` (`tag:DOMAIN,YYYY-MM-DD:/SLUG`); nil for any
    /// other id.
    public static func slug(of id: String, domain: String) -> String? {
        let prefix = "tag:\(domain),"
        guard id.hasPrefix(prefix), let marker = id.range(of: ":/") else { return nil }
        let date = id[id.index(id.startIndex, offsetBy: prefix.count)..<marker.lowerBound]
        guard date.count == 10, date.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-") }) else { return nil }
        let slug = id[marker.upperBound...]
        return slug.isEmpty ? nil : String(slug)
    }

    static func dayString(year: Int, month: Int, day: Int) -> String {
        func pad(_ n: Int, _ width: Int) -> String {
            let digits = String(n)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
}
