import CLibXML2

/// Writes an XML document through libxml2's `xmlTextWriter`, streaming it to a sink in pieces.
///
/// libxml2 does the escaping, the element stack and the indentation; this class keeps its
/// pointers and return codes away from callers. The output never sits in memory whole: libxml2
/// hands its buffer over every few kilobytes to a write callback, which collects the bytes and
/// gives them to `sink` each time `flushThreshold` bytes have gathered (and at `flush()` and
/// `endDocument()`). Memory therefore stays near the threshold whatever the document's length.
///
/// The writer does not go through an `xmlBuffer` (`xmlNewTextWriterMemory`): that would copy every
/// byte once more and keep the document growing until it is drained; an I/O callback receives the
/// same bytes with one copy less.
///
/// Text and attribute values are escaped (`&`, `<`, `>`, `"`, and carriage returns; in attributes
/// also tabs and line feeds), and characters XML 1.0 cannot carry at all (most C0 controls,
/// U+FFFE, U+FFFF) are left out, so whatever the strings hold, the document is well-formed.
/// Names are the caller's and are written as given.
///
/// A call that fails throws and leaves the document unfinished: stop writing and discard it.
/// Not `Sendable`: one writer belongs to one task.
public final class XMLTextWriter {
    /// Receives the document's bytes in order; valid only during the call. A sink that throws
    /// stops the document: the error comes back from the writer call that was running.
    public typealias Sink = (UnsafeRawBufferPointer) throws -> Void

    private let output: WriterOutput
    private let writer: xmlTextWriterPtr
    private var openElements = 0
    private var finished = false

    /// - Parameters:
    ///   - indent: two spaces per level, a line per element: readable and still deterministic.
    ///   - flushThreshold: how many bytes gather before they go to `sink`.
    public init(indent: Bool = true, flushThreshold: Int = 64 * 1024, sink: @escaping Sink) throws(XMLWriterError) {
        XMLTextWriter.initialiseLibrary
        output = WriterOutput(threshold: max(1, flushThreshold), sink: sink)
        let context = Unmanaged.passUnretained(output).toOpaque()
        // The output buffer belongs to the text writer from here on: xmlFreeTextWriter closes it.
        guard let buffer = xmlOutputBufferCreateIO(WriterOutput.write, nil, context, nil) else {
            throw .libxml2(operation: "xmlOutputBufferCreateIO")
        }
        guard let writer = xmlNewTextWriter(buffer) else {
            xmlOutputBufferClose(buffer)
            throw .libxml2(operation: "xmlNewTextWriter")
        }
        self.writer = writer
        if indent {
            guard xmlTextWriterSetIndent(writer, 1) >= 0,
                  XMLTextWriter.withXMLString("  ", { xmlTextWriterSetIndentString(writer, $0) }) >= 0
            else { throw .libxml2(operation: "xmlTextWriterSetIndent") }
        }
    }

    deinit {
        // Freeing flushes what libxml2 still holds; a document that was not finished must not
        // reach the sink half-written, and a sink must not run from a deinitialiser.
        output.discards = true
        xmlFreeTextWriter(writer)
    }

    /// Bytes handed to the sink so far.
    public var bytesWritten: Int { output.bytesWritten }

    // MARK: Document

    /// Writes `<?xml version="1.0" encoding="UTF-8"?>`. The output is always UTF-8.
    public func startDocument() throws(XMLWriterError) {
        // Passing "UTF-8" to xmlTextWriterStartDocument would install libxml2's UTF-8 to UTF-8
        // converter and copy every byte once more; the declaration is the same either way.
        try raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
    }

    /// Closes every element still open and hands everything to the sink. Nothing may be
    /// written after it.
    public func endDocument() throws(XMLWriterError) {
        try checkOpen("endDocument")
        try check(xmlTextWriterEndDocument(writer), "xmlTextWriterEndDocument")
        openElements = 0
        finished = true
        try flush()
    }

