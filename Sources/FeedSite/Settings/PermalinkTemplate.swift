import FeedModel

/// How an article's address is made from the site's link, its publication date and its slug:
/// a template such as `{link}/{year}/{slug}/`.
///
/// Placeholders: `{link}` (the site's link without its trailing slash), `{year}` (four digits),
/// `{month}`, `{day}` (two digits; the publication date's UTC day, as in the tag URI) and
/// `{slug}`. The template must use `{slug}`: without it every article of a day would share one
/// address.
public struct PermalinkTemplate: Sendable, Hashable, CustomStringConvertible {
    public static let placeholders = ["link", "year", "month", "day", "slug"]
    /// The template used when the settings name none: `{link}/{year}/{slug}/`.
    public static let standard = PermalinkTemplate(known: "{link}/{year}/{slug}/")

    public let template: String

    /// Checks the template; throws a message naming the problem.
    public init(_ template: String) throws(PermalinkTemplateProblem) {
        var rest = template[...]
        var usesSlug = false
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}") else {
                throw PermalinkTemplateProblem(message: "a '{' is never closed")
            }
            let name = String(rest[rest.index(after: open)..<close])
            guard Self.placeholders.contains(name) else {
                throw PermalinkTemplateProblem(
                    message: "unknown placeholder '{\(name)}' (known: \(Self.placeholders.map { "{\($0)}" }.joined(separator: ", ")))")
            }
            if name == "slug" { usesSlug = true }
            rest = rest[rest.index(after: close)...]
        }
        guard usesSlug else {
            throw PermalinkTemplateProblem(message: "the template must use {slug}, or every article of a day shares one address")
        }
        self.template = template
    }

    /// A template known to be valid (the standard one).
    private init(known template: String) {
        self.template = template
    }

    /// The address of the article with this slug published at this moment.
    public func address(link: String, published: Timestamp, slug: Slug) -> String {
        let c = published.components
        var site = link
        while site.hasSuffix("/") { site.removeLast() }
        let day = TagURI.dayString(year: c.year, month: c.month, day: c.day)
        let values = [
            "link": site, "year": String(day.prefix(4)), "month": String(day.dropFirst(5).prefix(2)),
            "day": String(day.suffix(2)), "slug": slug.value,
        ]
        var out = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out += rest[..<open]
            out += values[String(rest[rest.index(after: open)..<close])] ?? ""
            rest = rest[rest.index(after: close)...]
        }
        out += rest
        return out
    }

    public var description: String { template }
}

/// Why a permalink template is unusable.
public struct PermalinkTemplateProblem: Error, Sendable, Hashable {
    public var message: String
}
