import FeedModel
import Foundation

/// Where the store's times come from (`firstSeen`, `lastChanged`, `added`, `lastFetched`).
///
/// The store reads the clock once per write transaction, so every row one import touches carries
/// the same moment, and tests pass a clock of their own to get the same rows on every run.
public struct StoreClock: Sendable {
    private let read: @Sendable () -> Timestamp

    public init(_ now: @escaping @Sendable () -> Timestamp) {
        read = now
    }

    public func now() -> Timestamp { read() }

    /// The system's wall clock, to the whole second (what `feed show` prints needs no more).
    public static let system = StoreClock {
        Timestamp(secondsSince1970: Int64(Date().timeIntervalSince1970.rounded(.down)))
    }

    /// Always the same moment.
    public static func fixed(_ moment: Timestamp) -> StoreClock {
        StoreClock { moment }
    }
}
