import FeedModel
@testable import FeedParser
import Foundation
import Testing

/// Documents in other encodings than UTF-8, read end to end: the text comes out right, and the
/// feed says which encoding it was read in and whether that needed recovering.
@Suite("Encodings end to end")
struct EncodingEndToEndTests {
    @Test func windows1252DeclaredDocumentIsReadAsWindows1252() throws {
        let feed = try FixtureLoader.feed("encoding/windows-1252.xml")
        #expect(feed.encoding == "windows-1252")
        #expect(feed.wellFormed)
        #expect(feed.title?.value == "\u{201C}Café\u{201D} prices from €3")
        #expect(try feed.entry(0).title?.value == "Crème \u{2013} ½ price")
    }

    @Test func utf16LittleEndianWithByteOrderMarkIsRead() throws {
        let feed = try FixtureLoader.feed("encoding/utf-16le-bom.xml")
        #expect(feed.encoding == "utf-16le")
        #expect(feed.wellFormed)
        #expect(feed.format == .atom10)
        #expect(feed.title?.value == "Ångström units \u{2014} 測定")
    }

    @Test func utf16BigEndianWithByteOrderMarkIsRead() throws {
        let feed = try FixtureLoader.feed("encoding/utf-16be-bom.xml")
        #expect(feed.encoding == "utf-16be")
        #expect(feed.wellFormed)
        #expect(feed.title?.value == "Grüße aus Köln")
    }

    @Test func utf8DeclaredDocumentWithWindows1252BytesIsRecoveredAsWindows1252() throws {
        let parsed = try FixtureLoader.parse("encoding/utf-8-declared-windows-1252-bytes.xml")
        let feed = parsed.feed
        #expect(feed.encoding == "windows-1252")
        #expect(!feed.wellFormed)
        #expect(feed.title?.value == "\u{201C}Smart\u{201D} quotes \u{2014} naïve café")
        #expect(try feed.entry(0).title?.value == "Entrée")
        #expect(!parsed.diagnostics(coded: "encoding-fallback").isEmpty)
    }

    @Test func contentTypeCharsetOverridesTheDeclaration() throws {
        let feed = try FixtureLoader.feed("encoding/koi8-r-declared-iso-8859-1.xml",
                                          contentType: "application/rss+xml; charset=koi8-r")
        #expect(feed.encoding == "koi8-r")
        #expect(feed.wellFormed, "a charset that overrides the declaration is not by itself ill-formed")
        #expect(feed.title?.value == "Новости дня")
        #expect(feed.subtitle?.value == "Погода")
    }

    @Test func withoutAContentTypeTheDeclarationDecides() throws {
        let feed = try FixtureLoader.feed("encoding/koi8-r-declared-iso-8859-1.xml")
        #expect(feed.encoding == "iso-8859-1")
        #expect(feed.title?.value != "Новости дня")
    }

    @Test func iso88591DeclaredDocumentIsReportedAsISO88591() throws {
        let feed = try FixtureLoader.feed("encoding/iso-8859-1.xml")
        #expect(feed.encoding == "iso-8859-1")
        #expect(feed.wellFormed)
        #expect(feed.title?.value == "São Tomé à la carte")
    }

    @Test func textXMLWithoutCharsetIsReadAsUSASCII() throws {
        let feed = try FixtureLoader.feed("encoding/ascii-under-text-xml.xml", contentType: "text/xml")
        #expect(feed.encoding == "us-ascii")
        #expect(feed.title?.value == "Plain ASCII")
    }

    @Test func applicationXMLWithoutCharsetFollowsTheDeclaration() throws {
        let feed = try FixtureLoader.feed("encoding/windows-1252.xml", contentType: "application/rss+xml")
        #expect(feed.encoding == "windows-1252")
        #expect(feed.title?.value == "\u{201C}Café\u{201D} prices from €3")
    }

    @Test func gb2312DeclaredDocumentIsReadAndReportedAsGB18030() throws {
        let feed = try FixtureLoader.feed("encoding/gb2312.xml")
        #expect(feed.encoding == "gb18030")
        #expect(feed.wellFormed)
        #expect(feed.title?.value == "今日新闻")
        #expect(feed.subtitle?.value == "天气晴朗")
    }

