/// A moment in time, as feeds state it: whole seconds since 1970-01-01T00:00:00Z plus an optional
/// fraction, kept exactly as many digits as the feed gave.
///
/// The model keeps its own type instead of Foundation's `Date` for two reasons: the contract prints
/// fractional seconds only when the feed gave them (a `Double` cannot tell `.0` from nothing), and
/// formatting and parsing by hand is far cheaper than `DateFormatter` in the parsing hot path.
public struct Timestamp: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Whole seconds since the Unix epoch, UTC (negative before 1970).
    public var secondsSince1970: Int64
    /// The fraction of a second as decimal digits (`"25"` for .25 s); empty when none was given.
    public var fractionDigits: String

    @inlinable
    public init(secondsSince1970: Int64, fractionDigits: String = "") {
        self.secondsSince1970 = secondsSince1970
        self.fractionDigits = fractionDigits
    }

    /// A calendar date and time in the proleptic Gregorian calendar, shifted by `offsetMinutes`
    /// east of UTC. Returns nil when a field is out of range.
    public init?(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0,
                 fractionDigits: String = "", offsetMinutes: Int = 0) {
        guard (1...12).contains(month), day >= 1, day <= Timestamp.daysIn(month: month, year: year),
              (0...24).contains(hour), (0...59).contains(minute), (0...60).contains(second),
              (-9999...99999).contains(year)
        else { return nil }
        if hour == 24 && (minute != 0 || second != 0) { return nil }
        let days = Timestamp.daysFromCivil(year: year, month: month, day: day)
        // A leap second (:60) is read as the first second of the next minute.
        let seconds = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        self.secondsSince1970 = seconds - Int64(offsetMinutes) * 60
        self.fractionDigits = fractionDigits
    }

    /// The broken-down UTC fields of this moment.
    public var components: (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        var days = secondsSince1970 / 86_400
        var rest = secondsSince1970 % 86_400
        if rest < 0 { rest += 86_400; days -= 1 }
        let (y, m, d) = Timestamp.civilFromDays(Int(days))
        let r = Int(rest)
        return (y, m, d, r / 3600, (r % 3600) / 60, r % 60)
    }

    /// RFC 3339 in UTC with a `Z`, e.g. `2017-01-09T22:30:00Z`; the fraction only when one was given.
    public var rfc3339: String {
        let c = components
        var out = ""
        out.reserveCapacity(24)
        Timestamp.append(c.year, width: 4, to: &out)
        out.append("-"); Timestamp.append(c.month, width: 2, to: &out)
        out.append("-"); Timestamp.append(c.day, width: 2, to: &out)
        out.append("T"); Timestamp.append(c.hour, width: 2, to: &out)
        out.append(":"); Timestamp.append(c.minute, width: 2, to: &out)
        out.append(":"); Timestamp.append(c.second, width: 2, to: &out)
        if !fractionDigits.isEmpty { out.append("."); out.append(fractionDigits) }
        out.append("Z")
        return out
    }

    public var description: String { rfc3339 }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        if lhs.secondsSince1970 != rhs.secondsSince1970 { return lhs.secondsSince1970 < rhs.secondsSince1970 }
        return lhs.fractionValue < rhs.fractionValue
    }

    private var fractionValue: Double {
        guard !fractionDigits.isEmpty, let v = Double("0." + fractionDigits) else { return 0 }
        return v
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Timestamp(rfc3339: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an RFC 3339 date: \(text)")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rfc3339)
    }

    /// Reads exactly the contract's form (`YYYY-MM-DDThh:mm:ss[.fff](Z|±hh:mm)`); the forgiving
    /// reader of real-world dates lives in the parser.
    public init?(rfc3339 text: String) {
        let b = Array(text.utf8)
        func num(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= b.count else { return nil }
            var v = 0
            for i in from..<(from + count) {
                let d = Int(b[i]) - 48
                guard (0...9).contains(d) else { return nil }
                v = v * 10 + d
            }
            return v
        }
        guard b.count >= 20, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
              b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: "t"),
              b[13] == UInt8(ascii: ":"), b[16] == UInt8(ascii: ":"),
              let y = num(0, 4), let mo = num(5, 2), let d = num(8, 2),
              let h = num(11, 2), let mi = num(14, 2), let s = num(17, 2)
        else { return nil }
        var i = 19
        var fraction = ""
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            let start = i
            while i < b.count, (48...57).contains(b[i]) { i += 1 }
            guard i > start else { return nil }
            fraction = String(decoding: b[start..<i], as: UTF8.self)
        }
        var offset = 0
        guard i < b.count else { return nil }
        if b[i] == UInt8(ascii: "Z") || b[i] == UInt8(ascii: "z") {
            i += 1
        } else if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
            guard let oh = num(i + 1, 2), i + 3 < b.count, b[i + 3] == UInt8(ascii: ":"),
                  let om = num(i + 4, 2) else { return nil }
            offset = (oh * 60 + om) * (b[i] == UInt8(ascii: "-") ? -1 : 1)
            i += 6
        } else {
            return nil
        }
        guard i == b.count else { return nil }
        self.init(year: y, month: mo, day: d, hour: h, minute: mi, second: s,
                  fractionDigits: fraction, offsetMinutes: offset)
    }

    // MARK: Calendar arithmetic (days since 1970-01-01 in the proleptic Gregorian calendar)

    static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The number of days in a month; 0 for a month outside 1...12.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: return 31
        case 4, 6, 9, 11: return 30
        case 2: return isLeap(year) ? 29 : 28
        default: return 0
        }
    }

    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civilFromDays(_ days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }

    private static func append(_ value: Int, width: Int, to out: inout String) {
        var digits = String(abs(value))
        while digits.count < width { digits = "0" + digits }
        if value < 0 { out.append("-") }
        out.append(digits)
    }
}
