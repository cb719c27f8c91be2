import FeedXML
import Testing

/// Values read through `value(of:preferring:)`: the common ones match whole values only, and
/// every other value comes back as the document wrote it.
@Suite struct CommonAttributeValuesTests {
    static let relations = CommonAttributeValues(["alternate", "self"])

    private func relations(in document: String) -> [String?] {
        let probe = RelationProbe()
        let parser = XMLStreamParser(handler: probe, documentName: "relations.xml")
        parser.feed(Array(document.utf8))
        parser.finish()
        return probe.found
    }

    @Test func aCommonValueIsReadAsItself() {
        #expect(relations(in: #"<f><l rel="alternate"/><l rel="self"/></f>"#) == [nil, "alternate", "self"])
    }

    @Test func aValueThatOnlyStartsOrEndsLikeACommonOneIsKeptWhole() {
        #expect(relations(in: #"<f><l rel="alt"/><l rel="selfish"/><l rel="myself"/><l rel="Self"/></f>"#)
                == [nil, "alt", "selfish", "myself", "Self"])
    }

    @Test func anEmptyOrEscapedValueIsReadAsWritten() {
        #expect(relations(in: #"<f><l rel=""/><l rel="s&amp;elf"/><l/></f>"#) == [nil, "", "s&elf", nil])
    }
}

private final class RelationProbe: XMLEventHandler {
    var found: [String?] = []
    func startElement(_ name: XMLName, attributes: XMLAttributes, location: XMLLocation) {
        found.append(attributes.value(of: "rel", preferring: CommonAttributeValuesTests.relations))
    }
    func endElement(_ name: XMLName) {}
    func characters(_ text: XMLCharacters) {}
    func problem(_ problem: XMLProblem) {}
}
