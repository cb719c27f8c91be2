/// Pretty-printed JSON written by hand, in the order the caller gives keys, streamed to a sink.
///
/// `JSONEncoder` would need the whole feed in memory and, with sorted keys, puts `version` after
/// `title`; writing by hand keeps the JSON Feed specification's key order and bounded memory.
/// Two spaces per level, `"key": value`, one member per line.
final class JSONOutput {
    private let sink: ByteSink
    private let threshold: Int
    private var buffer: [UInt8] = []
    /// For each open object or array: whether it has a member yet (for the commas).
    private var hasMembers: [Bool] = []

    init(threshold: Int = 64 * 1024, sink: @escaping ByteSink) {
        self.sink = sink
        self.threshold = threshold
        buffer.reserveCapacity(threshold + 4096)
    }

    func beginObject() { open(UInt8(ascii: "{")) }
    func endObject() throws { try close(UInt8(ascii: "}")) }
    func beginArray() { open(UInt8(ascii: "[")) }
    func endArray() throws { try close(UInt8(ascii: "]")) }

    /// Starts an object member: the value follows.
    func key(_ name: StaticString) {
        newMember()
        buffer.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { buffer.append(contentsOf: $0) }
        buffer.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":"), UInt8(ascii: " ")])
    }

    /// Starts an array element: the value follows.
    func element() {
        newMember()
    }

    func string(_ value: String) {
        buffer.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { bytes in
            var runStart = 0
            for i in 0..<bytes.count {
                let byte = bytes[i]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
                runStart = i + 1
                switch byte {
                case UInt8(ascii: "\""): buffer += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
                case UInt8(ascii: "\\"): buffer += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
                case 0x0A: buffer += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
                case 0x0D: buffer += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
                case 0x09: buffer += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    buffer += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
                }
            }
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        }
        buffer.append(UInt8(ascii: "\""))
    }

    func integer(_ value: Int) {
        buffer.append(contentsOf: String(value).utf8)
    }

    /// `"key": "value"` when there is a value.
    func member(_ name: StaticString, _ value: String?) {
        guard let value else { return }
        key(name)
        string(value)
    }

    /// Ends the document with a newline and hands everything to the sink.
    func finish() throws {
        buffer.append(UInt8(ascii: "\n"))
        try drain()
    }

    /// Hands the buffered bytes to the sink once the threshold is passed.
    func drainIfFull() throws {
        if buffer.count >= threshold { try drain() }
    }

    private func drain() throws {
        guard !buffer.isEmpty else { return }
        try buffer.withUnsafeBytes { try sink($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    private func open(_ bracket: UInt8) {
        buffer.append(bracket)
        hasMembers.append(false)
    }

    private func close(_ bracket: UInt8) throws {
        let hadMembers = hasMembers.popLast() ?? false
        if hadMembers { newline(depth: hasMembers.count) }
        buffer.append(bracket)
    }

    private func newMember() {
        guard let last = hasMembers.indices.last else { return }
        if hasMembers[last] { buffer.append(UInt8(ascii: ",")) }
        hasMembers[last] = true
        newline(depth: hasMembers.count)
    }

    private func newline(depth: Int) {
        buffer.append(UInt8(ascii: "\n"))
        for _ in 0..<depth { buffer += [UInt8(ascii: " "), UInt8(ascii: " ")] }
    }
}
