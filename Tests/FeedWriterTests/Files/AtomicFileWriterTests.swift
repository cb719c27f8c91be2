import FeedWriter
import Foundation
import Testing

@Suite("Atomic file writer")
struct AtomicFileWriterTests {
    struct Interrupted: Error {}

    @Test func writesTheBytesReadableByAWebServer() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/atom.xml"
        try AtomicFileWriter(path: path).write { sink in
            try Array("<feed/>\n".utf8).withUnsafeBytes { try sink($0) }
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "<feed/>\n")
        let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(permissions == 0o644)
        #expect(try folder.fileNames() == ["atom.xml"])
    }

    @Test func replacesAnExistingFileWhole() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/atom.xml"
        try Data(String(repeating: "old ", count: 1000).utf8).write(to: URL(fileURLWithPath: path))
        try AtomicFileWriter(path: path).write { sink in try Array("new".utf8).withUnsafeBytes { try sink($0) } }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new")
    }

    @Test func aFailureHalfwayLeavesTheOldFileAndNoTemporaryFile() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/atom.xml"
        try Data("the old feed".utf8).write(to: URL(fileURLWithPath: path))
        #expect {
            try AtomicFileWriter(path: path).write { sink in
                try Array("half of a new fe".utf8).withUnsafeBytes { try sink($0) }
                throw Interrupted()
            }
        } throws: { error in
            guard case .output(let underlying) = error as? FeedWriteError else { return false }
            return underlying is Interrupted
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "the old feed")
        #expect(try folder.fileNames() == ["atom.xml"])
    }

    @Test func aRefusedCheckKeepsTheOldFileAndSeesTheNewBytes() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/atom.xml"
        try Data("the good feed".utf8).write(to: URL(fileURLWithPath: path))
        var checked = ""
        #expect {
            try AtomicFileWriter(path: path).write({ sink in
                try Array("a bad feed".utf8).withUnsafeBytes { try sink($0) }
            }, check: { temporaryPath in
                checked = try String(contentsOfFile: temporaryPath, encoding: .utf8)
                throw Interrupted()
            })
        } throws: { error in
            guard case .rejected(let underlying) = error as? FeedWriteError else { return false }
            return underlying is Interrupted
        }
        #expect(checked == "a bad feed")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "the good feed")
        #expect(try folder.fileNames() == ["atom.xml"])
    }

    @Test func aWriterErrorHalfwayLeavesNoFileAtAll() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/atom.xml"
        #expect(throws: FeedWriteError.self) {
            try AtomicFileWriter(path: path).write { sink in
                try AtomWriter().write(SampleFeed.feed, entries: SampleFeed.entries) { bytes in
                    try sink(bytes)
                    throw Interrupted()
                }
            }
        }
        #expect(try folder.fileNames().isEmpty)
    }

    @Test func aMissingFolderIsAFileError() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/no/such/folder/atom.xml"
        #expect {
            try AtomicFileWriter(path: path).write { _ in }
        } throws: { error in
            guard case .file(_, let operation, let code) = error as? FeedWriteError else { return false }
            return operation == "creating a temporary file" && code == ENOENT
        }
    }
}

/// A fresh folder under the system's temporary folder, removed when the value goes away.
final class TemporaryFolder {
    let path: String

    init() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("feedwriter-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        path = url.path
    }

    /// The names in the folder, hidden ones included, sorted.
    func fileNames() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path).sorted()
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}
