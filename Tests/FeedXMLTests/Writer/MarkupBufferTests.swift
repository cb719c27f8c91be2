import FeedTestSupport
import Testing
import FeedXML

/// The escaping rules, written the plain way: a byte at a time.
private func referenceEscaped(_ text: String, inAttribute: Bool) -> String {
    var out: [UInt8] = []
    let bytes = Array(text.utf8)
    for (index, byte) in bytes.enumerated() {
        switch byte {
        case UInt8(ascii: "&"): out += Array("&amp;".utf8)
        case UInt8(ascii: "<"): out += Array("&lt;".utf8)
        case UInt8(ascii: ">"): out += Array("&gt;".utf8)
        case UInt8(ascii: "\"") where inAttribute: out += Array("&quot;".utf8)
        case 0x0D where index + 1 < bytes.count && bytes[index + 1] == 0x0A: break
        default: out.append(byte)
        }
    }
    return String(decoding: out, as: UTF8.self)
}

private func escaped(_ text: String, inAttribute: Bool) -> String {
    let buffer = MarkupBuffer()
    buffer.appendEscaped(text, inAttribute: inAttribute)
    return buffer.string
}

@Suite struct MarkupBufferTests {
    @Test func escapesMarkupCharactersAndCRLF() {
        #expect(escaped("a & b < c > d \"q\"\r\ne\rf", inAttribute: false) == "a &amp; b &lt; c &gt; d \"q\"\ne\rf")
        #expect(escaped("\"q\" & <", inAttribute: true) == "&quot;q&quot; &amp; &lt;")
        #expect(escaped("", inAttribute: false) == "")
        #expect(escaped("\r", inAttribute: false) == "\r")
    }

    @Test func wordAtATimeEscapingMatchesTheByteRules() {
        var random = SeededRandom(seed: 11)
        let pieces: [Character] = ["a", "é", "日", "&", "<", ">", "\"", "\r", "\n", " ", "x", "’", "\u{EF}"]
        for _ in 0..<2_000 {
            let text = random.string(from: pieces, maxLength: 40)
            for inAttribute in [false, true] {
                #expect(escaped(text, inAttribute: inAttribute) == referenceEscaped(text, inAttribute: inAttribute), "\(text)")
            }
        }
    }

    @Test func spanAndStringEscapeAlike() {
        let text = "long text with & and < and > and \"quotes\" and CR LF\r\nand more than eight bytes"
        let fromString = MarkupBuffer()
        fromString.appendEscaped(text, inAttribute: false)
        let fromSpan = MarkupBuffer()
        let bytes = Array(text.utf8)
        fromSpan.appendEscaped(bytes.span, inAttribute: false)
        #expect(fromSpan.string == fromString.string)
    }

    @Test func tagsAndAttributesAreWritten() {
        let buffer = MarkupBuffer()
        buffer.appendStartTag("a")
        buffer.appendAttribute("href", value: "x?a=1&b=\"2\"")
        buffer.appendAttribute("xmlns", value: "urn:x", escaping: false)
        buffer.closeStartTag(selfClosing: false)
        buffer.append("t")
        buffer.appendEndTag("a")
        buffer.appendStartTag("br")
        buffer.closeStartTag(selfClosing: true)
        #expect(buffer.string == "<a href=\"x?a=1&amp;b=&quot;2&quot;\" xmlns=\"urn:x\">t</a><br />")
    }

    /// Trimming bytes must give what trimming Characters gives, Unicode white space, CR LF and
    /// combining marks at the ends included.
    @Test func trimmingMatchesCharacterTrimming() {
        var random = SeededRandom(seed: 12)
        let pieces: [String] = [" ", "\n", "\r\n", "\t", "\u{A0}", "\u{3000}", "\u{2028}", "a", "é", " \u{301}",
                                "\u{301}", "<", "日", "\u{85}", "\u{0600}a", "\u{0B}", "\u{1F}", "\r", "\n\u{301}"]
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0...8, using: &random)).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &random)] }.joined()
            let buffer = MarkupBuffer()
            buffer.append(text)
            var expected = ""
            if let first = text.firstIndex(where: { !$0.isWhitespace }),
               let last = text.lastIndex(where: { !$0.isWhitespace }) {
                expected = String(text[first...last])
            }
            #expect(buffer.trimmedString() == expected, "\(Array(text.unicodeScalars))")
        }
    }
}

@Suite struct HTMLTokenHandlerDefaultsTests {
    private final class StringsOnly: HTMLTokenHandler {
        var texts: [String] = []
        func startTag(_ name: String, attributes: [HTMLAttribute]) {}
        func endTag(_ name: String) {}
        func text(_ text: String) { texts.append(text) }
    }

    @Test func utf8TextReachesAStringHandlerAsAString() {
        let handler = StringsOnly()
        HTMLTokenizer.tokenize("<p>caf&eacute; &amp; tea</p>", into: handler)
        #expect(handler.texts == ["café & tea"])
    }

    @Test func simpleMarkupIsReportedAndOtherMarkupLeftAlone() {
        let accepted = StringsOnly()
        #expect(HTMLTokenizer.tokenizeSimpleMarkup("<b>x</b>", into: accepted))
        #expect(accepted.texts == ["x"])
        let refused = StringsOnly()
        #expect(!HTMLTokenizer.tokenizeSimpleMarkup("<script>x</script>y", into: refused))
        #expect(!HTMLTokenizer.tokenizeSimpleMarkup("<a title=\"<!--\">x</a>", into: refused))
        #expect(refused.texts.isEmpty)
    }
}
