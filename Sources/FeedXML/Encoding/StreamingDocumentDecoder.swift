/// Decodes a document that arrives in chunks, in bounded memory.
///
/// The first ``decisionWindow`` bytes are held back and the encoding is chosen on them exactly
/// as ``DocumentDecoder`` chooses it for a whole document; from then on every chunk is decoded
/// as it comes. Bytes after the window that do not decode are read as windows-1252 (U+FFFD in
/// a UTF-16/32 or EBCDIC document) and make the document ``recovered``: the choice cannot be
/// taken back once the start of the document has been handed on.
///
/// A class, not a struct: it owns an iconv descriptor, which a copy could not share safely.
public final class StreamingDocumentDecoder {
    /// How many bytes the choice of encoding looks at (enough for the recogniser's sample).
    public static let decisionWindow = CharsetRecogniser.sampleLimit

    private let contentType: String?
    private var buffered: [UInt8] = []
    private var transcoder: Transcoder?
    private var reportedRepairs = 0

    /// The canonical name of the encoding; `utf-8` until the choice is made.
    public private(set) var encoding = "utf-8"
    /// True when a fallback was needed or bytes were repaired.
    public private(set) var recovered = false
    /// What was tried and why it failed, one line each.
    public private(set) var notes: [String] = []

    public init(contentType: String?) {
        self.contentType = contentType
    }

    /// The UTF-8 for as much of the document as can be decoded so far (often nothing until the
    /// first ``decisionWindow`` bytes have arrived).
    public func decode(_ chunk: [UInt8]) -> [UInt8] {
        guard let transcoder else {
            buffered.append(contentsOf: chunk)
            return buffered.count >= Self.decisionWindow ? decide(isComplete: false) : []
        }
        return decode(chunk, with: transcoder, final: false)
    }

    /// The UTF-8 for whatever is left, at the end of the document.
    public func finish() -> [UInt8] {
        guard let transcoder else { return decide(isComplete: true) }
        return decode([], with: transcoder, final: true)
    }

    private func decide(isComplete: Bool) -> [UInt8] {
        let decision = EncodingChooser.decide(buffered, contentType: contentType, isComplete: isComplete)
        buffered = []
        let transcoder = decision.transcoder
        transcoder.invalidBytes = .decodeAsWindows1252
        self.transcoder = transcoder
        encoding = transcoder.encoding
        recovered = decision.recovered
        notes = decision.notes
        reportedRepairs = transcoder.repairedCount
        return decision.output
    }

    private func decode(_ chunk: [UInt8], with transcoder: Transcoder, final: Bool) -> [UInt8] {
        let output: [UInt8]
        do {
            output = try transcoder.decode(chunk, final: final)
        } catch {
            // Unreachable: a repairing transcoder does not throw. Read the chunk byte by byte.
            var latin: [UInt8] = []
            for byte in chunk { SingleByteTables.appendWindows1252(byte, to: &latin) }
            output = latin
        }
        if transcoder.repairedCount > reportedRepairs {
            if !recovered || reportedRepairs == 0 {
                let first = transcoder.firstRepairedOffset.map { " (the first at offset \($0))" } ?? ""
                notes.append("bytes that are not \(encoding) were repaired after the encoding was chosen\(first)")
            }
            recovered = true
            reportedRepairs = transcoder.repairedCount
        }
        return output
    }
}
