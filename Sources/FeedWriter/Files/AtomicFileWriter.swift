#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file so that readers see the old file or the new one, never a part of either.
///
/// The bytes go to a temporary file in the same folder (`.NAME.XXXXXX`, so the rename stays on one
/// file system and is atomic), which is flushed to disk (`fsync`) and then renamed over the
/// destination; the folder is synced too, so the rename itself survives a crash. If anything
/// fails, including the body that produces the bytes, the temporary file is removed and the
/// destination is left as it was.
public struct AtomicFileWriter: Sendable {
    public var path: String
    /// The new file's permission bits; 0644 by default, as a published feed is read by a web
    /// server. (A temporary file is created 0600 and changed before the rename.)
    public var permissions: mode_t

    public init(path: String, permissions: mode_t = 0o644) {
        self.path = path
        self.permissions = permissions
    }

    /// Runs `body` with a sink into the temporary file, then puts the file in place.
    ///
    /// `check`, when given, sees the finished temporary file (flushed, closed) before it replaces
    /// the destination; throwing from it keeps the old file and removes the new one, and the
    /// error is rethrown as `FeedWriteError.rejected`. This is how a feed that fails validation
    /// never replaces a good one.
    public func write(_ body: (_ sink: @escaping ByteSink) throws -> Void,
                      check: ((_ temporaryPath: String) throws -> Void)? = nil) throws(FeedWriteError) {
        let (folder, name) = Self.split(path)
        var template = Array("\(folder)/.\(name).XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -1 }
            return mkstemp(base)
        }
        guard descriptor >= 0 else { throw .file(path: path, operation: "creating a temporary file", code: errno) }
        // mkstemp replaced the Xs in place; the last element is the terminating NUL.
        let temporaryPath = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let file = FileDescriptor(descriptor)
        do throws(FeedWriteError) {
            do {
                try body { bytes throws(FeedWriteError) in try file.writeAll(bytes, path: temporaryPath) }
            } catch let error as FeedWriteError {
                throw error
            } catch {
                throw .output(error)
            }
            guard fchmod(descriptor, permissions) == 0 else {
                throw .file(path: temporaryPath, operation: "fchmod", code: errno)
            }
            guard fsync(descriptor) == 0 else { throw .file(path: temporaryPath, operation: "fsync", code: errno) }
            try file.close(path: temporaryPath)
            if let check {
                do { try check(temporaryPath) } catch { throw FeedWriteError.rejected(error) }
            }
            guard rename(temporaryPath, path) == 0 else {
                throw .file(path: path, operation: "rename", code: errno)
            }
        } catch {
            _ = try? file.close(path: temporaryPath)
            unlink(temporaryPath)
            throw error
        }
        Self.syncFolder(folder)
    }

    /// The folder (`.` for a bare name) and the file name.
    static func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let folder = String(path[..<slash])
        return (folder.isEmpty ? "/" : folder, String(path[path.index(after: slash)...]))
    }

    /// Makes the rename durable. Best effort: some file systems refuse `fsync` on a folder, and
    /// the new file is in place either way.
    private static func syncFolder(_ folder: String) {
        let descriptor = open(folder, O_RDONLY)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        _ = closeDescriptor(descriptor)
    }
}

/// An open file descriptor, closed once.
private final class FileDescriptor {
    private var descriptor: Int32?

    init(_ descriptor: Int32) { self.descriptor = descriptor }

    func writeAll(_ bytes: UnsafeRawBufferPointer, path: String) throws(FeedWriteError) {
        guard let descriptor else { throw .file(path: path, operation: "write", code: EBADF) }
        guard var next = bytes.baseAddress else { return }
        var remaining = bytes.count
        while remaining > 0 {
            let written = writeDescriptor(descriptor, next, remaining)
            if written < 0 {
                if errno == EINTR { continue }
                throw .file(path: path, operation: "write", code: errno)
            }
            remaining -= written
            next += written
        }
    }

    func close(path: String) throws(FeedWriteError) {
        guard let open = descriptor else { return }
        descriptor = nil
        guard closeDescriptor(open) == 0 else { throw .file(path: path, operation: "close", code: errno) }
    }

    deinit {
        if let descriptor { _ = closeDescriptor(descriptor) }
    }
}

// The C calls under names the methods above do not shadow.
private func closeDescriptor(_ descriptor: Int32) -> Int32 { close(descriptor) }
private func writeDescriptor(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}

/// `strerror` as a Swift string.
enum SystemErrorMessage {
    static func text(_ code: Int32) -> String {
        guard let message = strerror(code) else { return "error \(code)" }
        return String(cString: message)
    }
}
