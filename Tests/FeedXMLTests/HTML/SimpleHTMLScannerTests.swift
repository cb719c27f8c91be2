import FeedTestSupport
import Testing
@testable import FeedXML

/// Records every token, attributes and all, so two token streams can be compared.
private final class TokenLog: HTMLTokenHandler {
    var tokens: [String] = []

    func startTag(_ name: String, attributes: [HTMLAttribute]) {
        tokens.append("<\(name)" + attributes.map { " \($0.name)=\($0.value.map { "[\($0)]" } ?? "nil")" }.joined() + ">")
    }
    func endTag(_ name: String) { tokens.append("</\(name)>") }
    func text(_ text: String) { tokens.append("t[\(text)]") }
    func rawText(_ text: String) { tokens.append("raw[\(text)]") }
    func comment(_ text: String) { tokens.append("c[\(text)]") }
}

private func libxml2Tokens(_ html: String) -> [String] {
    let log = TokenLog()
    HTMLTokenizer.tokenizeWithLibxml2(html, into: log)
    return log.tokens
}

/// The scanner's tokens, or nil when it leaves the fragment to libxml2.
private func scannerTokens(_ html: String) -> [String]? {
    var input = html
    return input.withUTF8 { utf8 -> [String]? in
        var scanner = SimpleHTMLScanner()
        guard scanner.scan(utf8) else { return nil }
        let log = TokenLog()
        scanner.replay(into: log)
        return log.tokens
    }
}

@Suite struct SimpleHTMLScannerTableTests {
    typealias Tables = SimpleHTMLScanner.Tables

    @Test func autoClosingMatchesLibxml2() {
        for old in Tables.names where !Tables.voidNames.contains(old) {
            for new in Tables.names {
                let tokens = libxml2Tokens("<\(old)><\(new)>z")
                let closes = tokens.count > 1 && tokens[1] == "</\(old)>"
                let expected = Tables.closes(Tables.element(.init(new)) ?? 0, Tables.element(.init(old)) ?? 0)
                #expect(closes == expected, "<\(old)><\(new)>: \(tokens)")
            }
        }
    }

    @Test func voidElementsMatchLibxml2() {
        for name in Tables.names {
            let tokens = libxml2Tokens("<\(name)>x")
            let endsAtOnce = tokens.count > 1 && tokens[1] == "</\(name)>"
            #expect(endsAtOnce == Tables.voidNames.contains(name), "\(name): \(tokens)")
        }
    }

    @Test func endTagsCloseLikeLibxml2() {
        for outer in Tables.names where !Tables.voidNames.contains(outer) {
            for inner in Tables.names {
                for html in ["<\(outer)><\(inner)>x</\(outer)>y", "<\(outer)><\(inner)><b>x</\(outer)>y"] {
                    guard let scanned = scannerTokens(html) else { continue }
                    #expect(scanned == libxml2Tokens(html), "\(html)")
                }
            }
        }
    }

    @Test func entityValuesMatchLibxml2() {
        let names = Array(HTMLEntityTable.codePoints.keys) + Array(Tables.xmlEntities.keys)
        for name in names {
            let value = Tables.xmlEntities[name] ?? HTMLEntityTable.codePoints[name] ?? 0
            let expected = String(Character(Unicode.Scalar(value) ?? "?"))
            #expect(libxml2Tokens("<b>&\(name);</b>") == ["<b>", "t[\(expected)]", "</b>"], "&\(name);")
        }
    }
}

@Suite struct SimpleHTMLScannerAgreementTests {
    /// Fragments the scanner must read itself, each checked against libxml2.
    @Test(arguments: [
        "hello <b>world</b>",
        "<p>one<p>two",
        "<i>a</i>b &amp; c",
        "  \r\n <p class=\"a\" id='b' hidden>x</p>\n",
        "<ul>\n<li>one\n<li>two</ul>after",
        "<table><tr><td>a<td>b<tr><td>c</table>",
        "<b>bold <p>para</p></b> tail",
        "lead <img src=\"a.png\" alt=x><br/>z<hr>",
        "<a href=\"/x?a=1&b=2&amp;c=&#51;\">q</a>",
        "<!-- wp:paragraph -->\n<p>t</p>\n<!-- /wp:paragraph -->",
        "x</div></span>y",
        "a<br></br>b",
        "caf&eacute; &mdash; &#8220;q&#x201D; &nbsp;x &amp &foo &",
        "<p>1 &lt; 2 &amp;&amp; 3 &gt; 2</p>",
        "<div><p>a</div>",
        "<dl><dt>t<dd>d<dt>u</dl>",
        "<h2>T</h2>text<ul><li>x</li></ul> <p>p</p> &amp; ",
        "<figure><img src=\"x\"><figcaption>c</figcaption></figure>",
        "<A HREF=\"u\" Title='t' hidden>x</A>",
        "<abbr title=\"&lt;&eacute;&#x41;\">&gt;&nbsp;&copy;</abbr>",
        "<p/>after<span/>",
        "text\r\nmore</p>",
        "<em>x</em>  ",
        "  <!-- a -->  <!-- b -->  x",
        "<b>x<i>y</b>z</i>",
        "<table><tr><td><div>x</div></td><td><div>y</td></tr></table>",
    ])
    func scannerAgreesWithLibxml2(html: String) throws {
        let scanned = try #require(scannerTokens(html), "left to libxml2: \(html)")
        #expect(scanned == libxml2Tokens(html), "\(html)")
    }

