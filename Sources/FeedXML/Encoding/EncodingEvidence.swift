/// What a document's first bytes and its HTTP Content-Type say about its encoding, each piece
/// kept apart. The decoder resolves these clues into one choice; a validator needs them
/// separately, to report the ones that contradict each other.
public struct EncodingEvidence: Sendable, Equatable {
    /// The canonical name of the encoding a byte order mark announces (`utf-8`, `utf-16le`, …).
    public var byteOrderMark: String?
    /// How many bytes the byte order mark takes (0 without one).
    public var byteOrderMarkLength: Int
    /// The `encoding` of the XML declaration, as written.
    public var declaredEncoding: String?
    /// The UTF-16, UTF-32 or EBCDIC layout of the first characters, when there is no mark.
    public var layoutEncoding: String?
    /// The `charset` parameter of the Content-Type, as written.
    public var contentTypeCharset: String?

    public init(bytes: [UInt8], contentType: String?) {
        let prologue = bytes.withUnsafeBufferPointer { DocumentPrologue($0) }
        byteOrderMark = prologue.byteOrderMark?.encoding
        byteOrderMarkLength = prologue.byteOrderMark?.length ?? 0
        declaredEncoding = prologue.declaredEncoding
        layoutEncoding = prologue.layoutEncoding
        contentTypeCharset = HTTPContentType(contentType)?.charset
    }
}
