import FeedModel
@testable import FeedParser
import Foundation
import Testing

/// Text constructs: `text`, `html` and `xhtml` values after exactly one level of XML unescaping;
/// escaped markup and CDATA; RSS text that carries no type of its own.
@Suite("Text constructs")
struct TextConstructTests {
    @Test func atomTextTypeKeepsMarkupCharactersAsText() throws {
        let feed = try FixtureLoader.feed("text/atom-text-constructs.xml")
        #expect(feed.title == Text("Less < More & Equal", type: .text))
    }

    @Test func atomHTMLIsUnescapedExactlyOnce() throws {
        let feed = try FixtureLoader.feed("text/atom-text-constructs.xml")
        #expect(feed.subtitle == Text("Notes on <em>typography</em> &amp; layout", type: .html))
    }

    @Test func atomXHTMLDropsTheWrapperDivAndKeepsNestedMarkup() throws {
        let entry = try FixtureLoader.feed("text/atom-text-constructs.xml").entry(0)
        #expect(entry.title == Text("A <em>very</em> <a href=\"/kern\">fine</a> pair", type: .xhtml))
    }

    @Test func atomXHTMLOnTheFeedDropsTheWrapperDiv() throws {
        let feed = try FixtureLoader.feed("text/atom-text-constructs.xml")
        #expect(feed.rights == Text("Copyright <b>Kerning Club</b>", type: .xhtml))
    }

    @Test func atomXHTMLWithPrefixedElementsIsWrittenWithoutPrefixes() throws {
        let entry = try FixtureLoader.feed("text/atom-text-constructs.xml").entry(0)
        #expect(entry.summary == Text("<p>Prefixed <i>markup</i> too.</p>", type: .xhtml))
    }

    @Test func atomXHTMLKeepsTheSVGNamespaceAsXmlns() throws {
        let entry = try FixtureLoader.feed("text/atom-text-constructs.xml").entry(0)
        let content = try #require(entry.content)
        #expect(content.type == "xhtml")
        #expect(content.value.hasPrefix("<p>Figure:</p><svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(content.value.contains("<circle cx=\"5\" cy=\"5\" r=\"4\""))
        #expect(!content.value.contains("<div"))
        #expect(!content.value.contains("xmlns=\"http://www.w3.org/1999/xhtml\""))
        #expect(content.value.hasSuffix("break</p>"))
    }

    @Test func atomHTMLInCDATAIsTakenAsWritten() throws {
        let entry = try FixtureLoader.feed("text/atom-text-constructs.xml").entry(1)
        #expect(entry.title == Text("Bold <b>claims</b> & a CDATA section", type: .html))
        #expect(entry.content == Content("<p>Ampersands stay &amp; escaped</p>", type: "html"))
    }

    @Test func rssTitleWithoutMarkupIsText() throws {
        let feed = try FixtureLoader.feed("text/rss-markup.xml")
        #expect(feed.title == Text("Fish & Chips Weekly", type: .text))
        #expect(try feed.entry(1).title == Text("Plain words only", type: .text))
    }

    @Test func rssTitleHoldingEscapedMarkupIsHTML() throws {
        let entry = try FixtureLoader.feed("text/rss-markup.xml").entry(0)
        #expect(entry.title == Text("<b>Bold</b> new frying oil", type: .html))
    }

    @Test func rssDescriptionIsAlwaysHTML() throws {
        let feed = try FixtureLoader.feed("text/rss-markup.xml")
        #expect(feed.subtitle == Text("Batter, salt & vinegar", type: .html))
        #expect(try feed.entry(1).summary == Text("Served <i>hot</i> since 1921", type: .html))
    }

    @Test func rssDescriptionInCDATAIsKeptVerbatim() throws {
        let entry = try FixtureLoader.feed("text/rss-markup.xml").entry(0)
        #expect(entry.summary == Text(
            "<p>Crisp &amp; golden, <a href=\"http://chips.example.com/oil\">read on</a>.</p>", type: .html))
    }

    @Test func sanitizeOptionCleansMarkupAndResolvesItsURLsAgainstXMLBase() throws {
        let feed = try FixtureLoader.feed("text/unsafe-markup.xml", options: FeedParserOptions(sanitize: true))
        let value = try #require(feed.entries.first?.content?.value)
        #expect(!value.contains("script"))
        #expect(!value.contains("alert"))
        #expect(!value.contains("onclick"))
        #expect(value.contains("Hello"))
        #expect(value.contains("href=\"https://unsafe.example.com/posts/next.html\""))
    }

    @Test func withoutSanitizeTheMarkupIsKeptAsPublished() throws {
        let feed = try FixtureLoader.feed("text/unsafe-markup.xml")
        #expect(try feed.entry(0).content == Content(
            "<p onclick=\"steal()\">Hello<script>alert(1)</script> <a href=\"next.html\">next</a></p>", type: "html"))
    }

    @Test func xhtmlTextAndAttributesStayEscapedAsMarkup() throws {
        let entry = try FixtureLoader.feed("text/xhtml-escaping.xml").entry(0)
        #expect(entry.content == Content(
            "<p title=\"say &quot;hi&quot; &amp; go\">1 &lt; 2 &amp;&amp; 3 &gt; 2</p><p>&lt;not-a-tag&gt;</p>",
            type: "xhtml"))
    }
}
