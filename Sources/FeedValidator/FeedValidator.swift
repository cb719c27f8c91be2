import FeedXML

/// Checks feed documents against their specifications: the bytes and their encoding, XML
/// well-formedness (every libxml2 error, with line and column), then the rules of Atom 1.0
/// (RFC 4287), RSS 2.0 and 0.9x, RSS 1.0 and the namespaces feeds borrow, and what makes
/// readers stumble. It reads the same libxml2 event stream as the parser, in one pass,
/// building no tree, and reports every finding rather than the first.
///
/// ```swift
/// let report = FeedValidator().validate(data: bytes, fileName: "feeds/atom.xml")
/// if !report.valid { print(HumanReportRenderer.render(report)) }
/// ```
///
/// ## Topics
/// - ``ValidationReport``
/// - ``ValidationCode``
/// - ``FeedValidationStream``
public struct FeedValidator: Sendable {
    public var options: FeedValidatorOptions

    public init(options: FeedValidatorOptions = FeedValidatorOptions()) {
        self.options = options
    }

    /// Validates a whole document held in memory.
    /// - Parameters:
    ///   - fileName: the name diagnostics carry (a path, a URL, `<stdin>`).
    ///   - contentType: the HTTP Content-Type the document came with; its charset is checked
    ///     against the document and decides how the bytes are read (RFC 3023).
    public func validate(data: [UInt8], fileName: String, contentType: String? = nil) -> ValidationReport {
        let stream = FeedValidationStream(fileName: fileName, contentType: contentType, options: options)
        stream.feed(data)
        return stream.finish()
    }
}

/// Validates a document handed over in pieces, in bounded memory (the diagnostics and the ids
/// seen are all it keeps). Stop feeding once ``isStopped`` is true: a limit refused the document.
///
/// The encoding is judged on the first 64 KiB, as the streaming parser decides it. Not
/// `Sendable`: one stream belongs to one task.
public final class FeedValidationStream {
    private let fileName: String
    private let contentType: String?
    private let options: FeedValidatorOptions
    private let session: ValidationSession
    private var head: [UInt8] = []
    private var decoder: EncodingCheck?
    private var parser: XMLStreamParser?
    private var isJSON = false

    public init(fileName: String, contentType: String? = nil, options: FeedValidatorOptions = FeedValidatorOptions()) {
        self.fileName = fileName
        self.contentType = contentType
        self.options = options
        session = ValidationSession(options: options)
    }

    /// Entries and items read so far.
    public var entryCount: Int { session.entryCount }

    /// True once a safety limit stopped the parse: later input is ignored.
    public var isStopped: Bool { parser?.isStopped ?? false }

    public func feed(_ bytes: [UInt8]) {
        guard !isJSON, !isStopped else { return }
        guard let decoder else {
            if head.isEmpty, bytes.count >= StreamingDocumentDecoder.decisionWindow {
                start(with: bytes)   // a whole document: judged without copying it first
                return
            }
            head.append(contentsOf: bytes)
            if head.count >= StreamingDocumentDecoder.decisionWindow { start() }
            return
        }
        push(decoder.decode(bytes, final: false, session: session))
    }

    /// Ends the document and returns what was found.
    public func finish() -> ValidationReport {
        if decoder == nil { start() }
        if !isJSON, let decoder {
            push(decoder.decode([], final: true, session: session))
            parser?.finish()
            session.finish()
        }
        return ValidationReport(file: fileName, format: session.format, diagnostics: session.diagnostics.sortedByPosition())
    }

    private func start() {
        let first = head
        head = []
        start(with: first)
    }

    private func start(with first: [UInt8]) {
        if Self.startsAsJSON(first) {
            isJSON = true
            session.reportDocument(.notAFeed, "this is a JSON document; feed validate checks XML feeds (RSS, RDF, Atom)")
            return
        }
        let decoder = EncodingCheck(head: first, contentType: contentType, session: session)
        self.decoder = decoder
        let utf8 = decoder.decode(first, final: false, session: session)
        session.hasExternalSubset = Self.declaresExternalSubset(utf8)
        parser = XMLStreamParser(handler: session, limits: options.limits, documentName: fileName, inputIsUTF8: true)
        push(utf8)
    }

    private func push(_ utf8: [UInt8]) {
        guard let parser, !utf8.isEmpty, !parser.isStopped else { return }
        parser.feed(utf8)
    }

    private static func startsAsJSON(_ bytes: [UInt8]) -> Bool {
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
        return i < bytes.count && bytes[i] == UInt8(ascii: "{")
    }

    /// True when a DOCTYPE before the root names an external DTD (`SYSTEM` or `PUBLIC`): the
    /// entities a document uses may then be declared there (RSS 0.91's Netscape DTD declares
    /// the HTML ones), which makes an undeclared entity a reader problem, not a fatal error.
    static func declaresExternalSubset(_ utf8: [UInt8]) -> Bool {
        let prefix = utf8.prefix(4096)
        let marker = Array("<!DOCTYPE".utf8)
        guard let start = prefix.indices.first(where: { prefix[$0...].starts(with: marker) }) else { return false }
        let rest = prefix[(start + marker.count)...]
        let end = rest.firstIndex(where: { $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: ">") }) ?? rest.endIndex
        let declaration = String(decoding: rest[..<end], as: UTF8.self)
        return declaration.contains("SYSTEM") || declaration.contains("PUBLIC")
    }
}

extension DiagnosticList {
    /// By line and column; findings at the same place keep the order they were found in.
    func sortedByPosition() -> [ValidationDiagnostic] {
        items.enumerated().sorted { a, b in
            (a.element.line, a.element.column, a.offset) < (b.element.line, b.element.column, b.offset)
        }.map(\.element)
    }
}
