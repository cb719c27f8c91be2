import FeedModel
import Foundation

/// Reads JSON Feed 1.0 and 1.1 (jsonfeed.org) into the model.
///
/// Mapping: `title`; `home_page_url` (alternate link) and `feed_url` (self link, and the id);
/// `description` (subtitle); `icon` (logo) and `favicon` (icon); `authors`, or 1.0's `author`;
/// `language`. Items: `id`, `url` (alternate), `external_url` (related), `title`, `content_html`
/// else `content_text`, `summary`, `date_published`, `date_modified`, `authors`/`author`, `tags`,
/// `language`, `attachments` (enclosure links). Unknown keys, including `_extensions`, are ignored.
struct JSONFeedReader {
    let options: FeedParserOptions
    let baseURL: String?

    func read(_ bytes: [UInt8]) throws(FeedParseError) -> ParsedFeed {
        var data = bytes
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { data.removeFirst(3) }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(data), options: [.fragmentsAllowed])
        } catch {
            throw .invalidJSON(reason: "the document is not valid JSON: \(Self.describe(error))")
        }
        guard let root = object as? [String: Any] else {
            throw .invalidJSON(reason: "the JSON document is not an object, so not a JSON Feed")
        }
        let version = root["version"] as? String ?? ""
        let format: FeedFormat
        if version.contains("jsonfeed.org/version/1.1") {
            format = .json11
        } else if version.contains("jsonfeed.org/version/1") {
            format = .json10
        } else if root["items"] is [Any] {
            format = .json11
        } else {
            throw .invalidJSON(reason: "the JSON document has no JSON Feed `version` and no `items`")
        }
        var diagnostics: [ParseDiagnostic] = []
        var feed = Feed(format: format, wellFormed: true, encoding: "utf-8")
        feed.title = string(root["title"]).map { Text($0) }
        if let home = string(root["home_page_url"]) { feed.links.append(Link(href: resolve(home))) }
        if let feedURL = string(root["feed_url"]) {
            feed.links.append(Link(href: resolve(feedURL), rel: "self"))
            feed.id = feedURL
        }
        feed.subtitle = string(root["description"]).map { Text($0) }
        feed.logo = string(root["icon"]).map(resolve)
        feed.icon = string(root["favicon"]).map(resolve)
        feed.authors = people(root)
        feed.language = string(root["language"])
        for (index, raw) in (root["items"] as? [Any] ?? []).enumerated() {
            guard let item = raw as? [String: Any] else {
                diagnostics.append(ParseDiagnostic(severity: .warning, code: "json-item-not-object",
                                                   message: "items[\(index)] is not an object; skipped"))
                continue
            }
            feed.entries.append(entry(item, index: index, diagnostics: &diagnostics))
        }
        return ParsedFeed(feed: feed, diagnostics: diagnostics, entryCount: feed.entries.count)
    }

    private func entry(_ item: [String: Any], index: Int, diagnostics: inout [ParseDiagnostic]) -> Entry {
        var entry = Entry()
        if let id = item["id"] {
            if let s = id as? String { entry.id = s } else if let n = id as? NSNumber { entry.id = n.stringValue }
        }
        if let url = string(item["url"]) { entry.links.append(Link(href: resolve(url))) }
        if let external = string(item["external_url"]) { entry.links.append(Link(href: resolve(external), rel: "related")) }
        entry.title = string(item["title"]).map { Text($0) }
        if let html = string(item["content_html"]) {
            let value = options.sanitize ? HTMLSanitizer.sanitize(html, baseURL: baseURL) : html
            entry.content = Content(value, type: "html")
        } else if let text = string(item["content_text"]) {
            entry.content = Content(text, type: "text")
        }
        entry.summary = string(item["summary"]).map { Text($0) }
        for (key, path) in [("date_published", \Entry.published), ("date_modified", \Entry.updated)] {
            guard let value = string(item[key]) else { continue }
            if let date = FeedDateParser.parse(value) {
                entry[keyPath: path] = date
            } else {
                diagnostics.append(ParseDiagnostic(severity: .warning, code: "unreadable-date",
                                                   message: "items[\(index)].\(key) '\(value.prefix(60))' could not be read; left out"))
            }
        }
        entry.authors = people(item)
        entry.categories = (item["tags"] as? [Any] ?? []).compactMap { ($0 as? String).map { Category(term: $0) } }
        entry.language = string(item["language"])
        for raw in item["attachments"] as? [Any] ?? [] {
            guard let attachment = raw as? [String: Any], let url = string(attachment["url"]) else { continue }
            let size = (attachment["size_in_bytes"] as? NSNumber)?.intValue
            entry.links.append(Link(href: resolve(url), rel: "enclosure", type: string(attachment["mime_type"]),
                                    title: string(attachment["title"]), length: size))
        }
        return entry
    }

    private func people(_ object: [String: Any]) -> [Person] {
        var raw: [Any] = object["authors"] as? [Any] ?? []
        if raw.isEmpty, let single = object["author"] { raw = [single] }
        return raw.compactMap { value -> Person? in
            guard let author = value as? [String: Any] else { return nil }
            let person = Person(name: string(author["name"]), uri: string(author["url"]).map(resolve))
            return person.isEmpty ? nil : person
        }
    }

    private func string(_ value: Any?) -> String? {
        guard let s = value as? String else { return nil }
        let trimmed = s.trimmingWhitespace()
        return trimmed.isEmpty ? nil : trimmed
    }

    private func resolve(_ url: String) -> String {
        URLResolver.resolve(url, against: baseURL)
    }

    private static func describe(_ error: any Error) -> String {
        let text = "\(error)"
        return text.count > 160 ? String(text.prefix(160)) + "…" : text
    }
}
