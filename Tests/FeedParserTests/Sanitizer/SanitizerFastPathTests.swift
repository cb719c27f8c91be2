import FeedTestSupport
import Testing
@testable import FeedParser
@testable import FeedXML

/// The sanitizer as it read every fragment before the simple-markup scanner: repairs first, then
/// libxml2's tokens, text handed over as strings.
private func sanitizedThroughLibxml2(_ html: String, baseURL: String?) -> String {
    let writer = SanitizingWriter(baseURL: baseURL, readsNamespacePrefixes: false)
    let repaired = HTMLSanitizer.escapingUnendedDeclarations(HTMLSanitizer.endingUnterminatedComments(html))
    HTMLTokenizer.tokenizeWithLibxml2(repaired, into: writer)
    return writer.finish()
}

@Suite struct SanitizerFastPathTests {
    /// Whatever path a fragment takes (the scanner, with no repairs, or the repairs and then
    /// libxml2), the result is the one libxml2 gives.
    @Test func randomFragmentsSanitizeAsThroughLibxml2() {
        var random = SeededRandom(seed: 31)
        let tags = ["p", "a", "b", "i", "em", "strong", "ul", "li", "ol", "h2", "table", "tr", "td", "div", "span",
                    "img", "br", "figure", "blockquote", "pre", "code", "script", "style", "iframe", "svg", "math",
                    "font", "center", "dl", "dt", "dd", "video", "source", "hr", "sup", "form", "input"]
        let attributes = [" href=\"/a?b=1&amp;c=2\"", " href=\"javascript:alert(1)\"", " href=\" rel/x \"",
                          " src=\"img/p.png\"", " src=\"data:image/png;base64,AAA=\"", " class=\"x\"",
                          " style=\"color: red; background: url(x)\"", " onclick=\"e()\"", " xml:base=\"sub/\"",
                          " title=\"&lt;!-- x\"", " title=\"a&b\"", " cite=\"q.html\"", " HREF=\"HTTP://X/\"",
                          " src=\"java&#9;script:x\"", " poster=p.jpg", " alt"]
        let texts = ["text", " ", "\n", "a &amp; b", "&lt;x&gt;", "&#8230;", "café", "a\r\nb", "<!-- c -->",
                     "<!-- wp:x -->", "<!-- open", "<!DOCTYPE x", "&nbsp;", "1 < 2", "&bogus;", "<![CDATA[x]]>"]
        var checked = 0
        for _ in 0..<3_000 {
            var html = ""
            for _ in 0..<Int.random(in: 1...12, using: &random) {
                switch Int.random(in: 0..<6, using: &random) {
                case 0, 1:
                    html += "<" + tags[Int.random(in: 0..<tags.count, using: &random)]
                        + (Bool.random(using: &random) ? attributes[Int.random(in: 0..<attributes.count, using: &random)] : "")
                        + ">"
                case 2:
                    html += "</" + tags[Int.random(in: 0..<tags.count, using: &random)] + ">"
                default:
                    html += texts[Int.random(in: 0..<texts.count, using: &random)]
                }
            }
            let base = Bool.random(using: &random) ? "https://site.test/blog/" : nil
            #expect(HTMLSanitizer.sanitize(html, baseURL: base) == sanitizedThroughLibxml2(html, baseURL: base), "\(html)")
            checked += 1
        }
        #expect(checked == 3_000)
    }

    @Test func nameTableFindsWhatTheDictionaryHolds() {
        let entries = Dictionary(uniqueKeysWithValues: (SanitizerPolicy.htmlAttributes.union(SanitizerPolicy.svgAttributeNames.keys)
            .union(SanitizerPolicy.mathMLAttributes)).enumerated().map { ($0.element, $0.offset) })
        let table = NameTable(entries)
        for (name, value) in entries { #expect(table[name] == value, "\(name)") }
        for name in ["", "x", "hreff", "data-x", "onclick", "a-very-long-attribute-name-indeed", "é", "HREF"] {
            #expect(table[name] == entries[name], "\(name)")
        }
    }

    @Test func urlCleaningShortcutAgreesWithTheGeneralCase() {
        var random = SeededRandom(seed: 5)
        let pieces = ["http", "https", "HTTPS", "javascript", "data", "mailto", "ftp", "x", ":", "//", "/", "..", ".",
                      "?", "#", "a=1", " ", "\t", "\n", "image/png;base64,AA", "image/svg+xml,", "é", "%20", "1", "+"]
        for _ in 0..<5_000 {
            let value = (0..<Int.random(in: 0...6, using: &random)).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &random)] }.joined()
            for base in [nil, "https://site.test/a/b.html", "javascript:x", "urn:x"] as [String?] {
                for allowsImageData in [false, true] {
                    #expect(URLAttributeCleaner.clean(value, baseURL: base, allowsImageData: allowsImageData)
                            == URLAttributeCleaner.cleanedSlowly(value, baseURL: base, allowsImageData: allowsImageData),
                            "\(value) against \(base ?? "nil")")
                }
            }
        }
    }
}
