import FeedValidator
import Foundation
import Testing

@Suite("Renderers")
struct RendererTests {
    static let feedWithoutID = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title>Harbour Notes</title>
          <updated>2024-05-01T08:00:00Z</updated>
          <link rel="self" href="https://harbour.example/feed.atom"/>
          <author><name>Mara Quay</name></author>
          <entry>
            <id>tag:harbour.example,2024:a</id>
            <title>A</title>
            <updated>2024-05-01T08:00:00Z</updated>
            <link href="https://harbour.example/a"/>
            <link rel="related" href="/b"/>
          </entry>
        </feed>
        """

    @Test func humanLinesLookLikeACompilersOutput() {
        let text = HumanReportRenderer.render(validate(Self.feedWithoutID, fileName: "feeds/atom.xml"))
        #expect(text == """
            feeds/atom.xml:2:1: error: feed has no <id> (RFC 4287 §4.1.1) [missing-element]
            feeds/atom.xml:12:5: warning: link href "/b" is relative and no xml:base is in scope (RFC 4287 §4.2.7.1) [relative-uri]

            """)
    }

    @Test func jsonFollowsTheContractKeyForKeyOnOneLine() throws {
        let line = JSONLinesReportRenderer.render(validate(Self.feedWithoutID, fileName: "feeds/atom.xml"))
        #expect(line.hasSuffix("}\n") && line.dropLast().split(separator: "\n").count == 1)
        #expect(line.hasPrefix(#"{"file": "feeds/atom.xml", "format": "atom1.0", "valid": false, "diagnostics": [{"severity": "error", "code": "missing-element", "message": "feed has no <id> (RFC 4287 §4.1.1)", "line": 2, "column": 1, "path": "/feed"}"#))
        #expect(line.contains(#""path": "/feed/entry[1]/link[2]"}"#))
        let decoded = try JSONDecoder().decode(ValidationReport.self, from: Data(line.utf8))
        #expect(decoded == validate(Self.feedWithoutID, fileName: "feeds/atom.xml"))
    }

    @Test func validIsTrueExactlyWhenNoDiagnosticIsAnError() {
        let warningsOnly = ValidationReport(file: "f", format: "rss2.0", diagnostics: [
            ValidationDiagnostic(severity: .warning, code: "relative-uri", message: "m", line: 1, column: 1, path: "/rss"),
        ])
        #expect(warningsOnly.valid)
        let withError = ValidationReport(file: "f", format: "rss2.0", diagnostics: warningsOnly.diagnostics + [
            ValidationDiagnostic(severity: .error, code: "missing-element", message: "m", line: 2, column: 1, path: "/rss"),
        ])
        #expect(!withError.valid)
    }

    @Test func sarifHasOneRunWithTheCatalogueAsRulesAndARegionPerResult() throws {
        let report = validate(Self.feedWithoutID, fileName: "feeds/atom.xml")
        let text = SARIFReportRenderer.render([report], toolVersion: "0.1.0")
        let log = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        let runs = try #require(log["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        let driver = try #require((runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == ValidationCode.all.map(\.id))
        let results = try #require(runs[0]["results"] as? [[String: Any]])
        #expect(results.count == report.diagnostics.count)
        let first = results[0]
        #expect(first["ruleId"] as? String == "missing-element")
        #expect(first["level"] as? String == "error")
        let location = try #require((first["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        let region = try #require(location["region"] as? [String: Any])
        #expect(region["startLine"] as? Int == 2)
        #expect(region["startColumn"] as? Int == 1)
        #expect((location["artifactLocation"] as? [String: Any])?["uri"] as? String == "feeds/atom.xml")
        #expect(results[1]["level"] as? String == "warning")
    }

    @Test func pathsUseTheDocumentsPrefixesAndSiblingPositions() {
        let report = validate("""
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
            <channel><title>T</title><link>https://h.example/</link><description>D</description>
            <atom:link rel="self" href="https://h.example/f"/>
            <item><title>A</title></item>
            <item><title>B</title><dc:date>yesterday</dc:date></item>
            </channel></rss>
            """)
        let date = report.diagnostics.first { $0.code == "invalid-w3cdtf-date" }
        #expect(date?.path == "/rss/channel[1]/item[2]/dc:date[1]")
    }
}
