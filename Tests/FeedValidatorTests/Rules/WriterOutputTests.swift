import FeedModel
import FeedValidator
import FeedWriter
import Testing

/// `feed generate` will validate what it writes: a normal feed from our own writer must be clean.
@Suite("Our own writer's output")
struct WriterOutputTests {
    static let feed = Feed(
        format: .atom10,
        id: "tag:harbour.example,2024:feed",
        title: Text("Harbour Notes"),
        subtitle: Text("Tides &amp; <em>boats</em>", type: .html),
        updated: Timestamp(rfc3339: "2024-05-01T08:00:00Z"),
        links: [Link(href: "https://harbour.example/"),
                Link(href: "https://harbour.example/feeds/atom.xml", rel: "self", type: "application/atom+xml")],
        authors: [Person(name: "Mara Quay", email: "mara@harbour.example")],
        language: "en"
    )

    static let entries = [
        Entry(id: "tag:harbour.example,2024:spring-tide", title: Text("Spring tide"),
              links: [Link(href: "https://harbour.example/spring-tide", type: "text/html")],
              published: Timestamp(rfc3339: "2024-04-30T21:15:00Z"), updated: Timestamp(rfc3339: "2024-04-30T21:15:00Z"),
              summary: Text("The highest tide of the month."),
              content: Content(Text("<p>It came in at dawn &amp; left at noon.</p>", type: .html))),
        Entry(id: "tag:harbour.example,2024:neap-tide", title: Text("Neap <b>tide</b>", type: .xhtml),
              links: [Link(href: "https://harbour.example/neap-tide")],
              updated: Timestamp(rfc3339: "2024-04-23T07:00:00Z"),
              content: Content(Text("<p>Barely <em>any</em> water.</p>", type: .xhtml))),
    ]

    @Test func atomWriterOutputHasNoFindings() throws {
        let bytes = try AtomWriter().document(Self.feed, entries: Self.entries)
        let report = FeedValidator(options: FeedValidatorOptions(now: Fixture.now)).validate(data: bytes, fileName: "feeds/atom.xml")
        #expect(report.diagnostics.isEmpty, "\(HumanReportRenderer.render(report))")
        #expect(report.format == "atom1.0")
    }

    @Test func rss2WriterOutputHasNoErrors() throws {
        let bytes = try RSS2Writer().document(Self.feed, entries: Self.entries)
        let report = FeedValidator(options: FeedValidatorOptions(now: Fixture.now)).validate(data: bytes, fileName: "feeds/rss.xml")
        #expect(report.valid, "\(HumanReportRenderer.render(report))")
    }
}