    /// Hands every byte written so far to the sink.
    public func flush() throws(XMLWriterError) {
        try check(xmlTextWriterFlush(writer), "xmlTextWriterFlush")
        do {
            try output.drain()
        } catch {
            throw .sink(error)
        }
    }

    // MARK: Elements

    /// Starts an element named as written, `entry` or `atom:link`; its prefix must be declared
    /// on it or an ancestor (see `declareNamespace`).
    public func startElement(_ name: String) throws(XMLWriterError) {
        try checkOpen("startElement")
        let status = XMLTextWriter.withXMLString(name) { xmlTextWriterStartElement(writer, $0) }
        try check(status, "xmlTextWriterStartElement")
        openElements += 1
    }

    /// Starts an element in `namespace`, declaring it on the element: as the default namespace
    /// without a prefix, else as `xmlns:prefix`.
    public func startElement(_ localName: String, namespace: String, prefix: String? = nil) throws(XMLWriterError) {
        try startElement(prefix.map { "\($0):\(localName)" } ?? localName)
        try declareNamespace(namespace, prefix: prefix)
    }

    /// Declares a namespace on the element just started (before its content).
    public func declareNamespace(_ uri: String, prefix: String?) throws(XMLWriterError) {
        try attribute(prefix.map { "xmlns:\($0)" } ?? "xmlns", uri)
    }

    /// Adds an attribute to the element just started (before its content); the value is escaped
    /// (see `XMLAttributeEscaping`).
    public func attribute(_ name: String, _ value: String) throws(XMLWriterError) {
        try checkOpen("attribute")
        let started = XMLTextWriter.withXMLString(name) { xmlTextWriterStartAttribute(writer, $0) }
        try check(started, "xmlTextWriterStartAttribute")
        try writeRaw(XMLAttributeEscaping.escaped(XMLCharacterFilter.droppingForbidden(value)))
        try check(xmlTextWriterEndAttribute(writer), "xmlTextWriterEndAttribute")
    }

    /// Ends the innermost open element: `<x/>` when it got no content.
    public func endElement() throws(XMLWriterError) {
        try checkOpen("endElement")
        guard openElements > 0 else { throw .misuse("endElement() with no element open") }
        try check(xmlTextWriterEndElement(writer), "xmlTextWriterEndElement")
        openElements -= 1
    }

    /// `<name>text</name>` in one call.
    public func element(_ name: String, text: String) throws(XMLWriterError) {
        try startElement(name)
        try self.text(text)
        try endElement()
    }

    // MARK: Content

    /// Character data, escaped. `]]>` comes out as `]]&gt;`, so any string is safe here.
    public func text(_ text: String) throws(XMLWriterError) {
        try checkOpen("text")
        let status = XMLTextWriter.withXMLString(XMLCharacterFilter.droppingForbidden(text)) {
            xmlTextWriterWriteString(writer, $0)
        }
        try check(status, "xmlTextWriterWriteString")
    }

    /// Character data in CDATA sections, unescaped. A `]]>` in the text would end the section, so
    /// the section is closed between `]]` and `>` and a new one opened: `]]]]><![CDATA[>`.
    public func cdata(_ text: String) throws(XMLWriterError) {
        try checkOpen("cdata")
        let clean = XMLCharacterFilter.droppingForbidden(text)
        let pieces = clean.split(separator: "]]>", omittingEmptySubsequences: false)
        for (index, piece) in pieces.enumerated() {
            var section = String(piece)
            if index > 0 { section = ">" + section }
            if index < pieces.count - 1 { section += "]]" }
            let status = XMLTextWriter.withXMLString(section) { xmlTextWriterWriteCDATA(writer, $0) }
            try check(status, "xmlTextWriterWriteCDATA")
        }
    }

    /// Markup written as it is, unescaped and unchecked: the caller vouches that it is
    /// well-formed (see `XMLFragment.isWellFormed`).
    public func raw(_ markup: String) throws(XMLWriterError) {
        try checkOpen("raw")
        try writeRaw(markup)
    }

