import FeedXML

/// Consumes one document's XML events in a single pass and turns them into diagnostics: it
/// keeps the stack of open elements (positions, paths, text), recognises the format from the
/// root element, and hands every element to that format's rules. No tree is built.
///
/// Hot state is `@exclusivity(unchecked)`: the session is reached only from the parser's
/// callbacks, one at a time, and the dynamic checks cost more than the work they guard.
final class ValidationSession: XMLEventHandler {
    let options: FeedValidatorOptions
    /// The document has an external DTD subset: entities it uses may be declared there.
    var hasExternalSubset = false
    private(set) var diagnostics = DiagnosticList()
    private(set) var format: String = "unknown"
    private(set) var sawRoot = false
    /// Entries and items met, for `feed bench --validate`.
    var entryCount = 0

    @exclusivity(unchecked) private var rules: FormatRules?
    @exclusivity(unchecked) private(set) var frames: [Frame] = []
    /// Depth inside a subtree no rule looks at.
    @exclusivity(unchecked) private var skippedDepth = 0
    /// The element whose start the rules are handling: not yet a frame, but reports made
    /// then are about it.
    @exclusivity(unchecked) private var startingElement: (name: XMLName, index: Int)?
    /// The text of the frames that collect it, innermost last.
    @exclusivity(unchecked) private var text: [UInt8] = []
    /// The root's own children counts live here (the document is the root's parent).
    private var documentFrame: Frame

    init(options: FeedValidatorOptions) {
        self.options = options
        documentFrame = Frame(name: XMLName(id: -1, namespace: "", localName: ""), role: 0,
                              position: SourcePosition(line: 1, column: 1), index: 1, textStart: -1,
                              hasBase: options.documentURL.map(ValueSyntax.isAbsoluteURL) ?? false)
    }

    // MARK: Reporting

    /// Reports at an element's start, with the path of the innermost open element (plus `child`).
    func report(_ code: ValidationCode, _ message: String, at position: SourcePosition,
                child: (name: XMLName, index: Int)? = nil) {
        diagnostics.append(code, message, position: position, path: { self.path(appending: child) })
    }

    /// Reports with a path worked out earlier (for rules decided after the element ended).
    func report(_ code: ValidationCode, _ message: String, at position: SourcePosition, path: String) {
        diagnostics.append(code, message, position: position, path: { path })
    }

    /// Reports about the whole document (its bytes, its encoding).
    func reportDocument(_ code: ValidationCode, _ message: String, at position: SourcePosition = SourcePosition(line: 1, column: 1)) {
        diagnostics.append(code, message, position: position, path: { ValidationPath.document })
    }

    func path(appending child: (name: XMLName, index: Int)? = nil) -> String {
        var steps = frames.map { (name: $0.name.qualifiedName, index: $0.index) }
        if let child = child ?? startingElement { steps.append((child.name.qualifiedName, child.index)) }
        return ValidationPath.make(steps)
    }

    /// The path of the innermost frame, for reports made later.
    var currentPath: String { path() }

    /// The frame `levels` above the innermost one (0: the innermost).
    func ancestor(_ levels: Int) -> Frame? {
        let i = frames.count - 1 - levels
        return i >= 0 ? frames[i] : nil
    }

    func setFormat(_ format: String) { self.format = format }

    // MARK: XMLEventHandler

    func problem(_ problem: XMLProblem) {
        let position = SourcePosition(line: max(problem.position.line, 1), column: max(problem.position.column, 1))
        switch problem.kind {
        case .libxml2:
            if problem.level == .warning { return }   // libxml2's warnings restate namespace and DTD remarks
            diagnostics.append(.notWellFormed, "\(problem.message) (XML 1.0)", position: position, path: { self.path() })
        case .undeclaredEntityResolved(let name):
            // libxml2 reports from just past the reference's ';': point at its '&' instead.
            let reference = SourcePosition(line: position.line, column: max(1, position.column - name.utf8.count - 2))
            if hasExternalSubset {
                diagnostics.append(.externalDTDEntity,
                                   "entity '&\(name);' is declared only in the external DTD, which readers do not load (XML 1.0 §4.1)",
                                   position: reference, path: { self.path() })
            } else {
                diagnostics.append(.undeclaredEntity,
                                   "entity '&\(name);' is not declared; only &amp; &lt; &gt; &quot; &apos; are predefined (XML 1.0 §4.1)",
                                   position: reference, path: { self.path() })
            }
        case .limitExceeded:
            diagnostics.append(.limitExceeded, "refused: \(problem.message)", position: position, path: { self.path() })
        }
    }

