import Foundation

/// Where one import reads its feed from.
///
/// Each kind has its own rule for the address the source is stored under (its identity in the
/// store, so that importing it again updates the same articles):
/// - a URL is stored as given; after a permanent redirect the store remembers the new address and
///   later imports fetch that one, but the source keeps its first address as its name;
/// - a file is stored under its absolute, standardised path (`feed.xml` and `./feed.xml` from the
///   same folder are one source);
/// - standard input has no address of its own, so it is stored under the feed's `self` link, and
///   a feed without an absolute `self` link is refused rather than filed under a made-up name that
///   every piped feed would share.
public enum ImportSource: Sendable, Hashable, CustomStringConvertible {
    /// An http or https URL, fetched with `HTTPFetcher`.
    case url(String)
    /// A file on disk.
    case file(path: String)
    /// A document already read (from standard input, a pipe, memory).
    case standardInput(bytes: [UInt8])

    /// Reads a command-line argument: `-` is standard input (with the bytes given), an http(s) URL
    /// is a URL, a `file:` URL or anything else is a file path.
    public static func argument(_ argument: String, standardInput: () throws -> [UInt8]) rethrows -> ImportSource {
        if argument == "-" { return .standardInput(bytes: try standardInput()) }
        let lower = argument.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") { return .url(argument) }
        if lower.hasPrefix("file:"), let url = URL(string: argument), url.isFileURL { return .file(path: url.path) }
        return .file(path: argument)
    }

    /// The source as a person would name it: the URL, the path as given, or "standard input".
    public var description: String {
        switch self {
        case .url(let url): return url
        case .file(let path): return path
        case .standardInput: return "standard input"
        }
    }

    /// The address a file is stored under: absolute and standardised, relative to the current
    /// folder.
    static func storedAddress(ofFile path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return URL(fileURLWithPath: absolute).standardizedFileURL.path
    }
}
