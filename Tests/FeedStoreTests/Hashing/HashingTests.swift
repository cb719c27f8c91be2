import FeedModel
@testable import FeedStore
import Testing

@Suite struct HashingTests {
    /// Reference values of the FNV-1a test suite (Landon Curt Noll's `test_fnv.c`).
    @Test func fnv1aMatchesItsPublishedTestVectors() {
        var empty64 = FNV1a64()
        empty64.add([UInt8]())
        #expect(empty64.hex == "cbf29ce484222325")
        var a64 = FNV1a64()
        a64.add(Array("a".utf8))
        #expect(a64.hex == "af63dc4c8601ec8c")
        var foobar64 = FNV1a64()
        foobar64.add(Array("foobar".utf8))
        #expect(foobar64.hex == "85944171f73967e8")

        var a128 = FNV1a128()
        a128.add(Array("a".utf8))
        #expect(HexDigits.string(a128.high, width: 16) + HexDigits.string(a128.low, width: 16)
                    == "d228cb696f1a8caf78912b704e4a8964")
    }

    @Test func everyFieldTakesPartInTheContentHash() {
        let base = StoreFixtures.richEntry()
        var variants: [Entry] = []
        func vary(_ change: (inout Entry) -> Void) {
            var entry = base
            change(&entry)
            variants.append(entry)
        }
        vary { $0.id = nil }
        vary { $0.title?.type = .text }
        vary { $0.title?.lang = nil }
        vary { $0.links[1].length = 1 }
        vary { $0.links.swapAt(0, 3) }
        vary { $0.published?.fractionDigits = "5" }
        vary { $0.updated = nil }
        vary { $0.authors[2].email = nil }
        vary { $0.contributors = [] }
        vary { $0.summary?.value += " " }
        vary { $0.content?.src = "https://example.com/full" }
        vary { $0.categories[0].label = nil }
        vary { $0.rights = nil }
        vary { $0.source?.generator?.version = "6.8.2" }
        vary { $0.source = Source() }
        vary { $0.language = "en" }
        // Text moved from one field to the next is a change, not the same bytes.
        vary { $0.authors[1] = Person(email: "José Müller") }
        let hashes = Set(([base] + variants).map(EntryDigest.contentHash(of:)))
        #expect(hashes.count == variants.count + 1)
    }

    /// The importer copies the feed's header, `updated` included, into each entry's source; the
    /// feed's clock moving on is not a change to the articles already stored.
    @Test func theSourcesUpdatedTimeAloneLeavesTheContentHashAlone() {
        var entry = StoreFixtures.richEntry()
        entry.source?.updated = Timestamp(secondsSince1970: 1_700_000_000)
        let before = EntryDigest.contentHash(of: entry)
        entry.source?.updated = Timestamp(secondsSince1970: 1_800_000_000)
        #expect(EntryDigest.contentHash(of: entry) == before)
    }

    /// The content hash spreads bytes over four lanes: a change in any lane, or in the tail that
    /// does not fill a group of four, must show.
    @Test func aOneCharacterChangeAnywhereInLongContentChangesTheHash() {
        let text = String(repeating: "abcdefghij", count: 100) + "xyz"
        var entry = Entry(id: "long", content: Content(text, type: "html"))
        var hashes: Set<String> = [EntryDigest.contentHash(of: entry)]
        let positions = [0, 1, 2, 3, 4, 500, 998, 999, 1000, 1001, 1002]
        for position in positions {
            var characters = Array(text)
            characters[position] = "#"
            entry.content?.value = String(characters)
            hashes.insert(EntryDigest.contentHash(of: entry))
        }
        #expect(hashes.count == positions.count + 1)
    }

    @Test func derivedIdsAreVersion8UUIDs() {
        let urn = ArticleIdentity.uuidURN(high: .max, low: 0)
        #expect(urn == "urn:uuid:ffffffff-ffff-8fff-8000-000000000000")
    }
}