    @Test func undeclaredShiftJISIsRecognisedFromItsBytes() throws {
        let feed = try FixtureLoader.feed("encoding/shift_jis-undeclared.xml")
        #expect(feed.encoding == "shift_jis")
        #expect(feed.title?.value == "今日のニュースと天気予報")
        #expect(feed.entries.map(\.title?.value) == ["新しい駅が開業しました", "桜が咲き始めました"])
    }

    @Test func utf8ByteOrderMarkIsReadAndNotKeptAsText() throws {
        let feed = try FixtureLoader.feed("encoding/utf-8-bom.xml")
        #expect(feed.encoding == "utf-8")
        #expect(feed.wellFormed)
        #expect(feed.title?.value == "Crème brûlée ☕")
    }

    @Test func textXMLWithoutCharsetOverNonASCIIBytesFallsBackAndIsNotWellFormed() throws {
        let feed = try FixtureLoader.feed("encoding/windows-1252.xml", contentType: "text/xml")
        #expect(feed.encoding == "windows-1252")
        #expect(!feed.wellFormed)
        #expect(feed.title?.value == "\u{201C}Café\u{201D} prices from €3")
    }

    @Test func contentTypeCharsetThatCannotDecodeTheBytesFallsBackToTheDeclaration() throws {
        let parsed = try FixtureLoader.parse("encoding/windows-1252.xml", contentType: "application/xml; charset=utf-8")
        #expect(parsed.feed.encoding == "windows-1252")
        #expect(!parsed.feed.wellFormed)
        #expect(try parsed.feed.entry(0).title?.value == "Crème \u{2013} ½ price")
        #expect(!parsed.diagnostics(coded: "encoding-fallback").isEmpty)
    }

    // A document declared UTF-8 is not validated before libxml2 reads it; each way bytes that are
    // not UTF-8 can come through must still send it to the decoding fallback.

    /// `<rss><channel><title>` + middle + `</title></channel></rss>`, declared UTF-8.
    private static func rss(title middle: [UInt8], after trailer: [UInt8] = []) -> [UInt8] {
        Array(#"<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>"#.utf8) + middle
            + Array("</title></channel></rss>\n".utf8) + trailer
    }

    @Test func overlongFormInCDATASendsTheDocumentToTheFallback() throws {
        // C1 A9 is an overlong (and so invalid) form of U+0069, which libxml2 lets through in CDATA.
        let parsed = try FeedParser().parse(data: Self.rss(title: Array("<![CDATA[caf".utf8) + [0xC1, 0xA9] + Array("]]>".utf8)))
        #expect(parsed.feed.encoding == "windows-1252")
        #expect(parsed.feed.title?.value == "caf\u{C1}\u{A9}")
    }

    @Test func encodedSurrogateInTextSendsTheDocumentToTheFallback() throws {
        // ED A0 80 would be U+D800, a surrogate: libxml2 reports it but would hand it over.
        let parsed = try FeedParser().parse(data: Self.rss(title: [0x61, 0xED, 0xA0, 0x80, 0x62]))
        #expect(parsed.feed.encoding == "windows-1252")
        #expect(parsed.feed.title?.value == "a\u{ED}\u{A0}\u{20AC}b")
    }

    @Test func latin1ByteInAnAttributeValueSendsTheDocumentToTheFallback() throws {
        let document = Array(#"<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title type="text">x</title><category term="caf"#.utf8)
            + [0xE9] + Array(#""/></feed>"#.utf8)
        let parsed = try FeedParser().parse(data: document)
        #expect(parsed.feed.encoding == "windows-1252")
        #expect(parsed.feed.categories.first?.term == "caf\u{E9}")
    }

    @Test func characterCutShortAtTheEndSendsTheDocumentToTheFallback() throws {
        // libxml2 leaves the last incomplete character unread and unreported.
        let parsed = try FeedParser().parse(data: Self.rss(title: Array("caf\u{E9}".utf8), after: [0xE2, 0x80]))
        #expect(parsed.feed.encoding == "windows-1252")
    }

    @Test func validUTF8IsReadWithoutTheFallback() throws {
        let parsed = try FeedParser().parse(data: Self.rss(title: Array("<![CDATA[Ελληνικά]]> und Grüße \u{1F600}".utf8)))
        #expect(parsed.feed.encoding == "utf-8")
        #expect(parsed.feed.title?.value == "Ελληνικά und Grüße \u{1F600}")
        #expect(parsed.diagnostics(coded: "encoding-fallback").isEmpty)
    }
}
