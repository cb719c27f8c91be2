import FeedXML

/// What went wrong while writing a feed document or its file.
public enum FeedWriteError: Error, CustomStringConvertible {
    /// The sink refused the bytes (a full disk, a closed pipe); its error is kept.
    case output(any Error)
    /// The XML writer failed (libxml2 refused a call or was used out of order).
    case xml(String)
    /// A file-system call failed; `code` is the `errno` it left.
    case file(path: String, operation: String, code: Int32)
    /// The finished document was refused before it replaced the old file (see
    /// `AtomicFileWriter.write(_:check:)`); the refusal is kept.
    case rejected(any Error)

    public var description: String {
        switch self {
        case .output(let error): return "the feed could not be written: \(error)"
        case .xml(let message): return message
        case .file(let path, let operation, let code):
            return "\(path): \(operation) failed: \(SystemErrorMessage.text(code)) (errno \(code))"
        case .rejected(let error):
            return "\(error)"
        }
    }

    init(_ error: XMLWriterError) {
        switch error {
        case .sink(let underlying):
            self = (underlying as? FeedWriteError) ?? .output(underlying)
        default:
            self = .xml(error.description)
        }
    }
}
