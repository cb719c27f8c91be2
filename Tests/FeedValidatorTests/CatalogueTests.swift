import FeedValidator
import Foundation
import Testing

/// The catalogue, the fixtures and `docs/validation-codes.md` tell the same story.
@Suite("Catalogue")
struct CatalogueTests {
    @Test func codesAreUniqueAndKebabCase() {
        let ids = ValidationCode.all.map(\.id)
        #expect(Set(ids).count == ids.count)
        for id in ids {
            #expect(id.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" }, "\(id)")
            #expect(!id.hasPrefix("-") && !id.hasSuffix("-"))
            #expect(ValidationCode.named(id)?.id == id)
        }
    }

    @Test func everyCodeNamesItsSpecificationAndSummary() {
        for code in ValidationCode.all {
            #expect(!code.specification.isEmpty && !code.summary.isEmpty, "\(code.id)")
        }
    }

    @Test func everyCodeHasAFixtureThatRaisesItAtAPlace() {
        for code in ValidationCode.all {
            let raising = Fixture.all.filter { fixture in
                fixture.expected.contains { $0.code == code.id && $0.line != nil }
            }
            #expect(!raising.isEmpty, "no fixture raises \(code.id) at a line and column")
        }
    }

    @Test func everyCodeHasANearMissThatDoesNotRaiseIt() {
        for code in ValidationCode.all {
            let nearMisses = Fixture.all.filter { $0.absent.contains(code.id) }
            #expect(!nearMisses.isEmpty, "no near-miss fixture for \(code.id)")
        }
    }

    @Test func everyCodeIsDocumentedWithItsSeverityAndSpecification() throws {
        let docs = try Self.documentation()
        for code in ValidationCode.all {
            let heading = "### `\(code.id)`"
            guard let start = docs.range(of: heading) else {
                Issue.record("docs/validation-codes.md has no section \(heading)")
                continue
            }
            let section = docs[start.upperBound...].prefix { _ in true }
            let end = section.range(of: "\n### ")?.lowerBound ?? section.endIndex
            let body = section[..<end]
            #expect(body.contains("- Severity: \(code.severity.rawValue)"), "\(code.id): severity")
            #expect(body.contains("- Specification: \(code.specification)"), "\(code.id): specification")
            #expect(body.contains("Bad:") && body.contains("Good:"), "\(code.id): examples")
        }
    }

    @Test func documentationListsNoCodeTheCatalogueLacks() throws {
        let docs = try Self.documentation()
        let documented = docs.split(separator: "\n").filter { $0.hasPrefix("### `") }.map {
            String($0.dropFirst(5).dropLast())
        }
        #expect(Set(documented) == Set(ValidationCode.all.map(\.id)))
        #expect(documented == ValidationCode.all.map(\.id), "the docs list codes in the catalogue's order")
    }

    /// The package root is three folders above this file.
    static func documentation() throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try String(contentsOf: root.appendingPathComponent("docs/validation-codes.md"), encoding: .utf8)
    }
}
