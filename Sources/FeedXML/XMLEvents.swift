import CLibXML2
import Glibc

/// A place in a document: 1-based line and column (columns count bytes of the UTF-8 the parser
/// read, as libxml2 does).
public struct SourcePosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (a: SourcePosition, b: SourcePosition) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// An element or attribute name as XML namespaces define it: the namespace URI (empty for none)
/// and the local name. The prefix is kept only for re-serialising markup; it never decides meaning.
///
/// Names are interned per parse: the same name always comes with the same `id`, so a handler can
/// remember what it decided about a name in an array indexed by `id` instead of comparing strings.
public struct XMLName: Sendable, Hashable, CustomStringConvertible {
    /// Small and dense: ids count up from 0 over the names one name table has met, and a table
    /// serves one parse at a time (pooled parsers hand it on), so an id is stable within a parse
    /// and usable as an array index.
    public let id: Int
    public let namespace: String
    public let localName: String
    public let prefix: String

    public init(id: Int, namespace: String, localName: String, prefix: String = "") {
        self.id = id
        self.namespace = namespace
        self.localName = localName
        self.prefix = prefix
    }

    /// `prefix:localName`, or the local name alone.
    public var qualifiedName: String { prefix.isEmpty ? localName : prefix + ":" + localName }

    public var description: String { namespace.isEmpty ? localName : "{\(namespace)}\(localName)" }

    public static func == (a: XMLName, b: XMLName) -> Bool {
        a.localName == b.localName && a.namespace == b.namespace
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(localName)
        hasher.combine(namespace)
    }
}

/// The namespace of `xml:lang` and `xml:base`.
public let xmlNamespaceURI = "http://www.w3.org/XML/1998/namespace"

/// How serious a problem libxml2 reported is.
public enum XMLProblemLevel: String, Sendable, Hashable {
    case warning, error, fatal
}

/// A problem found while reading the XML: an ill-formed construct libxml2 recovered from, an
/// undefined entity resolved from the HTML table, a limit that stopped the parse.
public struct XMLProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of problem this is.
    public enum Kind: Sendable, Hashable {
        /// libxml2 reported it; `code` is libxml2's `xmlParserErrors` value.
        case libxml2(code: Int)
        /// An entity the document did not declare was resolved from the HTML table.
        case undeclaredEntityResolved(name: String)
        /// A safety limit stopped the parse.
        case limitExceeded(XMLLimit)
    }

    public var kind: Kind
    public var level: XMLProblemLevel
    public var message: String
    public var position: SourcePosition

    public init(kind: Kind, level: XMLProblemLevel, message: String, position: SourcePosition) {
        self.kind = kind
        self.level = level
        self.message = message
        self.position = position
    }

    /// True when the problem means the input is not well-formed XML (warnings do not).
    public var breaksWellFormedness: Bool {
        level != .warning
    }

    public var description: String { "\(position): \(level.rawValue): \(message)" }
}

/// The safety limits a parse enforces.
public enum XMLLimit: String, Sendable, Hashable {
    /// More input bytes than `XMLParseLimits.maxInputBytes`.
    case inputSize = "input size"
    /// Entity expansion produced far more text than the document holds (billion laughs,
    /// quadratic blowup).
    case entityAmplification = "entity amplification"
    /// Elements nested deeper than `XMLParseLimits.maxDepth`.
    case depth = "nesting depth"
    /// The document declares an external entity (the shape of an XXE attack).
    case externalEntity = "external entity"
}

/// Bounds on what one parse may consume. The defaults admit every real feed and refuse attacks fast.
public struct XMLParseLimits: Sendable, Hashable {
    /// The most input bytes one document may have.
    public var maxInputBytes: Int
    /// The deepest element nesting accepted (libxml2 refuses more than 256 on its own as well).
    public var maxDepth: Int
    /// Text delivered may exceed the input size by this factor (plus `amplificationAllowance`)
    /// before the parse is stopped: this bounds entity expansion by amplification, not by the
    /// count of references, which real feeds use by the hundred thousand.
    public var maxAmplification: Int
    public var amplificationAllowance: Int

