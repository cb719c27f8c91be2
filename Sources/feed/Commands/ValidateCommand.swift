import ArgumentParser
import Foundation
import Syndication

struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check feeds against their specifications, with compiler-style diagnostics.",
        discussion: """
        Reads each document once, through the same libxml2 event stream as the parser, and \
        reports every finding, not only the first, in layers:
          bytes and encoding    byte order mark, declaration and HTTP charset agree; every byte decodes
          well-formedness       every libxml2 error, with its line and column
          the format's rules    Atom 1.0 (RFC 4287), RSS 2.0 and 0.9x, RSS 1.0, Dublin Core,
                                content:encoded, atom:link in RSS, iTunes podcast requirements
          reader hazards        relative URLs without a base, markup in plain text, text escaped
                                twice, javascript: links, no self link, future dates, duplicate ids

        An error breaks a MUST of the specification or is not well-formed XML; a warning is \
        legal but breaks readers (or a SHOULD). Every code, with the section of the specification \
        behind it and a bad and a good example, is listed in docs/validation-codes.md.

        Output (--format):
          human   one line per diagnostic, as compilers print: FILE:LINE:COL: SEVERITY: MESSAGE [CODE]
          json    one JSON object per file, one per line (the validation-report contract)
          sarif   one SARIF 2.1.0 log for all files, for CI code-scanning annotations

        --quiet reports errors only, as `eslint --quiet` does: warnings are not printed and do not \
        change the exit status, which is never affected by them anyway.

        Examples:
          feed validate feeds/atom.xml
          feed validate feeds/*.xml --quiet
          feed validate https://example.org/feed.xml --format json
          curl -s https://example.org/feed | feed validate - --content-type "application/rss+xml; charset=utf-8"
          feed validate feeds/*.xml --format sarif > validation.sarif

        Exit status: 0 every file is valid, 1 a file has an error, 2 a file could not be read \
        at all or the arguments are wrong.
        """
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case human, json, sarif
    }

    @Argument(help: "The feeds: file paths, http(s) URLs, or - for standard input.")
    var sources: [String]

    @Option(help: "How to print the findings: human, json or sarif.")
    var format: OutputFormat = .human

    @Flag(name: .shortAndLong, help: "Report errors only (warnings are left out).")
    var quiet = false

    @Option(help: "The HTTP Content-Type the document came with; its charset is checked against the document (RFC 3023).")
    var contentType: String?

    @Option(help: "Refuse documents larger than this many bytes.")
    var maxSize: Int = 256 << 20

    func validate() throws {
        guard !sources.isEmpty else { throw ValidationError("name at least one feed to validate") }
        guard maxSize > 0 else { throw ValidationError("--max-size must be positive") }
        guard sources.count(where: { $0 == "-" }) <= 1 else { throw ValidationError("standard input (-) can be read only once") }
    }

    func run() async throws {
        var reports: [ValidationReport] = []
        var unreadable = false
        let clock = Int64(Date().timeIntervalSince1970)
        for source in sources {
            let input = DocumentInput(source)
            do {
                var report = try await FeedValidation.validate(input, contentType: contentType, maxSize: maxSize, now: clock)
                if quiet { report.diagnostics.removeAll { $0.severity != .error } }
                reports.append(report)
                switch format {
                case .human: StandardOutput.write(HumanReportRenderer.render(report))
                case .json: StandardOutput.write(JSONLinesReportRenderer.render(report))
                case .sarif: break
                }
            } catch let failure as CommandFailure {
                failure.report()
                unreadable = true
            }
        }
        if format == .sarif {
            StandardOutput.write(SARIFReportRenderer.render(reports, toolVersion: SyndicationRelease.version))
        }
        if unreadable { throw ExitCode(2) }
        if reports.contains(where: { !$0.valid }) { throw ExitCode(1) }
    }
}

/// Reading one input into the validator: files and standard input stream in 64 KiB pieces
/// (reading stops as soon as a limit refuses the document); URLs are fetched with the
/// importer's HTTP client and its limits.
enum FeedValidation {
    static func validate(_ input: DocumentInput, contentType: String?, maxSize: Int, now: Int64) async throws -> ValidationReport {
        var options = FeedValidatorOptions(limits: XMLParseLimits(maxInputBytes: maxSize), now: now)
        if case .url(let url) = input.origin {
            let (body, servedType, documentURL) = try await FeedReading.fetchDocument(url, maxBytes: maxSize)
            options.documentURL = documentURL
            return FeedValidator(options: options).validate(data: body, fileName: input.displayName,
                                                            contentType: contentType ?? servedType)
        }
        let stream = FeedValidationStream(fileName: input.displayName, contentType: contentType, options: options)
        try input.forEachChunk { chunk in
            stream.feed(chunk)
            return !stream.isStopped
        }
        return stream.finish()
    }
}