    func startElement(_ name: XMLName, attributes: XMLAttributes, location: XMLLocation) {
        if skippedDepth > 0 {
            skippedDepth += 1
            return
        }
        guard let rules else {
            startRoot(name, attributes: attributes, location: location)
            return
        }
        let parentIndex = frames.count - 1
        guard parentIndex >= 0 else {
            // a second root cannot happen in well-formed XML; libxml2 has reported it
            skippedDepth = 1
            return
        }
        let index = frames[parentIndex].nextIndex(for: name)
        frames[parentIndex].childElements += 1
        // The rules may report (which reads the frames) while they update the parent: they
        // work on a copy, written back after.
        var parent = frames[parentIndex]
        let childRole = rules.childRole(name, index: index, parent: &parent, location: location, session: self)
        frames[parentIndex] = parent
        guard let role = childRole else {
            skippedDepth = 1
            return
        }
        var hasBase = frames[parentIndex].hasBase
        if !hasBase, !attributes.isEmpty, let base = attributes.xmlBaseAndLanguage.base, ValueSyntax.isAbsoluteURL(base) {
            hasBase = true
        }
        var frame = Frame(name: name, role: role, position: location.position, index: index,
                          textStart: rules.collectsText(role) ? text.count : -1, hasBase: hasBase)
        startingElement = (name, index)
        rules.start(&frame, attributes: attributes, session: self)
        startingElement = nil
        frames.append(frame)
    }

    func endElement(_ name: XMLName) {
        if skippedDepth > 0 {
            skippedDepth -= 1
            return
        }
        guard let frame = frames.last, let rules else { return }
        if frame.textStart >= 0 {
            rules.end(frame, text: text[frame.textStart...], session: self)
            text.removeSubrange(frame.textStart...)
        } else {
            rules.end(frame, text: [], session: self)
        }
        frames.removeLast()
    }

    func characters(_ characters: XMLCharacters) {
        guard skippedDepth == 0, let top = frames.last, top.textStart >= 0 else { return }
        text.append(contentsOf: characters.bytes)
    }

    // MARK: The root

    private func startRoot(_ name: XMLName, attributes: XMLAttributes, location: XMLLocation) {
        sawRoot = true
        let position = location.position
        let chosen = FormatRecognition.rules(forRoot: name, attributes: attributes, position: position, session: self)
        guard let chosen, let role = chosen.rootRole else {
            skippedDepth = 1
            return
        }
        rules = chosen.rules
        var hasBase = documentFrame.hasBase
        if let base = attributes.xmlBaseAndLanguage.base, ValueSyntax.isAbsoluteURL(base) { hasBase = true }
        var frame = Frame(name: name, role: role, position: position, index: 1,
                          textStart: chosen.rules.collectsText(role) ? text.count : -1, hasBase: hasBase)
        startingElement = (name, 1)
        chosen.rules.start(&frame, attributes: attributes, session: self)
        startingElement = nil
        frames.append(frame)
    }

    /// The document ended: the rules' last word, and what no root at all means.
    func finish() {
        rules?.finish(session: self)
        if !sawRoot, !diagnostics.hasErrors {
            reportDocument(.notAFeed, "the document has no root element: it is not a feed")
        }
    }
}

/// The diagnostics of one document, capped so a badly broken file cannot grow them without bound.
struct DiagnosticList {
    static let cap = 1000
    private(set) var items: [ValidationDiagnostic] = []
    private(set) var hasErrors = false

    mutating func append(_ code: ValidationCode, _ message: String, position: SourcePosition, path: () -> String) {
        // Past the cap, only a first error is still kept: it decides validity.
        guard items.count < Self.cap || (code.severity == .error && !hasErrors) else { return }
        if code.severity == .error { hasErrors = true }
        let line = max(position.line, 1), column = max(position.column, 1)
        // libxml2 repeats an error once per entity expansion that meets it: keep one.
        if let last = items.last, last.line == line, last.column == column, last.code == code.id, last.message == message {
            return
        }
        items.append(ValidationDiagnostic(severity: code.severity, code: code.id, message: message,
                                          line: line, column: column, path: path()))
    }
}