    public init(maxInputBytes: Int = 256 << 20, maxDepth: Int = 200, maxAmplification: Int = 8,
                amplificationAllowance: Int = 8 << 20) {
        self.maxInputBytes = maxInputBytes
        self.maxDepth = maxDepth
        self.maxAmplification = maxAmplification
        self.amplificationAllowance = amplificationAllowance
    }
}

/// Receives one document's events in order. Every value handed over is valid only during the
/// call (`XMLAttributes` and `XMLCharacters` read the parser's buffers): copy what you keep.
public protocol XMLEventHandler: AnyObject {
    /// `location.position` is where the start tag's `<` stands (worked out only when asked).
    func startElement(_ name: XMLName, attributes: XMLAttributes, location: XMLLocation)
    func endElement(_ name: XMLName)
    /// Text, CDATA sections and resolved entities, possibly in several pieces per text node.
    func characters(_ text: XMLCharacters)
    func problem(_ problem: XMLProblem)
}

/// Where the current start tag is, valid only during the `startElement` call that hands it over.
/// Finding the column means walking back over the tag, so it happens only when asked for.
public struct XMLLocation {
    /// Unretained, and reached without a retain: the location lives only during the callback,
    /// and the parser keeps its state alive for the whole parse.
    let state: Unmanaged<XMLParserState>

    init(_ state: XMLParserState) {
        self.state = .passUnretained(state)
    }

    /// The line and column of the start tag's `<`.
    public var position: SourcePosition { state._withUnsafeGuaranteedRef { $0.startTagPosition() } }
    /// The line the parser is on (cheap; the tag may have started on an earlier line).
    public var line: Int { state._withUnsafeGuaranteedRef { $0.position().line } }
}

/// One run of character data, valid only during the `characters` call that hands it over.
public struct XMLCharacters {
    let base: UnsafePointer<UInt8>
    public let count: Int

    /// Appends the UTF-8 bytes to `buffer`.
    @inlinable public func append(to buffer: inout [UInt8]) {
        buffer.append(contentsOf: bytes)
    }

    /// The bytes, for callers that copy them somewhere.
    public var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    /// True when the run is only XML white space.
    public var isWhitespace: Bool { Self.isWhitespace(bytes) }

    static func isWhitespace(_ run: UnsafeBufferPointer<UInt8>) -> Bool {
        for b in run where !(b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09) { return false }
        return true
    }

    public var string: String { UTF8Text.string(bytes) }
}

/// The attributes of one start tag, read lazily from the parser's buffers; valid only during the
/// `startElement` call. Values come with entities resolved.
public struct XMLAttributes: Sequence {
    let raw: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    public let count: Int
    /// Not retained: attributes live only during the callback, and the parser keeps the table.
    /// Reached through `withNames`, which borrows it without a retain at each use.
    let tableReference: Unmanaged<XMLNameTable>

    init(raw: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, count: Int, names: XMLNameTable) {
        self.raw = raw
        self.count = count
        self.tableReference = Unmanaged.passUnretained(names)
    }

    @inline(__always) private func withNames<R>(_ body: (XMLNameTable) -> R) -> R {
        tableReference._withUnsafeGuaranteedRef(body)
    }

    /// The value of the attribute with this local name and no namespace. Reads the name from
    /// static memory: the reader's lookups cost no reference counting.
    public func value(of localName: StaticString) -> String? {
        guard let base = entry(localName) else { return nil }
        return value(at: base)
    }

    /// `value(of:)`, given as one of `common` when the value is exactly one of them.
    public func value(of localName: StaticString, preferring common: CommonAttributeValues) -> String? {
        guard let base = entry(localName) else { return nil }
        return XMLAttribute(base: base, attributes: self).value(preferring: common)
    }

    fileprivate func value(at base: UnsafeMutablePointer<UnsafePointer<xmlChar>?>) -> String {
        if let start = base[3], let end = base[4], end - start > 15 {
            // Long enough to need storage of its own: a value met before (a category scheme, a
            // MIME type) is shared rather than allocated again.
            return withNames { names in
                names.recentValue(UnsafeBufferPointer(start: start, count: end - start), of: base[0]) { Self.value(base) }
            }
        }
        return Self.value(base)
    }

    /// True when the start tag has an attribute with this local name and no namespace.
    public func contains(_ localName: StaticString) -> Bool {
        entry(localName) != nil
    }

