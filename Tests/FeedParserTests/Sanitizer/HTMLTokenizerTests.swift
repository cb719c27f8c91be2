import Testing
import FeedXML

/// Records the tokens as short strings: `<name a=v>`, `</name>`, `text`, `raw:…`, `!comment`.
private final class TokenRecorder: HTMLTokenHandler {
    var tokens: [String] = []

    func startTag(_ name: String, attributes: [HTMLAttribute]) {
        let rendered = attributes.map { " \($0.name)=\($0.value ?? "nil")" }.joined()
        tokens.append("<\(name)\(rendered)>")
    }
    func endTag(_ name: String) { tokens.append("</\(name)>") }
    func text(_ text: String) { tokens.append(text) }
    func rawText(_ text: String) { tokens.append("raw:" + text) }
    func comment(_ text: String) { tokens.append("!" + text) }
}

private func tokens(_ html: String) -> [String] {
    let recorder = TokenRecorder()
    HTMLTokenizer.tokenize(html, into: recorder)
    return recorder.tokens
}

@Suite struct HTMLTokenizerTests {
    @Test func fragmentIsNotWrappedInImpliedElements() {
        #expect(tokens("hello <b>world</b>") == ["hello ", "<b>", "world", "</b>"])
    }

    @Test func textAfterAnElementGetsNoImpliedParagraph() {
        #expect(tokens("<i>a</i>b &amp; c") == ["<i>", "a", "</i>", "b & c"])
    }

    @Test func writtenParagraphIsReportedEvenWithoutAttributes() {
        #expect(tokens("x<p>y</p><P >z") == ["x", "<p>", "y", "</p>", "<p>", "z", "</p>"])
    }

    @Test func namesAreLowerCasedAndAttributesKeepTheirOrder() {
        #expect(tokens("<A HREF=\"u\" Title='t' hidden>x</A>") == ["<a href=u title=t hidden=nil>", "x", "</a>"])
    }

    @Test func entitiesAreDecodedInTextAndAttributes() {
        #expect(tokens("<abbr title=\"&lt;&eacute;&#x41;\">&gt;&nbsp;&copy;</abbr>") == ["<abbr title=<éA>", ">\u{A0}©", "</abbr>"])
    }

    @Test func scriptContentArrivesRawAndUndecoded() {
        #expect(tokens("<script>if (a &lt; b) {}</script>") == ["<script>", "raw:if (a &lt; b) {}", "</script>"])
    }

    @Test func commentsAreReported() {
        #expect(tokens("a<!-- note -->b") == ["a", "! note ", "b"])
    }

    @Test func everyStartGetsOneEndEvenWhenLeftOpen() {
        let stream = tokens("<div><span>a<br>b")
        #expect(stream == ["<div>", "<span>", "a", "<br>", "</br>", "b", "</span>", "</div>"])
    }

    @Test func metaCharsetDoesNotChangeTheDecoding() {
        #expect(tokens("<meta charset=\"iso-8859-1\">é") == ["<meta charset=iso-8859-1>", "</meta>", "é"])
    }

    @Test func emptyInputProducesNoTokens() {
        #expect(tokens("").isEmpty)
    }
}
