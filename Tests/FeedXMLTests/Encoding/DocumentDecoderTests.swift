import FeedTestSupport
import Testing
@testable import FeedXML

@Suite struct DocumentDecoderTests {
    static let cafe = Array("Caf\u{e9} \u{2014} \u{65e5}\u{672c}".utf8)

    // MARK: Rule 1: the Content-Type charset wins

    @Test func contentTypeCharsetWinsOverTheDeclaration() {
        let decoded = DocumentDecoder.decode(EncodingFixture.rss(declaring: "iso-8859-1", title: Self.cafe),
                                             contentType: "application/rss+xml; charset=utf-8")
        #expect(decoded.encoding == "utf-8")
        #expect(EncodingFixture.text(decoded.utf8).contains("Café — 日本"))
    }

    @Test func charsetOverridingTheDeclarationIsNoRecovery() {
        let decoded = DocumentDecoder.decode(EncodingFixture.rss(declaring: "iso-8859-1"),
                                             contentType: "application/atom+xml; charset=us-ascii")
        #expect(decoded.encoding == "us-ascii")
        #expect(!decoded.recovered)
        #expect(decoded.notes.contains { $0.contains("overrides") })
    }

    @Test(arguments: ["text/xml;charset= \"us-ascii\"", "application/rss+xml;charset= 'us-ascii'",
                      "application/xml; CHARSET=US-ASCII; q=1"])
    func quotedAndSpacedCharsetParametersAreRead(contentType: String) {
        #expect(DocumentDecoder.decode(EncodingFixture.rss(), contentType: contentType).encoding == "us-ascii")
    }

    @Test func charsetOnATextTypeIsHonoured() {
        let decoded = DocumentDecoder.decode(EncodingFixture.rss(title: Self.cafe), contentType: "text/plain; charset=utf-8")
        #expect(decoded.encoding == "utf-8")
        #expect(!decoded.recovered)
    }

    // MARK: Rule 2: the media type decides what else is read

    @Test(arguments: ["application/xml", "application/rss+xml", "application/xml-external-parsed-entity", nil])
    func applicationTypesAndFilesReadTheDeclaration(contentType: String?) {
        let decoded = DocumentDecoder.decode(EncodingFixture.rss(declaring: "iso-8859-1", title: [0x63, 0x61, 0x66, 0xE9]),
                                             contentType: contentType)
        #expect(decoded.encoding == "iso-8859-1")
        #expect(!decoded.recovered)
        #expect(EncodingFixture.text(decoded.utf8).contains("café"))
    }

    @Test(arguments: ["application/xml", "application/atom+xml", "application/xml-dtd", nil])
    func undeclaredDocumentIsUTF8(contentType: String?) {
        let decoded = DocumentDecoder.decode(EncodingFixture.rss(title: Self.cafe), contentType: contentType)
        #expect(decoded.encoding == "utf-8")
        #expect(!decoded.recovered)
    }

    @Test(arguments: ["text/xml", "text/atom+xml", "text/plain", "text/xml-external-parsed-entity"])
    func textTypeWithoutCharsetIsUSASCIIWhateverTheDeclarationSays(contentType: String) {
        let decoded = DocumentDecoder.decode(EncodingFixture.rss(declaring: "iso-8859-1"), contentType: contentType)
        #expect(decoded.encoding == "us-ascii")
        #expect(!decoded.recovered)
    }

    @Test func byteOrderMarkWinsOverTheDeclaration() {
        let decoded = DocumentDecoder.decode([0xEF, 0xBB, 0xBF] + EncodingFixture.rss(declaring: "iso-8859-1", title: Self.cafe),
                                             contentType: nil)
        #expect(decoded.encoding == "utf-8")
        #expect(!decoded.recovered)
    }

    @Test func byteOrderMarkIsRemoved() {
        let decoded = DocumentDecoder.decode([0xEF, 0xBB, 0xBF] + Array("<rss/>".utf8), contentType: nil)
        #expect(decoded.utf8 == Array("<rss/>".utf8))
    }

    @Test func validUTF8DocumentIsReturnedUnchanged() {
        let document = EncodingFixture.rss(declaring: "UTF-8", title: Self.cafe)
        #expect(DocumentDecoder.decode(document, contentType: "application/rss+xml").utf8 == document)
    }

    // MARK: Rule 3: a document that says nothing is recognised from its bytes