    /// libxml2's five pointers for the attribute with this local name and no namespace. Names
    /// are compared byte by byte: a start tag has a few attributes, whose names mostly differ
    /// from the one wanted in the first byte, which costs less than finding the name's pointer
    /// in a table.
    private func entry(_ localName: StaticString) -> UnsafeMutablePointer<UnsafePointer<xmlChar>?>? {
        guard let raw, count > 0 else { return nil }
        return localName.withUTF8Buffer { expected in
            for i in 0..<count {
                let base = raw + i * 5
                if base[2] == nil, let local = base[0], XMLNameTable.equals(local, expected) { return base }
            }
            return nil
        }
    }

    /// The value of the attribute with this local name in this namespace, both read from static
    /// memory and compared byte by byte.
    public func value(of localName: StaticString, namespace: StaticString) -> String? {
        guard let raw, count > 0 else { return nil }
        return namespace.withUTF8Buffer { uri -> String? in
            localName.withUTF8Buffer { local -> String? in
                for i in 0..<count {
                    let base = raw + i * 5
                    guard let name = base[0], let attributeURI = base[2] else { continue }
                    if XMLNameTable.equals(name, local), XMLNameTable.equals(attributeURI, uri) {
                        return Self.value(base)
                    }
                }
                return nil
            }
        }
    }

    /// The value of the attribute with this local name and namespace (empty: no namespace).
    public func value(_ localName: String, namespace: String = "") -> String? {
        guard let raw, count > 0 else { return nil }
        for i in 0..<count {
            let base = raw + i * 5
            guard let local = base[0], XMLNameTable.equals(local, localName) else { continue }
            let uri = base[2]
            if namespace.isEmpty ? (uri == nil) : (uri.map { XMLNameTable.equals($0, namespace) } ?? false) {
                return Self.value(base)
            }
        }
        return nil
    }

    /// The attribute at `index` in document order when it has no namespace, else nil: for a
    /// reader that looks at each attribute once instead of asking for several by name (each
    /// `value(of:)` scans the tag again).
    public func unqualified(_ index: Int) -> XMLAttribute? {
        guard let raw, index >= 0, index < count else { return nil }
        let base = raw + index * 5
        guard base[2] == nil, base[0] != nil else { return nil }
        return XMLAttribute(base: base, attributes: self)
    }

    /// The attribute at `index` in document order.
    public subscript(index: Int) -> (name: XMLName, value: String) {
        precondition(index >= 0 && index < count, "attribute index out of range")
        // `count` is 0 whenever `raw` is nil, so the precondition keeps this unwrap safe.
        let base = raw.unsafelyUnwrapped + index * 5
        let name = withNames { $0.name(localName: base[0], prefix: base[1], uri: base[2]) }
        return (name, Self.value(base))
    }

    public var isEmpty: Bool { count == 0 }

    public func makeIterator() -> AnyIterator<(name: XMLName, value: String)> {
        var i = 0
        return AnyIterator {
            guard i < count else { return nil }
            defer { i += 1 }
            return self[i]
        }
    }

    /// The values of `xml:base` and `xml:lang`, found in one pass (the `xml` prefix is reserved
    /// for that namespace, so the prefix alone identifies them).
    public var xmlBaseAndLanguage: (base: String?, language: String?) {
        guard let raw, count > 0 else { return (nil, nil) }
        var base: String?
        var language: String?
        for i in 0..<count {
            let entry = raw + i * 5
            guard let prefix = entry[1], prefix[0] == UInt8(ascii: "x"), prefix[1] == UInt8(ascii: "m"),
                  prefix[2] == UInt8(ascii: "l"), prefix[3] == 0, let local = entry[0] else { continue }
            if XMLNameTable.equals(local, "base") {
                // Through the recent values: entries often repeat the same base.
                base = value(at: entry)
            } else if XMLNameTable.equals(local, "lang") {
                language = Self.value(entry)
            }
        }
        return (base, language)
    }

