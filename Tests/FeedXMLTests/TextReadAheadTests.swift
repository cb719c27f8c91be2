import FeedTestSupport
import FeedXML
import Testing

/// Text after a reference, read by the XML layer ahead of libxml2 (`readsTextAhead`), must give
/// exactly what libxml2's own reading gives: the same text in the buffer, the same flags, the
/// same problems at the same positions.
@Suite struct TextReadAheadTests {
    private func reading(_ text: String, readAhead: Bool, checksUTF8: Bool = false) -> [String] {
        collectedTextReading(Array(text.utf8), readAhead: readAhead, checksUTF8: checksUTF8)
    }

    private func reading(_ bytes: [UInt8], readAhead: Bool, checksUTF8: Bool = false) -> [String] {
        collectedTextReading(bytes, readAhead: readAhead, checksUTF8: checksUTF8)
    }

    private func expectSameReading(_ text: String, checksUTF8: Bool = false) {
        let ahead = reading(text, readAhead: true, checksUTF8: checksUTF8)
        #expect(ahead == reading(text, readAhead: false, checksUTF8: checksUTF8))
    }

    @Test func escapedMarkupWithCharactersOutsideASCIIReadsAsLibxml2ReadsIt() {
        let text = "<feed><content type=\"html\">&lt;p&gt;Caf\u{E9} &amp; cr\u{E8}me \u{2014} na\u{EF}ve &#x1F600; "
            + "&lt;a href=&quot;/x?a=1&amp;b=2&quot;&gt;link&lt;/a&gt;&apos;s\n\tend&lt;/p&gt;</content></feed>"
        let ahead = reading(text, readAhead: true)
        #expect(ahead.contains("text <p>Caf\u{E9} & cr\u{E8}me \u{2014} na\u{EF}ve \u{1F600} <a href=\"/x?a=1&b=2\">link</a>'s\n\tend</p> latin false"))
        #expect(ahead == reading(text, readAhead: false))
    }

    @Test func characterReferencesKeepTheirLatinAndWindowsReadings() {
        // &#233; is one Latin-1 character (flagged for the double-encoding repair); &#146; is
        // a C1 control that feeds mean as windows-1252's right quote.
        let text = "<t>&lt;&#233;t&#233; it&#146;s &#8364;5 &#x41;&#65;</t>"
        let ahead = reading(text, readAhead: true)
        #expect(ahead.contains("text <\u{E9}t\u{E9} it\u{2019}s \u{20AC}5 AA latin true"))
        #expect(ahead == reading(text, readAhead: false))
    }

    @Test func whatLibxml2ReadsDifferentlyIsLeftToIt() {
        // A carriage return, `]]>`, a control character, an undeclared or malformed reference,
        // a bare ampersand, a reference to a character XML forbids, U+FFFE: each after text that
        // was read ahead, with a problem whose position must come out the same.
        expectSameReading("<t>&lt;a\r\nb\rc</t>")
        expectSameReading("<t>&lt;a]]>b</t>")
        expectSameReading("<t>&lt;a]b]]c</t>")
        expectSameReading("<t>&lt;a\u{1}b</t>")
        expectSameReading("<t>&lt;caf\u{E9}&nbsp;x&eacute;</t>")
        expectSameReading("<t>&lt;Q & A &amp c &#; &#x; &#12a; &#X41;</t>")
        expectSameReading("<t>&lt;&#0;&#xD800;&#xFFFE;&#1114112;&#99999999999;</t>")
        expectSameReading("<t>&lt;a\u{FFFE}b\u{FFFF}c</t>")
    }

    @Test func bytesThatAreNotUTF8StopTheReadingWhereLibxml2Stops() {
        let bytes = Array("<t>&lt;caf".utf8) + [0xE9, 0x20, 0xC3, 0x28] + Array(" x</t>".utf8)
        #expect(reading(bytes, readAhead: true, checksUTF8: true) == reading(bytes, readAhead: false, checksUTF8: true))
        #expect(reading(bytes, readAhead: true) == reading(bytes, readAhead: false))
    }

    @Test func afterBytesThatAreNotUTF8ColumnsAreCountedAsLibxml2CountsThem() {
        // libxml2 then reads on as ISO-8859-1: a column per byte.
        let bytes = Array("<f><t>&lt;x \u{E9}".utf8) + [0xC3, 0x68] + Array(" y</t><t>&lt;\u{E9}\u{E9}\u{E9}</t><u></v></f>".utf8)
        #expect(reading(bytes, readAhead: true) == reading(bytes, readAhead: false))
    }

    @Test func positionsAfterTextReadAheadAreLibxml2s() {
        // The problems after the text carry line and column: both readings must count the
        // same lines, and columns in characters.
        expectSameReading("<f><t>&lt;\u{E9}\u{E9}\u{1F600}x</t><u></v></f>")
        expectSameReading("<f><t>&lt;line one \u{E9}\nline two \u{E9}\u{E9}\n  three</t>\n  <u></v></f>")
        expectSameReading("<f><t>&amp;</t><u>&gt;x</u> <w/></f")
    }

    @Test func textFedInPiecesReadsAsLibxml2ReadsIt() {
        // References and runs cut off by the end of a piece are left to libxml2.
        let text = "<feed><content type=\"html\">&lt;p&gt;Caf\u{E9} &amp; cr\u{E8}me \u{2014} &#8364;5 &#x1F600;"
            + String(repeating: "&lt;b&gt;na\u{EF}ve text\n&lt;/b&gt; ", count: 40) + "</content><u></v></feed>"
        let bytes = Array(text.utf8)
        for size in [1, 2, 3, 5, 7, 16, 61, 300] {
            let ahead = collectedTextReading(bytes, readAhead: true, pieceSize: size)
            #expect(ahead == collectedTextReading(bytes, readAhead: false, pieceSize: size), "pieces of \(size)")
            #expect(ahead.contains { $0.hasPrefix("text <p>Caf\u{E9} & cr\u{E8}me \u{2014} \u{20AC}5 \u{1F600}<b>") })
        }
    }

    @Test func anElementEndingRightAfterAReferenceReadsAsLibxml2ReadsIt() {
        expectSameReading("<f><t>&lt;</t><t>x&gt;</t><t>&#233;</t><t>&amp;&amp;</t></f>")
    }
}