    @Test func undeclaredASCIIIsUTF8() {
        let decoded = DocumentDecoder.decode(Array("<rss version=\"2.0\"/>".utf8), contentType: nil)
        #expect(decoded.encoding == "utf-8")
        #expect(!decoded.recovered)
    }

    @Test func undeclaredNonUTF8IsRecognisedAndRecovered() throws {
        let korean = try #require(EncodingFixture.sentences["ko"])
        let decoded = DocumentDecoder.decode(EncodingFixture.rss(title: EncodingFixture.encoded(korean, "EUC-KR")), contentType: nil)
        #expect(decoded.encoding == "euc-kr")
        #expect(decoded.recovered)
        #expect(EncodingFixture.text(decoded.utf8).contains(korean))
    }

    @Test func recognisedSimplifiedChineseIsReportedAsGB2312() throws {
        let chinese = try #require(EncodingFixture.sentences["zh"])
        let decoded = DocumentDecoder.decode(EncodingFixture.rss(title: EncodingFixture.encoded(chinese, "GB2312")), contentType: nil)
        #expect(decoded.encoding == "gb2312")
        #expect(EncodingFixture.text(decoded.utf8).contains(chinese))
    }

    // MARK: Rule 4: fallbacks

    @Test func utf8DeclaredDocumentHoldingWindows1252IsReadAsWindows1252() {
        let latin: [UInt8] = [0x93, 0x43, 0x61, 0x66, 0xE9, 0x94, 0x20, 0x80, 0x35, 0x20, 0x96, 0x20, 0x6E, 0x61, 0xEF, 0x76, 0x65]
        let decoded = DocumentDecoder.decode(EncodingFixture.rss(declaring: "utf-8", title: latin), contentType: nil)
        #expect(decoded.encoding == "windows-1252")
        #expect(decoded.recovered)
        #expect(EncodingFixture.text(decoded.utf8).contains("“Café” €5 – naïve"))
    }

    @Test func mostlyUTF8DocumentKeepsUTF8AndRepairsItsStrayBytes() {
        let title = Self.cafe + Array(" it".utf8) + [0x92] + Array("s r\u{e9}sum\u{e9}".utf8)
        let decoded = DocumentDecoder.decode(EncodingFixture.rss(declaring: "utf-8", title: title), contentType: nil)
        #expect(decoded.encoding == "utf-8")
        #expect(decoded.recovered)
        #expect(EncodingFixture.text(decoded.utf8).contains("Café — 日本 it’s résumé"))
    }

    @Test func textTypeMeetingNonASCIIFallsBackToTheDeclaration() {
        let decoded = DocumentDecoder.decode(EncodingFixture.rss(declaring: "utf-8", title: Self.cafe), contentType: "text/xml")
        #expect(decoded.encoding == "utf-8")
        #expect(decoded.recovered)
        #expect(decoded.notes.contains { $0.contains("us-ascii") })
    }

    @Test func textTypeMeetingUndeclaredNonASCIIFallsBackToUTF8() {
        let decoded = DocumentDecoder.decode(EncodingFixture.rss(title: Self.cafe), contentType: "text/xml")
        #expect(decoded.encoding == "utf-8")
        #expect(decoded.recovered)
    }

    @Test func unknownDeclaredEncodingFallsBackToUTF8() {
        let decoded = DocumentDecoder.decode(EncodingFixture.rss(declaring: "x-klingon", title: Self.cafe), contentType: nil)
        #expect(decoded.encoding == "utf-8")
        #expect(decoded.recovered)
        #expect(decoded.notes.contains { $0.contains("x-klingon") })
    }

    @Test func unknownCharsetFallsBackToTheDeclaration() {
        let decoded = DocumentDecoder.decode(EncodingFixture.rss(declaring: "iso-8859-1", title: [0xE9]),
                                             contentType: "application/xml; charset=bogus")
        #expect(decoded.encoding == "iso-8859-1")
        #expect(decoded.recovered)
    }

    @Test func wronglyDeclaredCJKDocumentIsRecognised() throws {
        let japanese = try #require(EncodingFixture.sentences["ja"])
        let decoded = DocumentDecoder.decode(EncodingFixture.rss(declaring: "utf-8", title: EncodingFixture.encoded(japanese, "EUC-JP")),
                                             contentType: nil)
        #expect(decoded.encoding == "euc-jp")
        #expect(decoded.recovered)
        #expect(EncodingFixture.text(decoded.utf8).contains(japanese))
    }

