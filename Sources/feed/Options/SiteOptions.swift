import ArgumentParser
import Foundation
import Syndication

/// The published feed's own identity: the site's settings file, each value overridable by a flag.
struct SiteOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The site's settings file (default: \(SiteSettings.defaultPath) when it exists).",
                               valueName: "path"))
    var settings: String?

    @Option(help: "The feed's title.")
    var title: String?

    @Option(help: "The feed's subtitle.")
    var subtitle: String?

    @Option(help: ArgumentHelp("The feed's permanent id, an absolute IRI such as tag:example.org,2024:feed.", valueName: "iri"))
    var id: String?

    @Option(help: ArgumentHelp("The site's home page.", valueName: "url"))
    var link: String?

    @Option(help: ArgumentHelp("Where the feed itself is published.", valueName: "url"))
    var selfURL: String?

    @Option(help: ArgumentHelp("The feed's author: entries without their own author are theirs.", valueName: "name"))
    var author: String?

    @Option(help: ArgumentHelp("The feed author's email address.", valueName: "address"))
    var authorEmail: String?

    @Option(help: ArgumentHelp("The feed author's home page.", valueName: "url"))
    var authorURI: String?

    @Option(help: ArgumentHelp("The feed's language, such as en or de-CH.", valueName: "tag"))
    var language: String?

    /// The feed's metadata (no entries): the settings file's values, then the flags over them.
    /// A settings file named by `--settings` must exist; the default one may be absent, and then
    /// the flags say everything.
    func feedMetadata(for format: FeedOutputFormat) throws(CommandFailure) -> Feed {
        var feed = Feed(format: .atom10)
        let path = settings ?? SiteSettings.defaultPath
        if settings != nil || FileManager.default.fileExists(atPath: path) {
            do {
                feed = try SiteSettings.load(from: path).feedMetadata()
            } catch {
                throw .io(error.description)
            }
        }
        if let title { feed.title = Text(title) }
        if let subtitle { feed.subtitle = Text(subtitle) }
        if let id { feed.id = id }
        if let link {
            feed.links.removeAll { $0.rel == "alternate" }
            feed.links.append(Link(href: link, rel: "alternate", type: "text/html"))
        }
        if let selfURL {
            feed.links.removeAll { $0.rel == "self" }
            feed.links.insert(Link(href: selfURL, rel: "self", type: format.mediaType), at: 0)
        }
        if author != nil || authorEmail != nil || authorURI != nil {
            feed.authors = [Person(name: author ?? feed.authors.first?.name, email: authorEmail, uri: authorURI)]
        }
        if let language { feed.language = language }
        // The self link names the document being written, so its type follows the format.
        if let index = feed.links.firstIndex(where: { $0.rel == "self" }) {
            feed.links[index].type = format.mediaType
        }
        feed.generator = Generator(name: "Syndication", version: SyndicationRelease.version)
        guard feed.id != nil else {
            throw .io("the feed has no id: set `id` in \(path) or give --id")
        }
        guard feed.title != nil else {
            throw .io("the feed has no title: set `title` in \(path) or give --title")
        }
        return feed
    }
}
