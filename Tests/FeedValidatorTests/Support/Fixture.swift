import FeedValidator
import Foundation
import Testing

/// A fixture document with the expectations its opening comment states:
/// `Expect: code@line:column` (or `code@*` for any place), `Absent: code`, `Valid: yes|no`,
/// `Content-Type: …`.
struct Fixture: CustomTestStringConvertible, Sendable {
    struct Expectation: Sendable, Hashable {
        var code: String
        /// nil: anywhere.
        var line: Int?
        var column: Int?
    }

    let name: String
    let bytes: [UInt8]
    let expected: [Expectation]
    let absent: [String]
    let valid: Bool?
    let contentType: String?

    var testDescription: String { name }

    /// 2025-06-01T00:00:00Z: fixtures' dates are judged against a fixed clock.
    static let now: Int64 = 1_748_736_000

    static let folder: URL = {
        guard let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            fatalError("the Fixtures folder is missing from the test bundle")
        }
        return url
    }()

    /// Every fixture, sorted by path.
    static let all: [Fixture] = {
        let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "xml" } ?? []
        return files.map { url in
            let relative = url.path.replacingOccurrences(of: folder.path + "/", with: "")
            return Fixture(name: relative, bytes: Array((try? Data(contentsOf: url)) ?? Data()))
        }.sorted { $0.name < $1.name }
    }()

    init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
        let header = String(decoding: bytes.prefix(4096), as: UTF8.self)
        var expected: [Expectation] = []
        var absent: [String] = []
        var valid: Bool?
        var contentType: String?
        for line in header.split(separator: "\n") {
            let text = line.trimmingCharacters(in: .whitespaces)
            if let value = text.value(after: "Expect:") {
                let parts = value.split(separator: "@")
                let place = parts.count > 1 ? parts[1].split(separator: ":").compactMap { Int($0) } : []
                expected.append(Expectation(code: String(parts[0]), line: place.first, column: place.count > 1 ? place[1] : nil))
            } else if let value = text.value(after: "Absent:") {
                absent.append(value)
            } else if let value = text.value(after: "Valid:") {
                valid = value == "yes"
            } else if let value = text.value(after: "Content-Type:") {
                contentType = value
            } else if text == "-->" {
                break
            }
        }
        self.expected = expected
        self.absent = absent
        self.valid = valid
        self.contentType = contentType
    }

    func validate() -> ValidationReport {
        FeedValidator(options: FeedValidatorOptions(now: Self.now)).validate(data: bytes, fileName: name, contentType: contentType)
    }

    /// The code's name in the file name: `missing-element.bad.2.xml` → `missing-element`.
    var codeInName: String { String(name.split(separator: "/").last?.split(separator: ".").first ?? "") }
}

extension String {
    fileprivate func value(after label: String) -> String? {
        guard hasPrefix(label) else { return nil }
        return String(dropFirst(label.count)).trimmingCharacters(in: .whitespaces)
    }
}

/// Validates an inline document with the fixtures' clock.
func validate(_ text: String, fileName: String = "feed.xml", contentType: String? = nil) -> ValidationReport {
    FeedValidator(options: FeedValidatorOptions(now: Fixture.now)).validate(data: Array(text.utf8), fileName: fileName,
                                                                            contentType: contentType)
}

extension ValidationReport {
    func codes(_ severity: ValidationSeverity? = nil) -> [String] {
        diagnostics.filter { severity == nil || $0.severity == severity }.map(\.code)
    }
}
