import Testing
@testable import FeedXML

@Suite struct StreamingDocumentDecoderTests {
    private func stream(_ bytes: [UInt8], chunkSize: Int, contentType: String? = nil)
        -> (output: [UInt8], decoder: StreamingDocumentDecoder) {
        let decoder = StreamingDocumentDecoder(contentType: contentType)
        var output: [UInt8] = []
        var offset = 0
        while offset < bytes.count {
            let end = min(offset + chunkSize, bytes.count)
            output += decoder.decode(Array(bytes[offset..<end]))
            offset = end
        }
        output += decoder.finish()
        return (output, decoder)
    }

    @Test(arguments: [1, 3, 4096, 100_000])
    func streamingMatchesWholeDocumentDecoding(chunkSize: Int) throws {
        let korean = try #require(EncodingFixture.sentences["ko"])
        let document = EncodingFixture.rss(declaring: "euc-kr", title: Array(repeating: EncodingFixture.encoded(korean, "EUC-KR"), count: 300).flatMap { $0 })
        let whole = DocumentDecoder.decode(document, contentType: nil)
        let streamed = stream(document, chunkSize: chunkSize)
        #expect(streamed.output == whole.utf8)
        #expect(streamed.decoder.encoding == "euc-kr")
        #expect(!streamed.decoder.recovered)
    }

    @Test func onlyTheDecisionWindowIsHeldBack() {
        let decoder = StreamingDocumentDecoder(contentType: nil)
        let chunk = [UInt8](repeating: 0x61, count: 4096)
        var heldBack = 0
        var released = 0
        for _ in 0..<40 {
            released += decoder.decode(chunk).count
            heldBack = 40 * 4096 - released
        }
        #expect(released > 0)
        #expect(heldBack < StreamingDocumentDecoder.decisionWindow + 4096)
    }

    @Test func validUTF8PassesThroughUnchanged() {
        let item = Array("<item><title>Café 日本 😀</title></item>\n".utf8)
        let document = Array("<rss>".utf8) + Array(repeating: item, count: 5000).flatMap { $0 } + Array("</rss>".utf8)
        let streamed = stream(document, chunkSize: 1000)
        #expect(streamed.output == document)
        #expect(streamed.decoder.encoding == "utf-8")
        #expect(!streamed.decoder.recovered)
    }

    @Test func invalidUTF8AfterTheWindowIsReadAsWindows1252AndRecovered() {
        let padding = [UInt8](repeating: 0x20, count: StreamingDocumentDecoder.decisionWindow + 10)
        let document = EncodingFixture.rss(declaring: "utf-8", title: padding + Array("it".utf8) + [0x92] + Array("s".utf8))
        let streamed = stream(document, chunkSize: 8192)
        #expect(streamed.decoder.encoding == "utf-8")
        #expect(streamed.decoder.recovered)
        #expect(EncodingFixture.text(streamed.output).contains("it’s"))
        #expect(!streamed.decoder.notes.isEmpty)
    }

    @Test func shortDocumentIsDecidedAtTheEnd() {
        let streamed = stream(EncodingFixture.rss(declaring: "utf-8", title: [0x93, 0x41, 0x94]), chunkSize: 10)
        #expect(streamed.decoder.encoding == "windows-1252")
        #expect(streamed.decoder.recovered)
        #expect(EncodingFixture.text(streamed.output).contains("“A”"))
    }

    @Test func byteOrderMarkIsRemovedAndSplitCharactersJoined() {
        let document: [UInt8] = [0xFE, 0xFF] + EncodingFixture.encoded("<rss>😀 日本</rss>", "UTF-16BE")
        let streamed = stream(document, chunkSize: 1)
        #expect(streamed.decoder.encoding == "utf-16be")
        #expect(EncodingFixture.text(streamed.output) == "<rss>😀 日本</rss>")
    }

    @Test func textTypeWithoutCharsetStreamsAsUSASCII() {
        let streamed = stream(EncodingFixture.rss(declaring: "iso-8859-1"), chunkSize: 16, contentType: "text/xml")
        #expect(streamed.decoder.encoding == "us-ascii")
        #expect(streamed.output == EncodingFixture.rss(declaring: "iso-8859-1"))
    }
}
