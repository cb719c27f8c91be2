import Foundation
import Syndication

/// `feed bench FILE --validate`: the validator's speed on one file, printed in the parser's
/// bench format so `../shared/bench` can set the two side by side (entries are the entries and
/// items the validator met).
enum ValidationBench {
    static func run(file: String, repeat count: Int) throws {
        let bytes = try DocumentInput(file).readAll()
        let validator = FeedValidator(options: FeedValidatorOptions(limits: XMLParseLimits(maxInputBytes: Int.max)))
        let clock = ContinuousClock()
        var elapsed = Duration.zero
        var entries = 0
        var findings = 0
        for _ in 0..<count {
            let start = clock.now
            let stream = FeedValidationStream(fileName: file, options: validator.options)
            stream.feed(bytes)
            let report = stream.finish()
            elapsed += clock.now - start
            entries = stream.entryCount
            findings = report.diagnostics.count
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        print("entries=\(entries) seconds=\(String(format: "%.6f", seconds)) peak_rss_kb=\(usage.ru_maxrss) diagnostics=\(findings)")
    }
}