    /// Writes the attributes as markup (` name="value"`, values escaped) into `buffer`, without
    /// building strings: the reader uses it to serialise inline XHTML. Attributes in a namespace
    /// keep their prefix, and the first one with a prefix not in `declaredPrefixes` writes its
    /// namespace declaration and adds the prefix there.
    public func appendMarkup(to buffer: XMLTextBuffer, declaredPrefixes: inout Set<String>) {
        guard let raw else { return }
        for i in 0..<count {
            let base = raw + i * 5
            guard let local = base[0] else { continue }
            if let prefix = base[1], let uri = base[2] {
                let prefixString = String(cString: prefix)
                let uriString = String(cString: uri)
                if uriString != xmlNamespaceURI, declaredPrefixes.insert(prefixString).inserted {
                    buffer.appendAttribute("xmlns:" + prefixString, uriString)
                }
                buffer.append(UInt8(ascii: " "))
                buffer.appendMarkup(prefixString)
                buffer.append(UInt8(ascii: ":"))
            } else {
                buffer.append(UInt8(ascii: " "))
            }
            buffer.append(UnsafeBufferPointer(start: local, count: XMLNameTable.length(local)))
            buffer.append(UInt8(ascii: "="))
            buffer.append(UInt8(ascii: "\""))
            if let start = base[3], let end = base[4] {
                let value = UnsafeBufferPointer(start: start, count: end - start)
                if EntityDecoder.containsAmpersand(value) {
                    Array(EntityDecoder.decode(value).utf8).withUnsafeBufferPointer { buffer.appendEscaped($0, quotes: true) }
                } else {
                    buffer.appendEscaped(value, quotes: true)
                }
            }
            buffer.append(UInt8(ascii: "\""))
        }
    }

    /// libxml2 hands attribute values with each literal `&` written as `&#38;` and with any
    /// entity it did not expand (the HTML ones) left as `&name;`, because it runs without entity
    /// substitution (the safe mode). Both are resolved here.
    private static func value(_ base: UnsafeMutablePointer<UnsafePointer<xmlChar>?>) -> String {
        guard let start = base[3], let end = base[4] else { return "" }
        let buffer = UnsafeBufferPointer(start: start, count: end - start)
        if !EntityDecoder.containsAmpersand(buffer) { return UTF8Text.string(buffer) }
        return EntityDecoder.decode(buffer)
    }
}

/// One attribute of a start tag without a namespace (see `XMLAttributes.unqualified(_:)`), read
/// in place; valid only during the `startElement` call.
public struct XMLAttribute {
    private let base: UnsafeMutablePointer<UnsafePointer<xmlChar>?>
    private let attributes: XMLAttributes

    fileprivate init(base: UnsafeMutablePointer<UnsafePointer<xmlChar>?>, attributes: XMLAttributes) {
        self.base = base
        self.attributes = attributes
    }

    /// The first byte of the local name: a reader picks the names to compare by it.
    public var leadByte: UInt8 { base[0]?.pointee ?? 0 }

    /// True when the local name is `name`.
    public func isNamed(_ name: StaticString) -> Bool {
        guard let local = base[0] else { return false }
        return name.withUTF8Buffer { XMLNameTable.equals(local, $0) }
    }

    /// The value, references resolved (as `XMLAttributes.value(of:)` gives it).
    public var value: String { attributes.value(at: base) }

    /// `value`, given as one of `common` when it is exactly one of them.
    public func value(preferring common: CommonAttributeValues) -> String {
        if let start = base[3], let end = base[4],
           let known = common.match(UnsafeBufferPointer(start: start, count: end - start)) {
            return known
        }
        return value
    }

    /// The value's bytes as the tag holds them when they hold no reference to resolve (nearly
    /// always); nil when they do, and `value` is the way to read them.
    public var plainValueBytes: UnsafeBufferPointer<UInt8>? {
        guard let start = base[3], let end = base[4] else { return UnsafeBufferPointer(start: nil, count: 0) }
        let raw = UnsafeBufferPointer(start: start, count: end - start)
        return EntityDecoder.containsAmpersand(raw) ? nil : raw
    }
}

/// Attribute values a reader meets often (`alternate`, `text/html`). One of them read from a
/// document comes back as the reader's own string: nothing is allocated, checked or copied.
public struct CommonAttributeValues: Sendable {
    private let values: [String]
    /// The values' UTF-8 one after another, and where each starts: one buffer to compare
    /// against, so a lookup retains nothing.
    private let bytes: [UInt8]
    private let starts: [Int]

