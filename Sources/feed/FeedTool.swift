import ArgumentParser
import Foundation
import Syndication

/// The `feed` command line. Exit status: 0 success, 1 a feed could not be read (or, for
/// commands that judge, was judged bad), 2 a usage or I/O error.
@main
enum FeedTool {
    static func main() async {
        do {
            var command = try FeedCommand.parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let failure as CommandFailure {
            failure.report()
            exit(failure.exitCode)
        } catch {
            let code = FeedCommand.exitCode(for: error)
            if code == .success {
                FeedCommand.exit(withError: error)
            }
            // Usage errors: argument-parser's own text, but the contract's status 2 (not EX_USAGE).
            let message = FeedCommand.fullMessage(for: error)
            if !message.isEmpty { StandardError.write(message + "\n") }
            exit(code == .failure ? 1 : 2)
        }
    }
}

struct FeedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feed",
        abstract: "Read, store, build and check RSS, Atom and JSON feeds.",
        discussion: """
        Examples:
          feed parse https://example.org/feed.xml     a readable summary of a feed
          feed parse feed.xml --json                  the parsed feed as JSON
          cat feed.xml | feed parse -                 read standard input
          feed import https://example.org/feed.xml    fetch a feed into the article store
          feed add feeds/articles/*                   store the site's own articles
          feed generate                               write feeds/atom.xml from the store
          feed validate feeds/atom.xml                check a feed against its specification
          feed bench feed.xml --repeat 100            parser speed on one file

        Exit status: 0 success, 1 a feed could not be read (or, for validate, is invalid), 2 a usage
        or I/O error.
        """,
        version: SyndicationRelease.version,
        subcommands: [
            ParseCommand.self, ValidateCommand.self, ImportCommand.self, AddCommand.self, GenerateCommand.self, ListCommand.self,
            ShowCommand.self, SourcesCommand.self, RemoveCommand.self, BenchCommand.self,
        ]
    )
}

/// An error already explained to the user, with the exit status it calls for.
struct CommandFailure: Error {
    var message: String
    var exitCode: Int32

    static func unreadableFeed(_ message: String) -> CommandFailure { CommandFailure(message: message, exitCode: 1) }
    static func io(_ message: String) -> CommandFailure { CommandFailure(message: message, exitCode: 2) }

    func report() {
        StandardError.write("feed: \(message)\n")
    }
}

enum StandardError {
    static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}

enum StandardOutput {
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
