import FeedModel

/// Feeds every field of an entry, in a fixed order, into a hash (`FourLaneFNV1a`): the entry's
/// *content hash*.
///
/// Each value is framed (a tag for present or absent, a length before every string, a count before
/// every list), so moving text from one field to the next, or `nil` against `""`, changes the hash.
/// The frame is the store's own and never leaves it: it may change between versions, which costs
/// one extra "updated" per entry on the first import after the change and loses nothing.
///
/// One field is left out: the `updated` time of the entry's `source`. The importer copies the
/// feed's header into every entry that has none (so `atom:source` can be written later), and a
/// feed's `updated` moves on whenever any item is added; hashing it would make every entry of the
/// feed "updated" on each new item. The stored source then keeps the time it had when the article
/// was first stored or last changed, which is what `atom:source` is meant to say.
struct EntryDigest {
    private var hash = FourLaneFNV1a()

    static func contentHash(of entry: Entry) -> String {
        var digest = EntryDigest()
        digest.add(entry)
        return digest.hash.hex
    }

    private mutating func add(_ entry: Entry) {
        add(entry.id)
        add(entry.title)
        add(entry.links)
        add(entry.published)
        add(entry.updated)
        add(entry.authors)
        add(entry.contributors)
        add(entry.summary)
        if let content = entry.content {
            present()
            add(content.type)
            add(content.value)
            add(content.src)
            add(content.lang)
        } else {
            absent()
        }
        add(entry.categories)
        add(entry.rights)
        if let source = entry.source {
            present()
            add(source)
        } else {
            absent()
        }
        add(entry.language)
    }

    private mutating func add(_ source: Source) {
        add(source.id)
        add(source.title)
        add(source.subtitle)
        add(source.links)
        // `source.updated` is left out on purpose: see the type's comment.
        add(source.authors)
        add(source.contributors)
        add(source.categories)
        if let generator = source.generator {
            present()
            add(generator.name)
            add(generator.uri)
            add(generator.version)
        } else {
            absent()
        }
        add(source.icon)
        add(source.logo)
        add(source.rights)
    }

    private mutating func present() { hash.add(1) }
    private mutating func absent() { hash.add(0) }

    private mutating func add(count: Int) {
        add(word: UInt64(truncatingIfNeeded: count))
    }

    private mutating func add(word: UInt64) {
        var remaining = word
        for _ in 0..<8 {
            hash.add(UInt8(truncatingIfNeeded: remaining))
            remaining >>= 8
        }
    }

    private mutating func add(_ string: String) {
        var string = string
        string.withUTF8 { bytes in
            add(count: bytes.count)
            hash.add(bytes)
        }
    }

    private mutating func add(_ string: String?) {
        guard let string else { return absent() }
        present()
        add(string)
    }

    private mutating func add(_ number: Int?) {
        guard let number else { return absent() }
        present()
        add(word: UInt64(truncatingIfNeeded: number))
    }

    private mutating func add(_ text: Text?) {
        guard let text else { return absent() }
        present()
        add(text.type.rawValue)
        add(text.value)
        add(text.lang)
    }

    private mutating func add(_ timestamp: Timestamp?) {
        guard let timestamp else { return absent() }
        present()
        add(word: UInt64(truncatingIfNeeded: timestamp.secondsSince1970))
        add(timestamp.fractionDigits)
    }

    private mutating func add(_ links: [Link]) {
        add(count: links.count)
        for link in links {
            add(link.href)
            add(link.rel)
            add(link.type)
            add(link.hreflang)
            add(link.title)
            add(link.length)
        }
    }

    private mutating func add(_ people: [Person]) {
        add(count: people.count)
        for person in people {
            add(person.name)
            add(person.email)
            add(person.uri)
        }
    }

    private mutating func add(_ categories: [Category]) {
        add(count: categories.count)
        for category in categories {
            add(category.term)
            add(category.scheme)
            add(category.label)
        }
    }
}
