import FeedModel

extension StoredArticle {
    /// The entry as a feed the site publishes states it: every field as stored, except where
    /// Atom (RFC 4287) requires what the stored entry may lack.
    ///
    /// - `id` must be an absolute IRI (§4.2.6): an RSS guid such as `12345` is not. The stable id
    ///   is used when it is one (the entry's id, else its link, else the store's `urn:uuid:`);
    ///   otherwise a `urn:uuid:` is derived from the source's address and the stable id, so the
    ///   same article keeps the same id in every feed written from any store.
    /// - `updated` is required (§4.1.2): without it, `published`, else the time the store first
    ///   saw the article.
    public func publishedEntry(sourceAddress: String) -> Entry {
        var published = entry
        published.id = Self.isAbsoluteIRI(stableID) ? stableID : Self.derivedID(sourceAddress: sourceAddress, stableID: stableID)
        if published.updated == nil { published.updated = published.published ?? firstSeen }
        return published
    }

    /// An RFC 3987 scheme (a letter, then letters, digits, `+`, `-` or `.`), a colon, something
    /// after it, and no white space.
    static func isAbsoluteIRI(_ value: String) -> Bool {
        let bytes = Array(value.utf8)
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon > 0, colon < bytes.count - 1 else { return false }
        guard bytes[0].isASCIILetter else { return false }
        for byte in bytes[1..<colon] where !(byte.isASCIILetter || byte.isASCIIDigit || byte == UInt8(ascii: "+")
                                             || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")) {
            return false
        }
        return !bytes.contains { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    }

    static func derivedID(sourceAddress: String, stableID: String) -> String {
        var hash = FNV1a128()
        hash.add("published:".utf8)
        hash.add(sourceAddress.utf8)
        hash.add(CollectionOfOne(0))
        hash.add(stableID.utf8)
        return ArticleIdentity.uuidURN(high: hash.high, low: hash.low)
    }
}

private extension UInt8 {
    var isASCIILetter: Bool { (0x41...0x5A).contains(self) || (0x61...0x7A).contains(self) }
    var isASCIIDigit: Bool { (0x30...0x39).contains(self) }
}
