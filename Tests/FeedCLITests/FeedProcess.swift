import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs the built `feed` executable and reports what it printed, its exit status and the CPU
/// time it used (from `wait4`, so other processes and parallel tests do not count).
struct FeedProcess {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
        var cpuSeconds: Double
    }

    /// `feed` sits beside the test bundle in SwiftPM's build folder.
    static var executable: String {
        let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: me).deletingLastPathComponent().appendingPathComponent("feed").path
    }

    /// Runs `feed arguments…`; `stdin` is written to its standard input by a separate thread, in
    /// pieces, until it ends or the process stops reading.
    static func run(_ arguments: [String], stdin: StandardInput = .none) throws -> Outcome {
        signal(SIGPIPE, SIG_IGN)
        let input = Pipe(), output = Pipe(), errors = Pipe()
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, input.fileHandleForReading.fileDescriptor, 0)
        posix_spawn_file_actions_adddup2(&actions, output.fileHandleForWriting.fileDescriptor, 1)
        posix_spawn_file_actions_adddup2(&actions, errors.fileHandleForWriting.fileDescriptor, 2)
        for fd in [input.fileHandleForWriting, output.fileHandleForReading, errors.fileHandleForReading,
                   input.fileHandleForReading, output.fileHandleForWriting, errors.fileHandleForWriting] {
            posix_spawn_file_actions_addclose(&actions, fd.fileDescriptor)
        }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EINVAL) }
        try input.fileHandleForReading.close()
        try output.fileHandleForWriting.close()
        try errors.fileHandleForWriting.close()

        let writer = Thread {
            stdin.write(to: input.fileHandleForWriting)
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let collected = CollectedOutput()
        let readerOut = Thread { collected.setOut(output.fileHandleForReading.readDataToEndOfFile()) }
        let readerErr = Thread { collected.setErr(errors.fileHandleForReading.readDataToEndOfFile()) }
        readerOut.start()
        readerErr.start()

        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0, errno == EINTR {}
        collected.waitForBoth()
        let cpu = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
            + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
        let exitStatus: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Outcome(status: exitStatus, stdout: collected.out, stderr: collected.err, cpuSeconds: cpu)
    }

    /// What a test writes to the process's standard input.
    enum StandardInput {
        case none
        case bytes([UInt8])
        /// `prefix`, then `chunk` repeated until `total` bytes were written or the reader left.
        case repeating(prefix: [UInt8], chunk: [UInt8], total: Int)

        func write(to handle: FileHandle) {
            switch self {
            case .none:
                return
            case .bytes(let bytes):
                try? handle.write(contentsOf: Data(bytes))
            case .repeating(let prefix, let chunk, let total):
                var written = 0
                do {
                    try handle.write(contentsOf: Data(prefix))
                    written += prefix.count
                    let block = Data(chunk)
                    while written < total {
                        try handle.write(contentsOf: block)
                        written += block.count
                    }
                } catch {
                    return   // the process stopped reading: that is the point of the test
                }
            }
        }
    }
}

/// Output gathered by two reader threads.
private final class CollectedOutput: @unchecked Sendable {
    private let lock = NSCondition()
    private var outData: Data?
    private var errData: Data?

    func setOut(_ d: Data) { lock.lock(); outData = d; lock.broadcast(); lock.unlock() }
    func setErr(_ d: Data) { lock.lock(); errData = d; lock.broadcast(); lock.unlock() }

    func waitForBoth() {
        lock.lock()
        while outData == nil || errData == nil { lock.wait() }
        lock.unlock()
    }

    var out: String { String(decoding: outData ?? Data(), as: UTF8.self) }
    var err: String { String(decoding: errData ?? Data(), as: UTF8.self) }
}

/// A file in a fresh temporary folder, removed when the test is done with it.
struct TemporaryFile {
    let path: String

    init(_ name: String, contents: [UInt8]) throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("feed-cli-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        path = folder.appendingPathComponent(name).path
        try Data(contents).write(to: URL(fileURLWithPath: path))
    }

    init(_ name: String, text: String) throws {
        try self.init(name, contents: Array(text.utf8))
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path)
    }
}
