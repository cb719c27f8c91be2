import FeedTestSupport
import Testing
@testable import FeedParser

@Suite struct SanitizerRobustnessTests {
    @Test func hugeInputIsSanitizedWhole() {
        let paragraph = "<p class=\"x\" onclick=\"y\">Some <b>bold</b> text &amp; <script>evil()</script><a href=\"rel/\(0)\">link</a></p>\n"
        let html = String(repeating: paragraph, count: 40_000)
        let output = HTMLSanitizer.sanitize(html, baseURL: "https://site.test/")
        #expect(!output.contains("script"))
        #expect(!output.contains("onclick"))
        #expect(output.ranges(of: "<p class=\"x\">").count == 40_000)
    }

    @Test func deeplyNestedInputDoesNotCrash() {
        let depth = 50_000
        let html = String(repeating: "<div><span>", count: depth) + "core" + String(repeating: "</span></div>", count: depth)
        let output = HTMLSanitizer.sanitize(html, baseURL: nil)
        #expect(output.contains("core"))
    }

    @Test func longRunOfUnclosedTagsIsClosed() {
        let html = String(repeating: "<b><i>", count: 10_000) + "x"
        let output = HTMLSanitizer.sanitize(html, baseURL: nil)
        #expect(output.hasSuffix("</i></b>"))
    }

    @Test func randomBytesDoNotCrash() {
        var random = SeededRandom(seed: 42)
        for _ in 0..<300 {
            let bytes = (0..<Int.random(in: 0...400, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
            let text = String(decoding: bytes, as: UTF8.self)
            _ = HTMLSanitizer.sanitize(text, baseURL: "https://site.test/")
            _ = HTMLSanitizer.sanitizeXHTML(text, baseURL: nil)
        }
    }

    @Test func randomTagSoupNeverLetsScriptOrHandlersThrough() {
        var random = SeededRandom(seed: 7)
        let pieces: [Character] = ["<", ">", "/", "=", "\"", "'", " ", "!", "-", "&", ";", "#", "a", "s", "p"]
        let words = ["script", "style", "img", "a", "svg", "math", "href", "src", "onclick", "javascript:",
                     "<!--", "-->", "<![CDATA[", "]]>", "p", "b", "iframe", "x", "&lt;", "&#60;"]
        for _ in 0..<2_000 {
            var soup = ""
            for _ in 0..<Int.random(in: 1...30, using: &random) {
                if Bool.random(using: &random) {
                    soup += words[Int.random(in: 0..<words.count, using: &random)]
                } else {
                    soup += random.string(from: pieces, maxLength: 3)
                }
            }
            for tag in writtenTags(in: HTMLSanitizer.sanitize(soup, baseURL: nil)) {
                #expect(!["script", "iframe", "style"].contains(tag.name), "\(soup)")
                for (name, value) in tag.attributes {
                    #expect(!name.hasPrefix("on"), "\(soup)")
                    if ["href", "src", "xlink:href"].contains(name) {
                        #expect(!value.lowercased().hasPrefix("javascript:"), "\(soup)")
                    }
                }
            }
        }
    }

    @Test func sanitizingTwiceChangesNothingMore() {
        var random = SeededRandom(seed: 99)
        let words = ["<p>", "</p>", "<b>", "</b>", "<a href=\"x\">", "</a>", "text", " ", "&amp;", "<br>",
                     "<table>", "<td>", "<li>", "<span style=\"color: red\">", "</span>", "<script>s</script>"]
        for _ in 0..<500 {
            let soup = (0..<Int.random(in: 1...20, using: &random)).map { _ in words[Int.random(in: 0..<words.count, using: &random)] }.joined()
            let once = HTMLSanitizer.sanitize(soup, baseURL: nil)
            #expect(HTMLSanitizer.sanitize(once, baseURL: nil) == once, "\(soup)")
        }
    }
}

/// The start tags of sanitizer output, read with the output's own conventions: text never holds a
/// bare `<`, and attribute values are double-quoted with `<`, `>` and `"` escaped.
private func writtenTags(in markup: String) -> [(name: String, attributes: [(String, String)])] {
    var tags: [(name: String, attributes: [(String, String)])] = []
    var rest = markup[...]
    while let open = rest.firstIndex(of: "<") {
        let afterOpen = rest[rest.index(after: open)...]
        let close = afterOpen.firstIndex(of: ">") ?? afterOpen.endIndex
        let inside = afterOpen[..<close]
        rest = close < afterOpen.endIndex ? afterOpen[afterOpen.index(after: close)...] : afterOpen[close...]
        guard let first = inside.first, first != "/" else { continue }
        let name = String(inside.prefix { $0 != " " && $0 != "/" })
        var attributes: [(String, String)] = []
        var remainder = inside.dropFirst(name.count)
        while let equals = remainder.firstIndex(of: "=") {
            let attributeName = remainder[..<equals].trimmingPrefix(" ")
            let valueStart = remainder.index(equals, offsetBy: 2, limitedBy: remainder.endIndex) ?? remainder.endIndex
            let valueEnd = remainder[valueStart...].firstIndex(of: "\"") ?? remainder.endIndex
            attributes.append((String(attributeName), String(remainder[valueStart..<valueEnd])))
            remainder = valueEnd < remainder.endIndex ? remainder[remainder.index(after: valueEnd)...] : remainder[valueEnd...]
        }
        tags.append((name, attributes))
    }
    return tags
}

@Suite struct SanitizerConcurrencyTests {
    @Test func parallelSanitizingGivesTheSameResults() async {
        let inputs = (0..<64).map { "<p onclick=\"x\">item \($0) <a href=\"p/\($0)\">link</a><script>s()</script></p>" }
        let expected = inputs.map { HTMLSanitizer.sanitize($0, baseURL: "https://site.test/") }
        let results = await withTaskGroup(of: (Int, String).self) { group in
            for (index, input) in inputs.enumerated() {
                group.addTask { (index, HTMLSanitizer.sanitize(input, baseURL: "https://site.test/")) }
            }
            var collected = [String](repeating: "", count: inputs.count)
            for await (index, output) in group { collected[index] = output }
            return collected
        }
        #expect(results == expected)
    }
}
