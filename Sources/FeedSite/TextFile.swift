import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a whole text file as UTF-8, failing with the system's one-line reason
/// ("No such file or directory") rather than Foundation's paragraph.
enum TextFile {
    struct Failure: Error {
        var message: String
    }

    /// Article and settings files are small; anything larger than this is not one.
    static let maximumSize = 16 << 20

    static func contents(of path: String) throws(Failure) -> String {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw Failure(message: String(cString: strerror(errno))) }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure(message: String(cString: strerror(errno)))
            }
            if count == 0 { break }
            bytes.append(contentsOf: buffer[0..<count])
            guard bytes.count <= maximumSize else {
                throw Failure(message: "larger than \(maximumSize >> 20) MiB: not a text article or settings file")
            }
        }
        guard let text = String(bytes: bytes, encoding: .utf8) else {
            throw Failure(message: "not UTF-8 text")
        }
        return text
    }
}