    @Test func failedAttemptsAreExplainedInTheNotes() {
        let decoded = DocumentDecoder.decode(EncodingFixture.rss(declaring: "utf-8", title: [0x63, 0x61, 0x66, 0xE9, 0x20]),
                                             contentType: nil)
        #expect(decoded.notes.contains { $0.contains("utf-8") && $0.contains("0xE9") && $0.contains("offset") })
    }

    @Test func byteOrderMarkContradictingTheCharsetWins() {
        let document: [UInt8] = [0xFF, 0xFE] + Array("<rss/>".utf8).flatMap { [$0, 0] }
        let decoded = DocumentDecoder.decode(document, contentType: "application/xml; charset=iso-8859-1")
        #expect(decoded.encoding == "utf-16le")
        #expect(decoded.recovered)
        #expect(decoded.utf8 == Array("<rss/>".utf8))
    }

    // MARK: Rule 5: canonical names

    @Test func declaredGB2312IsReadAndReportedAsGB18030() {
        let decoded = DocumentDecoder.decode(EncodingFixture.rss(declaring: "gb2312", title: [0xD6, 0xD0, 0xCE, 0xC4]), contentType: nil)
        #expect(decoded.encoding == "gb18030")
        #expect(EncodingFixture.text(decoded.utf8).contains("中文"))
    }

    @Test func charsetGB2312IsReportedAsGB18030() {
        let decoded = DocumentDecoder.decode(EncodingFixture.rss(declaring: "utf-8"), contentType: "application/atom+xml; charset='gb2312'")
        #expect(decoded.encoding == "gb18030")
        #expect(!decoded.recovered)
    }

    @Test func iso88591IsReportedByItsNameWhileReadAsWindows1252() {
        let decoded = DocumentDecoder.decode(EncodingFixture.rss(declaring: "ISO-8859-1", title: [0x93, 0x41, 0x94]), contentType: nil)
        #expect(decoded.encoding == "iso-8859-1")
        #expect(!decoded.recovered)
        #expect(EncodingFixture.text(decoded.utf8).contains("“A”"))
    }

    @Test(arguments: [("latin1", "iso-8859-1"), ("x-sjis", "shift_jis"), ("csShiftJIS", "shift_jis"), ("cp1252", "windows-1252"),
                      ("UTF8", "utf-8"), ("EUC-KR", "euc-kr"), ("big5", "big5")])
    func declaredAliasIsReportedByItsCanonicalName(alias: String, canonical: String) {
        #expect(DocumentDecoder.decode(EncodingFixture.rss(declaring: alias), contentType: nil).encoding == canonical)
    }

    @Test(arguments: [
        ([0xFF, 0xFE] as [UInt8], "utf-16le"), ([0xFE, 0xFF], "utf-16be"),
        ([0xFF, 0xFE, 0x00, 0x00], "utf-32le"), ([0x00, 0x00, 0xFE, 0xFF], "utf-32be"),
    ])
    func byteOrderMarkGivesUTF16AndUTF32TheirOrder(mark: [UInt8], encoding: String) {
        let document = mark + Self.wide("<?xml version=\"1.0\" encoding=\"utf-16\"?><rss>日本</rss>", encoding)
        let decoded = DocumentDecoder.decode(document, contentType: nil)
        #expect(decoded.encoding == encoding)
        #expect(!decoded.recovered)
        #expect(EncodingFixture.text(decoded.utf8).hasSuffix("<rss>日本</rss>"))
    }

    @Test(arguments: [("utf-16", "utf-16le"), ("utf-16", "utf-16be"), ("u16", "utf-16be"), ("utf_32", "utf-32le"),
                      ("utf-32", "utf-32be"), ("utf-16be", "utf-16be")])
    func documentWithoutByteOrderMarkTakesItsOrderFromItsFirstBytes(declared: String, encoding: String) {
        let document = Self.wide("<?xml version=\"1.0\" encoding=\"\(declared)\"?><rss/>", encoding)
        let decoded = DocumentDecoder.decode(document, contentType: nil)
        #expect(decoded.encoding == encoding)
        #expect(!decoded.recovered)
        #expect(EncodingFixture.text(decoded.utf8).hasSuffix("<rss/>"))
    }

    @Test func utf16DocumentThatDeclaresNothingIsReadByItsLayout() {
        let decoded = DocumentDecoder.decode(Self.wide("<rss>é</rss>", "utf-16le"), contentType: nil)
        #expect(decoded.encoding == "utf-16le")
        #expect(EncodingFixture.text(decoded.utf8) == "<rss>é</rss>")
    }

    // MARK: Rule 6: anything goes in, something sane comes out