    public init(_ values: [String]) {
        self.values = values
        var bytes: [UInt8] = []
        var starts: [Int] = []
        for value in values {
            starts.append(bytes.count)
            bytes.append(contentsOf: value.utf8)
        }
        starts.append(bytes.count)
        self.bytes = bytes
        self.starts = starts
    }

    /// The value whose UTF-8 is exactly `raw`, if there is one.
    func match(_ raw: UnsafeBufferPointer<UInt8>) -> String? {
        guard let read = raw.baseAddress else { return nil }
        let found = bytes.withUnsafeBufferPointer { all -> Int? in
            guard let first = all.baseAddress else { return nil }
            for i in values.indices where starts[i + 1] - starts[i] == raw.count {
                if memcmp(first + starts[i], read, raw.count) == 0 { return i }
            }
            return nil
        }
        return found.map { values[$0] }
    }
}

/// Interns names per parse: libxml2 hands out names from its dictionary, so the same pointers
/// come back for the same name and a lookup by address replaces building strings.
final class XMLNameTable {
    private struct Key: Hashable {
        let local: UnsafeRawPointer
        let uri: UnsafeRawPointer?
        let prefix: UnsafeRawPointer?
    }
    /// One interned name. The table keeps every record it made for as long as it lives, so a
    /// record can be handed around unretained (`Unmanaged`) while the table is alive, and its
    /// name, a `let` of a live object, lent to a handler without copying: copying an `XMLName`
    /// costs a retain and a release for each of its three strings, on every element.
    final class Record {
        let name: XMLName
        init(_ name: XMLName) { self.name = name }
    }
    /// A direct-mapped cache in front of the dictionary: most documents use a few dozen names,
    /// so nearly every lookup is one comparison of three pointers. The slots hold plain pointers
    /// (the record unretained), so the cache costs one allocation to build and no reference
    /// counting to fill and free.
    private struct Slot {
        var local: UnsafeRawPointer?
        var uri: UnsafeRawPointer?
        var prefix: UnsafeRawPointer?
        var record: UnsafeMutableRawPointer?
    }
    private static let cacheSize = 256
    @exclusivity(unchecked) private var cache: [Slot]
    /// What a start tag without a name (which libxml2 never sends) is called.
    private let unnamed = Record(XMLName(id: -1, namespace: "", localName: ""))
    /// Every name met, by libxml2's pointers; it keeps the records the cache points to alive.
    @exclusivity(unchecked) private var table: [Key: Record] = [:]
    @exclusivity(unchecked) private var idsByName: [String: Int] = [:]
    @exclusivity(unchecked) private(set) var nextID = 0
    /// Long attribute values read lately, by attribute name and bytes: feeds repeat the same
    /// scheme or type on every entry, and a shared string costs a retain where a new one costs
    /// an allocation and a copy. Direct-mapped; a slot keeps its value until another replaces it.
    private struct RecentValue {
        var name: UnsafePointer<xmlChar>?
        var raw: [UInt8] = []
        var value = ""
    }
    @exclusivity(unchecked) private var recentValues = [RecentValue](repeating: RecentValue(), count: 32)

    /// The string `make` builds from `raw` (the value of attribute `name` as libxml2 holds it),
    /// or the one it built last time for the same name and bytes.
    @inline(__always)
    func recentValue(_ raw: UnsafeBufferPointer<UInt8>, of name: UnsafePointer<xmlChar>?, make: () -> String) -> String {
        guard let first = raw.first, let last = raw.last else { return make() }
        let mixed = UInt(bitPattern: Int(bitPattern: name)) ^ UInt(raw.count) &<< 3 ^ UInt(first) &<< 11 ^ UInt(last) &<< 19
        let slot = Int(truncatingIfNeeded: (mixed &* 0x9E37_79B9_7F4A_7C15) >> 59)
        if recentValues[slot].name == name, recentValues[slot].raw.count == raw.count,
           recentValues[slot].raw.withUnsafeBufferPointer({ stored in
               guard let kept = stored.baseAddress, let read = raw.baseAddress else { return false }
               return memcmp(kept, read, raw.count) == 0
           }) {
            return recentValues[slot].value
        }
        let value = make()
        recentValues[slot].name = name
        recentValues[slot].raw.removeAll(keepingCapacity: true)
        recentValues[slot].raw.append(contentsOf: raw)
        recentValues[slot].value = value
        return value
    }

