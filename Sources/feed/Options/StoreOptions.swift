import ArgumentParser
import Foundation
import Syndication

/// Where the article store lives: `--store PATH`, else the `FEED_STORE` environment variable,
/// else `feeds/store.sqlite` under the current folder (the example site's layout).
struct StoreOptions: ParsableArguments {
    static let defaultPath = "feeds/store.sqlite"
    static let environmentVariable = "FEED_STORE"

    @Option(name: .customLong("store"),
            help: ArgumentHelp("The SQLite article store (default: $FEED_STORE, else \(defaultPath)).",
                               valueName: "path"))
    var explicitPath: String?

    /// The path the options name, before the file is opened.
    var path: String {
        if let explicitPath { return explicitPath }
        if let fromEnvironment = ProcessInfo.processInfo.environment[Self.environmentVariable],
           !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        return Self.defaultPath
    }

    /// Opens (creating when missing) the store; a failure is an I/O error (exit 2).
    func open() throws(CommandFailure) -> FeedStore {
        do {
            return try FeedStore(path: path)
        } catch {
            throw .io(error.description)
        }
    }
}
