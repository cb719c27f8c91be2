import ArgumentParser
import FeedSite
import Foundation
import Syndication

/// `feed add FILE...`: the site's own articles into the store, from Markdown or plain-text exports.
///
/// Each file is one transaction and one line of output, so a bad file never keeps the others out:
/// it is reported as `file:line: message` on standard error, and the exit status says something
/// failed (1 for a bad article, 2 when a file could not be read or the store failed).
struct AddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add the site's own articles to the store, from Markdown or plain-text files.",
        discussion: """
        FILE.md is Markdown with front matter between two '---' lines, one 'key: value' per line. \
        Keys: title, author, email, uri, published, updated, id, slug, categories ('a, b' or \
        '[a, b]'), summary; any other key is an error. Without a title, the first '# heading' is \
        the title.

        FILE.txt is a blog post exported as plain text: the title on the first line, paragraphs \
        separated by blank lines (the lines of a paragraph are joined with a space), then an \
        'Author: NAME' line; whatever follows that line (a comment form) is dropped.

        Dates never come from the clock, so adding the same files on a fresh clone gives the same \
        articles. The publication date is --published, else the front matter's 'published', else \
        the date prefix of the file name (2017-01-09-jack-ma-meets-trump.txt, midnight UTC); a file \
        with none of these is an error. 'updated' defaults to the publication date.

        The article's id is the front matter's 'id', else the tag URI \
        tag:DOMAIN,YYYY-MM-DD:/SLUG (RFC 4151) from the settings' domain, the publication day (UTC) \
        and the slug (the front matter's 'slug', else the file name without date prefix and \
        extension, lowercased, words joined by hyphens). Adding a file again therefore updates its \
        article, or leaves it unchanged; it never makes a second one. Changing the date or the slug \
        changes the id (pin it with 'id:' first); feed add then names the article stored under \
        the old id, for 'feed remove'. The article's link is the settings' permalink \
        template filled in.

        The author is --author, else the file's ('author:' in the front matter, or the 'Author:' \
        line), else the settings' default author; the default author's name brings their email.

        Output: one line per file, 'FILE: new|updated|unchanged ID'. Errors: 'FILE:LINE: message' \
        on standard error. Exit status: 0 all added; 1 an article was wrong (the others were still \
        added); 2 a usage error, unreadable settings, a file that could not be read, or a store \
        failure.

        Examples:
          feed add feeds/articles/*.md feeds/articles/*.txt
          feed add notes.txt --published 2024-05-01 --author admin
          feed add draft.md --dry-run
        """
    )

    @Argument(help: ArgumentHelp("The article files: .md (Markdown with front matter) or .txt (plain-text export).",
                                 valueName: "file"))
    var files: [String]

    @Option(help: ArgumentHelp("The site settings: domain, permalink template, default author (TOML).",
                               valueName: "path"))
    var settings: String = SiteSettings.defaultPath

    @Option(help: ArgumentHelp("The author's name, over what every FILE says.", valueName: "name"))
    var author: String?

    @Option(help: ArgumentHelp("The publication date of every FILE, over what it says (2024-05-01, RFC 3339, RFC 822).",
                               valueName: "date"))
    var published: String?

    @Flag(help: "Print the articles as a JSON array of entries instead of storing them.")
    var dryRun = false

    @OptionGroup var store: StoreOptions

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give at least one article file") }
        if let published, FeedDateParser.parse(published) == nil {
            throw ValidationError("--published '\(published)' is not a date (write 2024-05-01 or 2024-05-01T09:30:00Z)")
        }
        if let author, author.allSatisfy(\.isWhitespace) {
            throw ValidationError("--author needs a name")
        }
    }

    func run() throws {
        let site: SiteSettings
        do {
            site = try SiteSettings.load(from: settings)
        } catch {
            throw CommandFailure.io(error.description)
        }
        let overrides = SiteArticleOverrides(
            author: author?.trimmingCharacters(in: .whitespaces),
            published: published.flatMap(FeedDateParser.parse))
        let reader = SiteArticleReader(settings: site, overrides: overrides)

        var worst: Int32 = 0
        func fail(_ error: ArticleError) {
            StandardError.write("\(error)\n")
            worst = max(worst, error.kind == .unreadable ? 2 : 1)
        }

        var entries: [(file: String, entry: Entry)] = []
        var fileOfID: [String: String] = [:]
        for file in files {
            do throws(ArticleError) {
                let entry = try reader.read(file: file)
                let id = entry.id ?? ""
                if let earlier = fileOfID[id] {
                    throw ArticleError(file: file, message: "same id as \(earlier) (\(id)): give one of them another slug or an 'id:'")
                }
                fileOfID[id] = file
                entries.append((file, entry))
            } catch {
                fail(error)
            }
        }

        if dryRun {
            try printJSON(entries.map(\.entry))
        } else if !entries.isEmpty {
            let openedStore = try store.open()
            let siteSource: SiteSource
            do {
                siteSource = try SiteSource(store: openedStore, settings: site)
            } catch {
                throw CommandFailure.io(error.description)
            }
            for (file, entry) in entries {
                do {
                    let change = try siteSource.add(entry)
                    StandardOutput.write("\(file): \(change.rawValue) \(entry.id ?? "")\n")
                    if change == .new {
                        for other in try siteSource.otherArticlesWithSlug(of: entry) {
                            StandardError.write("\(file): note: the store also holds \(other) with this slug; if this file's date changed, remove that one with 'feed remove'\n")
                        }
                    }
                } catch {
                    StandardError.write("\(file): \(error)\n")
                    worst = 2
                }
            }
        }
        if worst != 0 { throw ExitCode(worst) }
    }

    private func printJSON(_ entries: [Entry]) throws(CommandFailure) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        do {
            FileHandle.standardOutput.write(try encoder.encode(entries))
        } catch {
            throw .io("could not write JSON: \(error)")
        }
        StandardOutput.write("\n")
    }
}
