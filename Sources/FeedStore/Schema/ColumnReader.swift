import FeedModel
import GRDB

/// Reads a row's columns in the order the `SELECT` named them.
///
/// By position rather than by name: a name lookup scans the row's columns, and `feed generate`
/// reads every column of every article. Values are decoded with GRDB's throwing `decode`, so a
/// damaged row is an error, never a crash.
struct ColumnReader {
    private let row: Row
    private var index = 0

    init(_ row: Row) { self.row = row }

    mutating func next<Value: DatabaseValueConvertible & StatementColumnConvertible>(
        _ type: Value.Type = Value.self
    ) throws -> Value {
        defer { index += 1 }
        return try row.decode(Value.self, atIndex: index)
    }

    /// A moment stored as two columns: seconds, then the fraction digits (NULL for none).
    mutating func timestamp() throws -> Timestamp? {
        let seconds = try next(Int64?.self)
        let fraction = try next(String?.self)
        guard let seconds else { return nil }
        return Timestamp(secondsSince1970: seconds, fractionDigits: fraction ?? "")
    }
}

extension Timestamp {
    /// The fraction digits as stored: NULL when the moment has none.
    var storedFraction: String? { fractionDigits.isEmpty ? nil : fractionDigits }

    /// Microseconds since 1970, for ordering: the fraction cut to six digits.
    var sortMicroseconds: Int64 {
        var micro: Int64 = 0
        var digits = 0
        for byte in fractionDigits.utf8.prefix(6) {
            let digit = (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) ? byte - UInt8(ascii: "0") : 0
            micro = micro * 10 + Int64(digit)
            digits += 1
        }
        while digits < 6 {
            micro *= 10
            digits += 1
        }
        let (scaled, overflow) = secondsSince1970.multipliedReportingOverflow(by: 1_000_000)
        if overflow { return secondsSince1970 < 0 ? .min : .max }
        return scaled.addingReportingOverflow(micro).overflow ? .max : scaled + micro
    }
}