    // MARK: Plumbing

    private func writeRaw(_ markup: String) throws(XMLWriterError) {
        var markup = markup
        let status = markup.withUTF8 { bytes -> Int32 in
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return 0 }
            return xmlTextWriterWriteRawLen(writer, base, Int32(clamping: bytes.count))
        }
        try check(status, "xmlTextWriterWriteRawLen")
    }

    private func checkOpen(_ operation: String) throws(XMLWriterError) {
        if finished { throw .misuse("\(operation) after endDocument()") }
        if let error = output.failure { throw .sink(error) }
    }

    /// A sink that failed is reported first, whatever libxml2 returned: libxml2 is never told of
    /// it (see `WriterOutput.accept`). Otherwise libxml2's -1 is the failure.
    private func check(_ status: Int32, _ operation: String) throws(XMLWriterError) {
        if let error = output.failure { throw .sink(error) }
        guard status < 0 else { return }
        throw .libxml2(operation: operation)
    }

    /// Runs `body` with `string` as a NUL-terminated `xmlChar` pointer, without copying native
    /// strings.
    @inline(__always)
    static func withXMLString<R>(_ string: String, _ body: (UnsafePointer<xmlChar>) -> R) -> R {
        string.withCString { body(UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) }
    }

    /// libxml2's global tables are set up once, before any thread uses them.
    private static let initialiseLibrary: Void = { xmlInitParser() }()
}

/// What went wrong while writing XML.
public enum XMLWriterError: Error, CustomStringConvertible {
    /// libxml2 refused the call (it returned -1); the operation names the libxml2 function.
    case libxml2(operation: String)
    /// The sink threw; its error is kept.
    case sink(any Error)
    /// The writer was used out of order (an end without a start, a write after the end).
    case misuse(String)

    public var description: String {
        switch self {
        case .libxml2(let operation): return "libxml2 could not write the document (\(operation) failed)"
        case .sink(let error): return "the document's bytes could not be written: \(error)"
        case .misuse(let message): return "XML writer used out of order: \(message)"
        }
    }
}

/// The bytes between libxml2's output buffer and the sink. libxml2 sees it as the `void *`
/// context of its write callback; the writer owns it, so it outlives the callback calls.
private final class WriterOutput {
    private let sink: XMLTextWriter.Sink
    private let threshold: Int
    private var pending: [UInt8] = []
    private(set) var bytesWritten = 0
    /// The sink's error, once it threw.
    private(set) var failure: (any Error)?
    /// Set while the writer is freed: bytes are dropped instead of reaching the sink.
    var discards = false

    init(threshold: Int, sink: @escaping XMLTextWriter.Sink) {
        self.threshold = threshold
        self.sink = sink
        pending.reserveCapacity(threshold + 8 * 1024)
    }

    /// Always tells libxml2 the bytes were taken: told of a failed write, it prints "I/O error"
    /// on standard error itself. A sink's failure is kept in `failure` instead, later bytes are
    /// dropped, and the writer call that is running throws it (see `XMLTextWriter.check`).
    func accept(_ bytes: UnsafeRawBufferPointer) {
        if discards || failure != nil { return }
        pending.append(contentsOf: bytes)
        if pending.count >= threshold {
            try? drain()
        }
    }

    func drain() throws {
        if let failure { throw failure }
        guard !pending.isEmpty else { return }
        do {
            try pending.withUnsafeBytes { try sink($0) }
        } catch {
            failure = error
            throw error
        }
        bytesWritten += pending.count
        pending.removeAll(keepingCapacity: true)
    }

    static let write: xmlOutputWriteCallback = { context, buffer, length in
        guard let context else { return -1 }
        let output = Unmanaged<WriterOutput>.fromOpaque(context).takeUnretainedValue()
        guard let buffer, length > 0 else { return 0 }
        output.accept(UnsafeRawBufferPointer(start: buffer, count: Int(length)))
        return length
    }
}
