import Foundation

/// Where a command reads a document from: a file, standard input (`-`), or an http(s) URL.
struct DocumentInput {
    enum Origin: Equatable {
        case file(String)
        case standardInput
        case url(String)
    }

    let origin: Origin

    init(_ argument: String) {
        let lower = argument.lowercased()
        if argument == "-" {
            origin = .standardInput
        } else if lower.hasPrefix("http://") || lower.hasPrefix("https://") {
            origin = .url(argument)
        } else {
            origin = .file(argument)
        }
    }

    /// The name used in messages.
    var displayName: String {
        switch origin {
        case .file(let path): return path
        case .standardInput: return "<stdin>"
        case .url(let url): return url
        }
    }

    /// Reads the document in pieces: `body` gets each piece in order and returns false to stop
    /// early. Files and pipes are read the same way, so a huge input never has to fit in memory.
    func forEachChunk(chunkSize: Int = 1 << 16, _ body: ([UInt8]) throws -> Bool) throws {
        let fd: Int32
        switch origin {
        case .url(let url):
            throw CommandFailure.io("\(url): URLs are fetched, not read as files")
        case .standardInput:
            fd = 0
        case .file(let path):
            fd = open(path, O_RDONLY)
            if fd < 0 { throw CommandFailure.io("\(path): \(String(cString: strerror(errno)))") }
            var info = stat()
            if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
                close(fd)
                throw CommandFailure.io("\(path): is a directory")
            }
        }
        defer { if fd != 0 { close(fd) } }
        var buffer = [UInt8](repeating: 0, count: chunkSize)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, chunkSize) }
            if n < 0 {
                if errno == EINTR { continue }
                throw CommandFailure.io("\(displayName): \(String(cString: strerror(errno)))")
            }
            if n == 0 { return }
            guard try body(Array(buffer[0..<n])) else { return }
        }
    }

    /// Reads up to `limit` bytes; `complete` tells whether that was all of the input.
    func readPrefix(limit: Int) throws -> (bytes: [UInt8], complete: Bool, rest: DocumentInputRest?) {
        var collected: [UInt8] = []
        var complete = true
        try forEachChunk { chunk in
            collected.append(contentsOf: chunk)
            if collected.count > limit {
                complete = false
                return false
            }
            return true
        }
        return (collected, complete, complete ? nil : DocumentInputRest(input: self, skip: collected.count))
    }

    /// Reads the whole input.
    func readAll() throws -> [UInt8] {
        var collected: [UInt8] = []
        try forEachChunk { chunk in
            collected.append(contentsOf: chunk)
            return true
        }
        return collected
    }
}

/// The rest of an input after a prefix was read: for files, reopened at the offset; for
/// standard input, simply what remains of the pipe.
struct DocumentInputRest {
    let input: DocumentInput
    let skip: Int

    func forEachChunk(_ body: ([UInt8]) throws -> Bool) throws {
        switch input.origin {
        case .standardInput, .url:
            try input.forEachChunk(body)
        case .file:
            var skipped = 0
            try input.forEachChunk { chunk in
                if skipped >= skip { return try body(chunk) }
                let remaining = skip - skipped
                skipped += chunk.count
                if chunk.count > remaining { return try body(Array(chunk[remaining...])) }
                return true
            }
        }
    }
}
