import FeedXML

/// Writes each event as one line, so a whole parse can be compared at once.
final class EventLog: XMLEventHandler {
    var lines: [String] = []
    private var text: [UInt8] = []

    func startElement(_ name: XMLName, attributes: XMLAttributes, location: XMLLocation) {
        flushText()
        let attributeList = attributes.map { "\($0.name.localName)=\($0.value)" }.joined(separator: ",")
        lines.append("start {\(name.namespace)}\(name.localName) [\(attributeList)]")
    }

    func endElement(_ name: XMLName) {
        flushText()
        lines.append("end \(name.localName)")
    }

    func characters(_ text: XMLCharacters) {
        text.append(to: &self.text)
    }

    func problem(_ problem: XMLProblem) {
        flushText()
        lines.append("problem \(problem.kind) at \(problem.position.line)")
    }

    private func flushText() {
        let trimmed = String(decoding: text, as: UTF8.self).trimmingCharacters(in: [" ", "\n"])
        if !trimmed.isEmpty { lines.append("text \(trimmed)") }
        text = []
    }
}

extension String {
    func trimmingCharacters(in set: Set<Character>) -> String {
        String(drop(while: { set.contains($0) }).reversed().drop(while: { set.contains($0) }).reversed())
    }
}
