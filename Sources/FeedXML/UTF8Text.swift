/// Strings from UTF-8 bytes, checked by our own validator and then built without the standard
/// library's second validation.
///
/// `String(decoding:as:)` validates with a byte-at-a-time state machine once it meets the first
/// non-ASCII character, which made string creation the largest single cost of parsing a feed.
/// `UTF8Validation` checks the same rules (Unicode §3.9) eight bytes at a time, so the bytes are
/// checked once, fast, and handed to `UTF8Span(unchecked:)`; anything invalid takes the standard,
/// repairing path. The result is always a valid string.
public enum UTF8Text {
    public static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard !bytes.isEmpty else { return "" }
        guard UTF8Validation.validate(bytes) == .valid else { return String(decoding: bytes, as: UTF8.self) }
        return String(copying: unsafe UTF8Span(unchecked: bytes.span))
    }

    /// A string from bytes already known to be valid UTF-8: libxml2's output for a document that
    /// was valid UTF-8 going in (it emits whole characters of its input, and only valid characters
    /// of its own). Checked in debug builds.
    public static func string(validUTF8 bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard !bytes.isEmpty else { return "" }
        assert(UTF8Validation.validate(bytes) == .valid)
        return String(copying: unsafe UTF8Span(unchecked: bytes.span))
    }

    public static func string(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer { string($0) }
    }
}
