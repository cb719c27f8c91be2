import ArgumentParser
import Foundation
import Syndication

/// The published feed's own identity: the site's settings file, each value overridable by a flag.
struct SiteOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The site's settings file.", valueName: "path"))
    var settings: String = "feeds/site.toml"

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
    func feedMetadata() throws(CommandFailure) -> Feed {
        var feed = Feed(format: .atom10)
        if let title { feed.title = Text(title) }
        if let subtitle { feed.subtitle = Text(subtitle) }
        if let id { feed.id = id }
        if let link { feed.links.removeAll { $0.rel == "alternate" }; feed.links.append(Link(href: link, rel: "alternate", type: "text/html")) }
        if let selfURL { feed.links.removeAll { $0.rel == "self" }; feed.links.insert(Link(href: selfURL, rel: "self"), at: 0) }
        if author != nil || authorEmail != nil || authorURI != nil {
            feed.authors = [Person(name: author ?? feed.authors.first?.name, email: authorEmail, uri: authorURI)]
        }
        if let language { feed.language = language }
        feed.generator = Generator(name: "Syndication", version: SyndicationRelease.version)
        guard feed.id != nil else {
            throw .io("the feed has no id: set `id` in \(settings) or give --id")
        }
        guard feed.title != nil else {
            throw .io("the feed has no title: set `title` in \(settings) or give --title")
        }
        return feed
    }
}