    /// How many (namespace, local name, prefix) triples the table holds.
    var count: Int { table.count }
    /// Kept with the table for whoever reads its ids (see `XMLStreamParser.nameTableAttachment`).
    var attachment: AnyObject?

    init() {
        // SAFETY: all-zero bytes are an empty slot (three nil pointers, index 0), and all
        // `cacheSize` slots are written before the count is set.
        cache = [Slot](unsafeUninitializedCapacity: Self.cacheSize) { slots, count in
            if let base = slots.baseAddress {
                UnsafeMutableRawPointer(base).initializeMemory(as: UInt8.self, repeating: 0,
                                                               count: Self.cacheSize * MemoryLayout<Slot>.stride)
            }
            count = Self.cacheSize
        }
        // A feed uses a few dozen names: room for them from the start saves rehashing as they come.
        table.reserveCapacity(64)
        idsByName.reserveCapacity(64)
    }

    /// The name for libxml2's three pointers, as a copy.
    @inline(__always)
    func name(localName: UnsafePointer<xmlChar>?, prefix: UnsafePointer<xmlChar>?,
              uri: UnsafePointer<xmlChar>?) -> XMLName {
        record(localName: localName, prefix: prefix, uri: uri)._withUnsafeGuaranteedRef { $0.name }
    }

    /// The record of the name for libxml2's three pointers, unretained: valid while the table is.
    @inline(__always)
    func record(localName: UnsafePointer<xmlChar>?, prefix: UnsafePointer<xmlChar>?,
                uri: UnsafePointer<xmlChar>?) -> Unmanaged<Record> {
        guard let localName else { return Unmanaged.passUnretained(unnamed) }
        let local = UnsafeRawPointer(localName)
        let uriPointer = uri.map(UnsafeRawPointer.init)
        let prefixPointer = prefix.map(UnsafeRawPointer.init)
        // Dictionary strings sit close together: multiplying spreads their addresses over the slots.
        let mixed = UInt(bitPattern: Int(bitPattern: localName)) ^ UInt(bitPattern: Int(bitPattern: uri)) &<< 1
            ^ UInt(bitPattern: Int(bitPattern: prefix)) &<< 2
        let slot = Int(truncatingIfNeeded: (mixed &* 0x9E37_79B9_7F4A_7C15) >> 56)
        let cached = cache[slot]
        if cached.local == local && cached.uri == uriPointer && cached.prefix == prefixPointer,
           let record = cached.record {
            return Unmanaged.fromOpaque(record)
        }
        let record = Unmanaged.passUnretained(lookUp(Key(local: local, uri: uriPointer, prefix: prefixPointer),
                                                     localName: localName, prefix: prefix, uri: uri))
        cache[slot] = Slot(local: local, uri: uriPointer, prefix: prefixPointer, record: record.toOpaque())
        return record
    }

    private func lookUp(_ key: Key, localName: UnsafePointer<xmlChar>, prefix: UnsafePointer<xmlChar>?,
                        uri: UnsafePointer<xmlChar>?) -> Record {
        if let known = table[key] { return known }
        let local = String(cString: localName)
        let ns = uri.map { Self.internedNamespace(String(cString: $0)) } ?? ""
        let pre = prefix.map { String(cString: $0) } ?? ""
        // The same (namespace, local name) reached through another prefix keeps its first id.
        let id: Int
        let qualified = ns + " " + local
        if let twin = idsByName[qualified] {
            id = twin
        } else {
            id = nextID
            nextID += 1
            idsByName[qualified] = id
        }
        let record = Record(XMLName(id: id, namespace: ns, localName: local, prefix: pre))
        table[key] = record
        return record
    }

