import FeedModel
@testable import FeedParser
import Foundation
import Testing

/// Ill-formed documents are read as far as they go: entries still delivered, `wellFormed: false`,
/// and diagnostics that say where.
@Suite("Recovery from ill-formed XML")
struct RecoveryTests {
    @Test func wellFormedDocumentCarriesNoDiagnostics() throws {
        let parsed = try FixtureLoader.parse("rss/rss20.xml")
        #expect(parsed.feed.wellFormed)
        #expect(parsed.diagnostics.isEmpty)
    }

    @Test func undeclaredHTMLEntitiesAreResolved() throws {
        let feed = try FixtureLoader.feed("recovery/undeclared-entities.xml")
        #expect(feed.title?.value == "Café\u{00A0}Society")
        #expect(feed.subtitle?.value == "Coffee \u{2014} and talk.")
        #expect(try feed.entry(0).title?.value == "Crème brûlée night")
    }

    @Test func undeclaredEntitiesMakeTheDocumentNotWellFormedAndSaySoWithAPosition() throws {
        let parsed = try FixtureLoader.parse("recovery/undeclared-entities.xml")
        #expect(!parsed.feed.wellFormed)
        let diagnostics = parsed.diagnostics(coded: "undeclared-entity")
        #expect(diagnostics.contains { $0.message.contains("&eacute;") && $0.position?.line == 5 })
        #expect(diagnostics.contains { $0.message.contains("&mdash;") && $0.position?.line == 7 })
        #expect(diagnostics.allSatisfy { ($0.position?.column ?? 0) >= 1 })
    }

    @Test func bareAmpersandsAreKeptAsTheCharactersMeant() throws {
        let parsed = try FixtureLoader.parse("recovery/bare-ampersand.xml")
        let feed = parsed.feed
        #expect(!feed.wellFormed)
        #expect(feed.title?.value == "Q & A Corner")
        #expect(feed.links == [Link(href: "http://qa.example.com/?page=1&sort=new")])
        #expect(feed.subtitle?.value == "Questions & answers.")
        let entry = try feed.entry(0)
        #expect(entry.title?.value == "Salt & pepper")
        #expect(entry.links == [Link(href: "http://qa.example.com/?id=7&ref=rss")])
        #expect(feed.entries.count == 2)
        #expect(parsed.diagnostics.contains { $0.position?.line == 5 })
    }

    @Test func unclosedTagsStillDeliverEveryEntryReadSoFar() throws {
        let parsed = try FixtureLoader.parse("recovery/unclosed-tag.xml")
        #expect(!parsed.feed.wellFormed)
        #expect(parsed.feed.entries.map(\.title?.value) == ["First whole item", "Second item, never closed"])
        #expect(parsed.feed.entries.map(\.alternateLink?.href) == [
            "http://cut.example.com/1", "http://cut.example.com/2",
        ])
        let positions = parsed.diagnostics.compactMap(\.position)
        #expect(!positions.isEmpty)
        #expect(positions.allSatisfy { $0.line >= 14 && $0.column >= 1 }, "\(positions)")
    }

    @Test func mismatchedEndTagIsRecoveredAndEntriesAfterItAreDelivered() throws {
        let parsed = try FixtureLoader.parse("recovery/mismatched-end-tag.xml")
        #expect(!parsed.feed.wellFormed)
        #expect(parsed.feed.entries.map(\.id) == ["urn:example:mismatched:1", "urn:example:mismatched:2"])
        #expect(try parsed.feed.entry(1).title?.value == "After the break")
        #expect(try parsed.feed.entry(1).updated?.rfc3339 == "2024-01-02T00:00:00Z")
    }

    @Test func mismatchedEndTagDiagnosticCarriesLineAndColumn() throws {
        let parsed = try FixtureLoader.parse("recovery/mismatched-end-tag.xml")
        let diagnostic = try #require(parsed.diagnostics.first { $0.severity == .error })
        let position = try #require(diagnostic.position)
        #expect(position.line == 10)
        // `</i>` spans columns 29 to 32 of line 10; libxml2 reports at or just after it.
        #expect((29...34).contains(position.column), "column \(position.column)")
        #expect(diagnostic.description.hasPrefix("10:\(position.column): error: "))
    }

    @Test func junkBeforeTheXMLDeclarationIsSkipped() throws {
        let parsed = try FixtureLoader.parse("recovery/junk-before-declaration.xml")
        #expect(parsed.feed.format == .rss20)
        #expect(!parsed.feed.wellFormed)
        #expect(parsed.feed.title?.value == "After the Warning")
        #expect(parsed.feed.entries.map(\.title?.value) == ["Still here"])
    }

    @Test func elementLeftUnclosedInsideAnItemIsClosedByTheItemsEndTag() throws {
        let parsed = try FixtureLoader.parse("recovery/unclosed-element-in-item.xml")
        #expect(!parsed.feed.wellFormed)
        #expect(parsed.diagnostics.contains { $0.position?.line == 11 })
        #expect(parsed.feed.entries.count == 2)
        #expect(parsed.feed.entries.first?.title?.value.hasPrefix("Never closed") == true)
        #expect(parsed.feed.entries.last?.title?.value == "Fine again")
        #expect(parsed.feed.entries.last?.alternateLink?.href == "http://forgetful.example.com/2")
    }

    @Test func bareAmpersandInAnAttributeValueIsKept() throws {
        let parsed = try FixtureLoader.parse("recovery/bare-ampersand-in-attribute.xml")
        #expect(!parsed.feed.wellFormed)
        let entry = try parsed.feed.entry(0)
        #expect(entry.links.first?.href == "http://query.example.com/get.mp3?id=5&src=rss")
    }

    @Test func declaredInternalEntityIsExpandedAndTheDocumentStaysWellFormed() throws {
        let parsed = try FixtureLoader.parse("rss/declared-internal-entity.xml")
        #expect(parsed.feed.wellFormed)
        #expect(parsed.feed.title?.value == "Hobbs & Daughters Hardware")
        #expect(parsed.feed.subtitle?.value == "Nails, screws and Hobbs & Daughters gossip.")
    }

    @Test func unescapedHTMLWithAnUnclosedBrInADescriptionLosesNothing() throws {
        let parsed = try FixtureLoader.parse("recovery/unescaped-html-in-description.xml")
        #expect(!parsed.feed.wellFormed)
        #expect(parsed.diagnostics.contains { $0.position?.line == 10 })
        #expect(parsed.feed.entries.map(\.title?.value) == ["Two lines", "Next item"])
        let first = try parsed.feed.entry(0)
        #expect(first.summary?.type == .html)
        #expect(first.summary?.value.hasPrefix("Line one<br") == true)
        #expect(first.summary?.value.contains("Line two") == true)
        #expect(first.summary?.value.contains("pasted.example.com") == false)
        #expect(first.alternateLink?.href == "http://pasted.example.com/1")
    }

    @Test func diagnosticsAreCappedAtMaxDiagnosticsButTheDocumentStaysNotWellFormed() throws {
        let all = try FixtureLoader.parse("recovery/bare-ampersand.xml")
        #expect(all.diagnostics.count > 2)
        let capped = try FixtureLoader.parse("recovery/bare-ampersand.xml",
                                             options: FeedParserOptions(maxDiagnostics: 2))
        #expect(capped.diagnostics.count == 2)
        #expect(!capped.feed.wellFormed)
        #expect(capped.feed == all.feed)
    }
}
