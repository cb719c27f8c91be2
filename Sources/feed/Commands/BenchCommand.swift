import ArgumentParser
import Foundation
import Syndication

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure the parser on one file.",
        discussion: """
        Reads FILE into memory once, then parses it --repeat times in this process, touching every \
        entry's title, link, date and content, and prints one line:
          entries=<entries> seconds=<total parse time> peak_rss_kb=<peak resident memory>
        With --stream the file is instead read from disk in 64 KiB pieces through the streaming \
        parser, entries are dropped as they arrive, and peak memory shows what a feed of any \
        length costs. With --generate it times writing Atom from a store instead (see that flag), \
        and the line adds bytes=<output bytes> mb_per_s=<output MB per second>.

        Examples:
          feed bench large.xml --repeat 20
          feed bench huge.xml --stream
          feed bench large.xml --import --sanitize --repeat 5     import into an empty store
          feed bench large.xml --validate --repeat 5              the validator
          feed bench large.xml --generate --articles 10000 --repeat 5
        """
    )

    @Argument(help: "The feed file.")
    var file: String

    @Option(help: "How many times to parse it.")
    var `repeat`: Int = 1

    @Flag(help: "Stream the file from disk instead of parsing it from memory.")
    var stream = false

    @Flag(help: "Sanitize HTML as `feed parse --sanitize` does.")
    var sanitize = false

    @Flag(help: "Measure only the XML layer: libxml2's events reaching Swift, no feed built.")
    var eventsOnly = false

    @Flag(help: "Measure Atom generation: store the file's entries (untimed), then write the store as Atom.")
    var generate = false

    @Option(help: "With --generate: how many articles to store, copying the file's entries as more sources.")
    var articles: Int?

    @Flag(help: "Measure `feed import` of the file: parse, sanitize with --sanitize, store into a new temporary store per repeat.")
    var `import` = false

    @Flag(name: .customLong("validate"), help: "Measure the validator (`feed validate`) instead of the parser.")
    var measuresValidator = false

    func validate() throws {
        guard `repeat` >= 1 else { throw ValidationError("--repeat must be at least 1") }
    }

    func run() throws {
        if `import` {
            return try ImportBenchmark.run(file: file, repeat: `repeat`, sanitize: sanitize)
        }
        if measuresValidator { return try ValidationBench.run(file: file, repeat: `repeat`) }
        if generate {
            let result = try GenerationBenchmark(file: file, articles: articles, repeats: `repeat`).run()
            var usage = rusage()
            getrusage(RUSAGE_SELF.rawValue, &usage)
            let megabytesPerSecond = Double(result.bytes) / 1e6 / max(result.seconds, 1e-9)
            print("entries=\(result.articles) seconds=\(String(format: "%.6f", result.seconds)) peak_rss_kb=\(usage.ru_maxrss)"
                  + " bytes=\(result.bytes) mb_per_s=\(String(format: "%.1f", megabytesPerSecond))")
            return
        }
        let options = FeedParserOptions(sanitize: sanitize, limits: XMLParseLimits(maxInputBytes: Int.max))
        let input = DocumentInput(file)
        var entries = 0
        var sink = 0
        let clock = ContinuousClock()
        var elapsed = Duration.zero
        if eventsOnly {
            let bytes = try input.readAll()
            for _ in 0..<`repeat` {
                let start = clock.now
                let counter = EventCounter()
                let parser = XMLStreamParser(handler: counter, limits: options.limits)
                parser.feed(bytes)
                parser.finish()
                elapsed += clock.now - start
                entries = counter.entries
            }
        } else if stream {
            for _ in 0..<`repeat` {
                let start = clock.now
                var count = 0
                let parser = FeedStreamParser(options: options) { entry in
                    sink &+= withUnsafePointer(to: entry) { BenchCommand.touch($0) }
                    count += 1
                }
                do {
                    try input.forEachChunk { chunk in
                        try parser.feed(chunk)
                        return true
                    }
                    _ = try parser.finish()
                } catch let error as FeedParseError {
                    throw CommandFailure.unreadableFeed("\(file): \(error)")
                }
                elapsed += clock.now - start
                entries = count
            }
        } else {
            // Held as a parse from a file is (`feed parse`): read where it lies.
            let document = DocumentBuffer(try input.readAll())
            let parser = FeedParser(options: options)
            for _ in 0..<`repeat` {
                let start = clock.now
                do {
                    let parsed = try parser.parse(document: document)
                    // Through pointers: `for entry in`, or a subscript, copies each entry out,
                    // retaining every field.
                    parsed.feed.entries.withUnsafeBufferPointer { list in
                        guard let first = list.baseAddress else { return }
                        for i in list.indices { sink &+= BenchCommand.touch(first + i) }
                    }
                    entries = parsed.feed.entries.count
                } catch {
                    throw CommandFailure.unreadableFeed("\(file): \(error)")
                }
                elapsed += clock.now - start
            }
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        print("entries=\(entries) seconds=\(String(format: "%.6f", seconds)) peak_rss_kb=\(usage.ru_maxrss)"
              + (sink == 42 ? " " : ""))
    }

    /// Reads what a feed reader shows of an entry, so the work cannot be skipped.
    static func touch(_ entry: UnsafePointer<Entry>) -> Int {
        var n = entry.pointee.title?.value.utf8.count ?? 0
        // The links are read in place: `alternateLink` would take the entry by copy.
        for link in entry.pointee.links where link.rel == "alternate" {
            n &+= link.href.utf8.count
            break
        }
        n &+= Int((entry.pointee.published ?? entry.pointee.updated)?.secondsSince1970 ?? 0)
        n &+= (entry.pointee.content?.value ?? entry.pointee.summary?.value)?.utf8.count ?? 0
        return n
    }
}

/// Counts entries and touches every event, for `feed bench --events-only`.
private final class EventCounter: XMLEventHandler {
    var entries = 0
    var textBytes = 0

    func startElement(_ name: XMLName, attributes: XMLAttributes, location: XMLLocation) {
        if name.localName == "item" || name.localName == "entry" { entries += 1 }
    }

    func endElement(_ name: XMLName) {}

    func characters(_ text: XMLCharacters) { textBytes &+= text.count }

    func problem(_ problem: XMLProblem) {}
}
