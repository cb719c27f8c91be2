import FeedModel

/// Writes a feed as RFC 5005 (Feed Paging and Archiving, §4) archived documents: the newest
/// `pageSize` entries in the main document, older ones in archive documents that do not change
/// once full, so a reader can walk back through the whole history.
///
/// Files, for a main document `atom.xml`: archives `atom-archive-1.xml` (the oldest entries),
/// `atom-archive-2.xml`, … up to the newest archive. Archives fill from the oldest: each holds
/// `pageSize` entries except the newest, which takes what is left. As entries are added, the main
/// document passes its oldest ones to the newest archive, and only when that is full does a new
/// archive begin; older archives stay byte-identical.
///
/// Links (`atom:link`, in Atom and RSS alike): the main document has `prev-archive` to the newest
/// archive; each archive has `self` (its own address), `current` (the main document),
/// `prev-archive` to the next older and `next-archive` to the next newer archive, where they
/// exist, and the `fh:archive` marker. An archive's address is the main document's `self` link
/// with its last path segment replaced by the archive's file name; without a `self` link it is
/// the bare file name, which resolves next to the document. Archives left over from an earlier
/// run with more pages are not deleted. Archive documents state as `updated` their own newest
/// entry's date.
public struct ArchivedFeedWriter<Writer: FeedDocumentWriter>: Sendable {
    public var writer: Writer
    /// Entries per document; at least 1.
    public var pageSize: Int
    /// The main document's file name, such as `atom.xml`.
    public var fileName: String

    public init(writer: Writer, pageSize: Int, fileName: String) {
        self.writer = writer
        self.pageSize = max(1, pageSize)
        self.fileName = fileName
    }

    /// The file name of archive `number` (1 is the oldest): `atom.xml` → `atom-archive-3.xml`.
    public func archiveFileName(_ number: Int) -> String {
        let (stem, suffix) = splitExtension(fileName)
        return "\(stem)-archive-\(number)\(suffix)"
    }

    /// The documents `entryCount` entries make, in the order they are written: the main document,
    /// then the archives from the newest to the oldest.
    public func pages(entryCount: Int) -> [ArchivePage] {
        let total = max(0, entryCount)
        var pages = [ArchivePage(archiveNumber: nil, fileName: fileName, entries: 0..<min(pageSize, total))]
        let older = total - pageSize
        guard older > 0 else { return pages }
        let archiveCount = (older + pageSize - 1) / pageSize
        for number in stride(from: archiveCount, through: 1, by: -1) {
            // Positions count from the newest entry; archive k holds the k-th page from the oldest.
            let end = total - (number - 1) * pageSize
            let start = max(pageSize, total - number * pageSize)
            pages.append(ArchivePage(archiveNumber: number, fileName: archiveFileName(number), entries: start..<end))
        }
        return pages
    }

    /// Writes every document of the feed, handing each to `output` with a function that writes
    /// it into a sink.
    /// - Parameters:
    ///   - entries: newest first, read once; `count` must be their number.
    ///   - output: called once per document, in the order of `pages(entryCount:)`.
    public func write<Entries: Sequence<Entry>>(
        _ feed: Feed, entries: Entries, count: Int,
        output: (_ page: ArchivePage, _ writeDocument: (_ sink: @escaping ByteSink) throws(FeedWriteError) -> Void)
            throws(FeedWriteError) -> Void
    ) throws(FeedWriteError) {
        let pages = pages(entryCount: count)
        let archiveCount = pages.count - 1
        let selfLink = feed.links.first { $0.rel == "self" }?.href
        var iterator = entries.makeIterator()
        for page in pages {
            var pageEntries: [Entry] = []
            pageEntries.reserveCapacity(page.entries.count)
            for _ in page.entries {
                guard let entry = iterator.next() else { break }
                pageEntries.append(entry)
            }
            var document = feed
            document.entries = []
            let archiveLinks: [Link]
            let marker: FeedHistoryMarker
            if let number = page.archiveNumber {
                marker = .archive
                document.updated = nil
                var links = [Link(href: address(of: page.fileName, selfLink: selfLink), rel: "self"),
                             Link(href: selfLink ?? fileName, rel: "current")]
                if number > 1 {
                    links.append(Link(href: address(of: archiveFileName(number - 1), selfLink: selfLink), rel: "prev-archive"))
                }
                if number < archiveCount {
                    links.append(Link(href: address(of: archiveFileName(number + 1), selfLink: selfLink), rel: "next-archive"))
                }
                archiveLinks = links
            } else {
                marker = .none
                var links: [Link] = selfLink.map { [Link(href: $0, rel: "self")] } ?? []
                if archiveCount > 0 {
                    links.append(Link(href: address(of: archiveFileName(archiveCount), selfLink: selfLink), rel: "prev-archive"))
                }
                archiveLinks = links
            }
            document.links = mergedLinks(feed.links, archiveLinks)
            let finalDocument = document
            try output(page) { sink throws(FeedWriteError) in
                try writer.write(finalDocument, entries: pageEntries, marker: marker, to: sink)
            }
        }
    }

    /// Writes every document into `folder` atomically, each with `AtomicFileWriter`.
    @discardableResult
    public func writeFiles<Entries: Sequence<Entry>>(_ feed: Feed, entries: Entries, count: Int,
                                                     folder: String) throws(FeedWriteError) -> [ArchivePage] {
        try write(feed, entries: entries, count: count) { page, writeDocument throws(FeedWriteError) in
            try AtomicFileWriter(path: "\(folder)/\(page.fileName)").write { sink in try writeDocument(sink) }
        }
        return pages(entryCount: count)
    }

    /// The feed's links with the archive links in place of its own `self`, `current` and archive
    /// links: the new `self` where the old one was, the others after the rest.
    private func mergedLinks(_ links: [Link], _ archiveLinks: [Link]) -> [Link] {
        let replaced: Set<String> = ["self", "current", "prev-archive", "next-archive"]
        var merged: [Link] = []
        var placedSelf = false
        for link in links {
            if link.rel == "self", !placedSelf, let newSelf = archiveLinks.first(where: { $0.rel == "self" }) {
                merged.append(newSelf)
                placedSelf = true
            } else if !replaced.contains(link.rel) {
                merged.append(link)
            }
        }
        for link in archiveLinks where !(placedSelf && link.rel == "self") {
            merged.append(link)
        }
        return merged
    }

    /// `file` next to the main document: its `self` address up to the last `/` of the path.
    private func address(of file: String, selfLink: String?) -> String {
        guard let selfLink else { return file }
        var pathStart = selfLink.startIndex
        if let scheme = selfLink.firstRange(of: "://") {
            // The authority has no `/`: the path starts at the first one after it.
            guard let slash = selfLink[scheme.upperBound...].firstIndex(of: "/") else { return selfLink + "/" + file }
            pathStart = slash
        }
        guard let lastSlash = selfLink[pathStart...].lastIndex(of: "/") else { return file }
        return String(selfLink[...lastSlash]) + file
    }

    private func splitExtension(_ name: String) -> (stem: String, suffix: String) {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return (name, "") }
        return (String(name[..<dot]), String(name[dot...]))
    }
}

/// One document of an archived feed.
public struct ArchivePage: Sendable, Hashable {
    /// nil for the main document; 1 for the oldest archive, counting up to the newest.
    public var archiveNumber: Int?
    public var fileName: String
    /// Positions of its entries in the newest-first list.
    public var entries: Range<Int>
}