    @Test(arguments: [
        "<script>x</script>", "<style>b{}</style>", "<html><body>x</body></html>", "<meta charset=\"x\">",
        "a < b", "<!DOCTYPE html>x", "<?php x ?>", "<![CDATA[x]]>", "&bogus;",
        "&#0;", "&#xD800;", "<p>\u{1}</p>", "<svg:rect/>", "<a href=\"x>y", "<b", "<!-- a -- b -->",
    ])
    func scannerLeavesUnusualMarkupToLibxml2(html: String) {
        #expect(scannerTokens(html) == nil, "\(html)")
    }

    /// Random fragments from pieces that cover the scanner's rules and their edges: whenever the
    /// scanner reads one itself, its tokens must be libxml2's.
    @Test func randomFragmentsAgree() {
        var random = SeededRandom(seed: 2024)
        let names = SimpleHTMLScanner.Tables.names + ["script", "style", "form", "meta", "html", "body", "head",
                                                      "blink", "svg", "math", "title", "textarea", "option"]
        let attributes = [" href=\"/a?b=1&c=2\"", " class='x y'", " id=a1", " hidden", " title=\"&quot;q&quot;\"",
                          " src = \"i.png\" ", " alt=\"\"", " CLASS=\"up\"", " class=\"dup\"", " data-x=\"1\"",
                          " style=\"color: red\"", " title=\"a&amp;b&lt;c\"", " rel=\"&#x6A;s\"", " x=\"&unknown\"",
                          " title=\"caf&eacute;\"", " v=a&b", " xml:base=\"http://x/\"", " title=\"<>\"", "/"]
        let texts = ["text", " ", "\n", "  \n ", "word &amp; word", "&lt;", "&#8230;", "&#x2019;", "&nbsp;",
                     "café", "日本語", "a\r\nb", "\r", "&amp", "& ", "&copy;", "&#39;", "&apos;", "x;y", ">",
                     "&unknownentity;", "&#65", "\t", "&#x;", "&#;", "&#1234567;", "&#xFFFE;", "&#128;",
                     "&AElig;", "&aelig", "&lt", "&#60;", "&am;p", "<br />", "<p >", "</p >", "</P>",
                     "< b>", "<1>", "</>", "<a\nhref=\"x\">", "&#X41;", "\u{FEFF}", "&a.b=1", "&_x;",
                     String(repeating: " ", count: 950), "x" + String(repeating: " ", count: 1200) + "y"]
        var agreed = 0
        var scanned = 0
        for round in 0..<20_000 {
            var html = ""
            if round % 7 == 0 { html += "  " }
            if round % 11 == 0 { html += "<!-- c -->\n" }
            for _ in 0..<Int.random(in: 1...14, using: &random) {
                switch Int.random(in: 0..<10, using: &random) {
                case 0...2:
                    let name = names[Int.random(in: 0..<names.count, using: &random)]
                    var tag = "<" + (Bool.random(using: &random) ? name : name.uppercased())
                    for _ in 0..<Int.random(in: 0...2, using: &random) {
                        tag += attributes[Int.random(in: 0..<attributes.count, using: &random)]
                    }
                    html += tag + (Int.random(in: 0..<8, using: &random) == 0 ? "/>" : ">")
                case 3...4:
                    html += "</" + names[Int.random(in: 0..<names.count, using: &random)] + ">"
                case 5:
                    html += "<!-- note -->"
                default:
                    html += texts[Int.random(in: 0..<texts.count, using: &random)]
                }
            }
            guard let fast = scannerTokens(html) else { continue }
            scanned += 1
            let slow = libxml2Tokens(html)
            #expect(fast == slow, "\(html)")
            if fast == slow { agreed += 1 }
        }
        #expect(scanned > 5_000, "the scanner read only \(scanned) fragments")
        #expect(agreed == scanned)
    }
}