    @Test func ebcdicDocumentIsRead() {
        let document = EncodingFixture.encoded("<?xml version=\"1.0\" encoding=\"ebcdic-cp-us\"?>\n<rss>caf\u{e9}</rss>", "IBM037")
        let decoded = DocumentDecoder.decode(document, contentType: nil)
        #expect(decoded.encoding == "ibm037")
        #expect(EncodingFixture.text(decoded.utf8).hasSuffix("<rss>café</rss>"))
    }

    @Test func emptyDocumentIsUTF8() {
        let decoded = DocumentDecoder.decode([], contentType: nil)
        #expect(decoded.encoding == "utf-8")
        #expect(decoded.utf8.isEmpty)
    }

    @Test func utf16DocumentCutInTheMiddleOfACharacterIsRepaired() {
        let document = [0xFF, 0xFE] + Self.wide("<rss/>", "utf-16le") + [0x41]
        let decoded = DocumentDecoder.decode(document, contentType: nil)
        #expect(decoded.encoding == "utf-16le")
        #expect(decoded.recovered)
        #expect(EncodingFixture.text(decoded.utf8) == "<rss/>\u{FFFD}")
    }

    @Test func randomBytesDecodeToValidUTF8() {
        var generator = SeededRandom(seed: 2024)
        let contentTypes: [String?] = [nil, "text/xml", "application/xml; charset=utf-16", "application/rss+xml; charset=shift_jis"]
        for round in 0..<400 {
            let count = Int.random(in: 0...600, using: &generator)
            var bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
            if round % 4 == 1 { bytes = [0xFF, 0xFE] + bytes }
            if round % 4 == 2 { bytes = Array("<?xml version='1.0' encoding='euc-jp'?>".utf8) + bytes }
            let decoded = DocumentDecoder.decode(bytes, contentType: contentTypes[round % contentTypes.count])
            #expect(UTF8Validation.validate(decoded.utf8) == .valid, "round \(round)")
            #expect(!decoded.encoding.isEmpty)
        }
    }

    /// ASCII-only `text` in UTF-16 or UTF-32 (BMP only, no byte order mark).
    static func wide(_ text: String, _ encoding: String) -> [UInt8] {
        EncodingFixture.encoded(text, encoding.uppercased())
    }
}

/// The short way to UTF-8 (`declaresUTF8`) answers only for plain UTF-8 declarations, and never
/// against the general rules.
@Suite struct UTF8DeclarationTests {
    static let declarations: [(String, Bool)] = [
        (#"<?xml version="1.0" encoding="utf-8"?><rss/>"#, true),
        (#"<?xml version='1.0' encoding='UTF-8'?><rss/>"#, true),
        (#"<?xml version="1.0" encoding = "Utf8" standalone="yes"?><rss/>"#, true),
        (#"<?xml version="1.0" encoding="iso-8859-1"?><rss/>"#, false),
        (#"<?xml version="1.0" encoding="utf-16"?><rss/>"#, false),
        (#"<?xml version="1.0" encoding="utf-8x"?><rss/>"#, false),
        (#"<?xml version="1.0" encoding="utf-8><rss/>"#, false),
        (#"<?xml version="1.0"?><rss/>"#, false),
        (#" <?xml version="1.0" encoding="utf-8"?><rss/>"#, false),
        (#"<?xml version="1.0" encoding="utf-8""#, false),
        (#"<rss version="2.0"/>"#, false),
    ]

    @Test(arguments: declarations)
    func onlyAPlainUTF8DeclarationIsReadTheShortWay(document: String, expected: Bool) {
        #expect(DocumentDecoder.declaresUTF8(Array(document.utf8)) == expected)
    }

    @Test(arguments: declarations)
    func theShortWayAgreesWithTheRules(document: String, expected: Bool) {
        let bytes = Array(document.utf8)
        let byRules = EncodingChooser.firstChoiceName(bytes, contentType: nil) == "utf-8"
        if DocumentDecoder.declaresUTF8(bytes) { #expect(byRules) }
        #expect(DocumentDecoder.choosesUTF8Upfront(bytes, contentType: nil) == byRules)
    }

    @Test func aByteOrderMarkIsLeftToTheRules() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(#"<?xml version="1.0" encoding="utf-8"?><rss/>"#.utf8)
        #expect(!DocumentDecoder.declaresUTF8(bytes))
        #expect(DocumentDecoder.choosesUTF8Upfront(bytes, contentType: nil))
    }
}
