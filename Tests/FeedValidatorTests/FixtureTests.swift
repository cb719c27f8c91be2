import FeedValidator
import Testing

/// Every fixture under `Fixtures/` states, in its opening comment, which codes it raises and
/// where, which it must not raise, and whether it is valid.
@Suite("Fixtures")
struct FixtureTests {
    @Test(arguments: Fixture.all)
    func fixtureRaisesWhatItsHeaderExpects(_ fixture: Fixture) {
        let report = fixture.validate()
        let found = report.diagnostics.map { "\($0.code)@\($0.line):\($0.column)" }
        for expectation in fixture.expected {
            let matched = report.diagnostics.contains { d in
                d.code == expectation.code && (expectation.line == nil || d.line == expectation.line)
                    && (expectation.column == nil || d.column == expectation.column)
            }
            #expect(matched, "\(fixture.name): expected \(expectation.code)@\(expectation.line ?? 0):\(expectation.column ?? 0), found \(found)")
        }
        for code in fixture.absent {
            #expect(!report.codes().contains(code), "\(fixture.name): \(code) must not be raised, found \(found)")
        }
        if let valid = fixture.valid {
            #expect(report.valid == valid, "\(fixture.name): valid should be \(valid), found \(found)")
        }
    }

    @Test func everyFixtureStatesAnExpectation() {
        for fixture in Fixture.all {
            #expect(!fixture.expected.isEmpty || !fixture.absent.isEmpty, "\(fixture.name) checks nothing")
        }
    }

    @Test func everyFixtureIsNamedForACode() {
        let ids = Set(ValidationCode.all.map(\.id))
        for fixture in Fixture.all {
            #expect(ids.contains(fixture.codeInName), "\(fixture.name) is not named after a code")
        }
    }
}
