import Foundation
import Testing

/// Whole-document checks against files in `Snapshots/`, beside the tests. A missing or changed
/// file is re-recorded only when `RECORD_SNAPSHOTS` is set in the environment; otherwise the
/// test fails and shows the first line that differs.
enum Snapshot {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Snapshots")

    static func expectMatches(_ bytes: [UInt8], named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let file = folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil {
            do {
                try Data(bytes).write(to: file)
            } catch {
                Issue.record("could not record \(name): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let recorded = try? Data(contentsOf: file) else {
            Issue.record("no snapshot \(name): run with RECORD_SNAPSHOTS=1 to record it", sourceLocation: sourceLocation)
            return
        }
        if [UInt8](recorded) == bytes { return }
        let actualLines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let expectedLines = String(decoding: recorded, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let firstDifference = zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }
        let line = firstDifference?.offset ?? min(actualLines.count, expectedLines.count)
        let actual = line < actualLines.count ? String(actualLines[line]) : "(end)"
        let expected = line < expectedLines.count ? String(expectedLines[line]) : "(end)"
        Issue.record("\(name) differs at line \(line + 1):\n  written:  \(actual)\n  recorded: \(expected)",
                     sourceLocation: sourceLocation)
    }
}