    /// The namespaces feeds use most, as string literals: a literal is never reference counted,
    /// so names in these namespaces cost nothing to copy from event to event.
    private static let wellKnownNamespaces: [String] = [
        "http://www.w3.org/2005/Atom", "http://purl.org/atom/ns#", "http://purl.org/rss/1.0/",
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "http://purl.org/dc/elements/1.1/",
        "http://purl.org/dc/terms/", "http://purl.org/rss/1.0/modules/content/",
        "http://www.itunes.com/dtds/podcast-1.0.dtd", "http://search.yahoo.com/mrss/",
        "http://purl.org/rss/1.0/modules/slash/", "http://wellformedweb.org/CommentAPI/",
        "http://www.w3.org/1999/xhtml", "http://www.w3.org/XML/1998/namespace",
        "http://purl.org/syndication/thread/1.0", "http://podcastindex.org/namespace/1.0",
        "http://www.google.com/schemas/play-podcasts/1.0", "http://www.w3.org/2000/svg",
        "http://www.w3.org/1998/Math/MathML", "http://www.w3.org/1999/xlink",
        "http://web.resource.org/cc/", "http://my.netscape.com/rdf/simple/0.9/",
    ]

    private static func internedNamespace(_ uri: String) -> String {
        wellKnownNamespaces.first { $0 == uri } ?? uri
    }

    static func length(_ c: UnsafePointer<xmlChar>) -> Int {
        strlen(UnsafeRawPointer(c).assumingMemoryBound(to: CChar.self))
    }

    @inline(__always)
    static func equals(_ c: UnsafePointer<xmlChar>, _ expected: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = expected.count
        guard let e = expected.baseAddress else { return c[0] == 0 }
        for i in 0..<n where c[i] != e[i] { return false }
        return c[n] == 0
    }

    @inline(__always)
    static func equals(_ c: UnsafePointer<xmlChar>, _ s: String) -> Bool {
        var s = s
        return s.withUTF8 { expected in
            let n = expected.count
            guard let e = expected.baseAddress else { return c[0] == 0 }
            // A mismatch or a terminator inside the first n bytes stops the comparison early.
            for i in 0..<n where c[i] != e[i] { return false }
            return c[n] == 0
        }
    }
}

/// Resolves `&#38;`, numeric references and HTML named references in attribute values.
enum EntityDecoder {
    /// True when `bytes` hold an `&`; looks at eight bytes at a time, since nearly every attribute
    /// value has none.
    static func containsAmpersand(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while true {
            i = ByteWord.nextCandidate(in: bytes, from: i) { !ByteWord.contains(UInt8(ascii: "&"), in: $0) }
            guard i < bytes.count else { return false }
            if bytes[i] == UInt8(ascii: "&") { return true }
            i += 1
        }
    }

    static func decode(_ input: UnsafeBufferPointer<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(input.count)
        var i = 0
        let n = input.count
        while i < n {
            let b = input[i]
            guard b == UInt8(ascii: "&") else {
                out.append(b)
                i += 1
                continue
            }
            var j = i + 1
            while j < n, j - i < 40, input[j] != UInt8(ascii: ";") { j += 1 }
            guard j < n, input[j] == UInt8(ascii: ";"), j > i + 1 else {
                out.append(b)
                i += 1
                continue
            }
            let name = input[(i + 1)..<j]
            if let scalar = scalar(forReference: name) {
                out.append(contentsOf: String(Character(scalar)).utf8)
                i = j + 1
            } else {
                out.append(b)
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func scalar(forReference name: Slice<UnsafeBufferPointer<UInt8>>) -> Unicode.Scalar? {
        guard let first = name.first else { return nil }
        if first == UInt8(ascii: "#") {
            var value: UInt32 = 0
            var digits = name.dropFirst()
            var radix: UInt32 = 10
            if let x = digits.first, x == UInt8(ascii: "x") || x == UInt8(ascii: "X") {
                radix = 16
                digits = digits.dropFirst()
            }
            guard !digits.isEmpty, digits.count <= 8 else { return nil }
            for d in digits {
                let v: UInt32
                switch d {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): v = UInt32(d - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f") where radix == 16: v = UInt32(d - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F") where radix == 16: v = UInt32(d - UInt8(ascii: "A") + 10)
                default: return nil
                }
                value = value * radix + v
            }
            return Unicode.Scalar(value)
        }
        let text = String(decoding: name, as: UTF8.self)
        switch text {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        default: return HTMLEntityTable.codePoints[text].flatMap(Unicode.Scalar.init)
        }
    }
}
