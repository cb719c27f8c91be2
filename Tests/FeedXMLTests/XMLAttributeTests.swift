import FeedXML
import Testing

/// `XMLAttributes.unqualified(_:)`: each attribute without a namespace, read in place.
@Suite struct XMLAttributeTests {
    /// For each start tag, one line per attribute index: what `unqualified` gives there.
    private func readings(of document: String) -> [[String]] {
        let probe = AttributeProbe()
        let parser = XMLStreamParser(handler: probe, documentName: "attributes.xml")
        parser.feed(Array(document.utf8))
        parser.finish()
        return probe.tags
    }

    @Test func anAttributeInANamespaceIsNotUnqualified() {
        let tags = readings(of: #"<f xmlns:x="urn:x"><l x:href="a" href="b"/></f>"#)
        #expect(tags.last == ["-", "h href b plain"])
    }

    @Test func aValueWithAReferenceHasNoPlainBytesAndReadsResolved() {
        let tags = readings(of: #"<f><l title="Q &amp; A" rel="self"/></f>"#)
        #expect(tags.last == ["t title Q & A", "r rel self plain"])
    }

    @Test func aNameIsMatchedWhole() {
        let tags = readings(of: #"<f><l hreflang="en"/></f>"#)
        #expect(tags.last == ["h hreflang en plain"])
    }
}

private final class AttributeProbe: XMLEventHandler {
    var tags: [[String]] = []
    func startElement(_ name: XMLName, attributes: XMLAttributes, location: XMLLocation) {
        tags.append((0..<attributes.count).map { i in
            guard let attribute = attributes.unqualified(i) else { return "-" }
            let name = attribute.isNamed("href") ? "href" : attribute.isNamed("hreflang") ? "hreflang"
                : attribute.isNamed("title") ? "title" : attribute.isNamed("rel") ? "rel" : "?"
            let plain = attribute.plainValueBytes.map { String(decoding: $0, as: UTF8.self) == attribute.value } == true
            return "\(Character(Unicode.Scalar(attribute.leadByte))) \(name) \(attribute.value)" + (plain ? " plain" : "")
        })
    }
    func endElement(_ name: XMLName) {}
    func characters(_ text: XMLCharacters) {}
    func problem(_ problem: XMLProblem) {}
}
