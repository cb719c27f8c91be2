/// Strict readers for the three date syntaxes feeds use. Unlike the parser's forgiving
/// `FeedDateParser`, each accepts exactly its grammar and returns the instant (seconds since
/// 1970, UTC), so the caller can also judge dates in the future.
enum DateSyntax {
    /// RFC 3339 §5.6 `date-time`, as RFC 4287 §3.3 restricts it (uppercase `T` and `Z`).
    static func rfc3339(_ text: Substring) -> Int64? {
        var scanner = ByteScanner(text)
        guard let date = scanner.calendarDate(), scanner.take("T"),
              let time = scanner.clockTime(secondsRequired: true),
              let offset = scanner.zoneOffset(allowsLowercaseZ: false), scanner.isAtEnd else { return nil }
        return Instant.seconds(date, time, offset: offset)
    }

    /// W3CDTF (the profile of ISO 8601 that Dublin Core uses): `YYYY`, `YYYY-MM`, `YYYY-MM-DD`,
    /// or a date with `Thh:mm`, `Thh:mm:ss` or `Thh:mm:ss.s` and then a time zone.
    static func w3cdtf(_ text: Substring) -> Int64? {
        var scanner = ByteScanner(text)
        guard let year = scanner.digits(exactly: 4) else { return nil }
        if scanner.isAtEnd { return Instant.seconds(CalendarDate(year: year, month: 1, day: 1), ClockTime(), offset: 0) }
        guard scanner.take("-"), let month = scanner.digits(exactly: 2), (1...12).contains(month) else { return nil }
        if scanner.isAtEnd { return Instant.seconds(CalendarDate(year: year, month: month, day: 1), ClockTime(), offset: 0) }
        guard scanner.take("-"), let day = scanner.digits(exactly: 2),
              day >= 1, day <= CalendarDate.daysIn(month: month, year: year) else { return nil }
        let date = CalendarDate(year: year, month: month, day: day)
        if scanner.isAtEnd { return Instant.seconds(date, ClockTime(), offset: 0) }
        guard scanner.take("T"), let time = scanner.clockTime(secondsRequired: false),
              let offset = scanner.zoneOffset(allowsLowercaseZ: false), scanner.isAtEnd else { return nil }
        return Instant.seconds(date, time, offset: offset)
    }

    /// What is wrong with an RFC 822 date, or the instant it names.
    enum RFC822Reading: Equatable {
        case valid(Int64)
        case invalid
        /// Well-formed, but the weekday is not the one of the date (RFC 2822 §3.3 says it MUST be).
        case wrongWeekday(written: String, actual: String)
    }

    /// RFC 822 §5 `date-time` (with RFC 1123's four-digit years): `[day ","] 1*2DIGIT month
    /// (2DIGIT / 4DIGIT) hh:mm[:ss] zone`. Names are read in any case, as RFC 822 §3.4.7 allows.
    static func rfc822(_ text: Substring) -> RFC822Reading {
        var scanner = ByteScanner(text)
        var weekday: Int?
        var writtenWeekday = ""
        if let letters = scanner.letters(), !letters.isEmpty {
            guard let index = DateNames.weekdays.firstIndex(where: { $0.caseInsensitiveEquals(letters) }),
                  scanner.take(",") else { return .invalid }
            weekday = index
            writtenWeekday = letters
            scanner.skipSpaces()
        }
        guard let day = scanner.digits(min: 1, max: 2), scanner.skipSpaces() > 0,
              let monthName = scanner.letters(),
              let monthIndex = DateNames.months.firstIndex(where: { $0.caseInsensitiveEquals(monthName) }),
              scanner.skipSpaces() > 0 else { return .invalid }
        let yearStart = scanner.position
        guard var year = scanner.digits(min: 2, max: 4), scanner.position - yearStart != 3,
              scanner.skipSpaces() > 0 else { return .invalid }
        let twoDigitYear = scanner.position - yearStart < 4 && year < 100
        if twoDigitYear { year += year < 50 ? 2000 : 1900 }
        let month = monthIndex + 1
        guard day >= 1, day <= CalendarDate.daysIn(month: month, year: year),
              let hour = scanner.digits(exactly: 2), scanner.take(":"), let minute = scanner.digits(exactly: 2),
              hour < 24, minute < 60 else { return .invalid }
        var second = 0
        if scanner.take(":") {
            guard let s = scanner.digits(exactly: 2), s <= 60 else { return .invalid }
            second = s
        }
        guard scanner.skipSpaces() > 0, let offset = scanner.rfc822Zone() else { return .invalid }
        scanner.skipSpaces()
        guard scanner.isAtEnd else { return .invalid }
        let date = CalendarDate(year: year, month: month, day: day)
        if let weekday, !twoDigitYear {
            let actual = date.weekday
            if actual != weekday {
                return .wrongWeekday(written: writtenWeekday, actual: DateNames.weekdays[actual])
            }
        }
        return .valid(Instant.seconds(date, ClockTime(hour: hour, minute: minute, second: second), offset: offset))
    }
}

enum DateNames {
    /// Index 0 is Monday, as `CalendarDate.weekday` counts.
    static let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    /// RFC 822 §5.1 zone names with their offsets in minutes.
    static let zones: [String: Int] = [
        "UT": 0, "GMT": 0, "Z": 0, "EST": -300, "EDT": -240, "CST": -360, "CDT": -300,
        "MST": -420, "MDT": -360, "PST": -480, "PDT": -420,
    ]
}

struct CalendarDate {
    var year: Int
    var month: Int
    var day: Int

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 (Howard Hinnant's days-from-civil).
    var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// 0 is Monday.
    var weekday: Int {
        let days = daysSinceEpoch
        return ((days % 7) + 7 + 3) % 7   // 1970-01-01 was a Thursday
    }
}

struct ClockTime {
    var hour = 0
    var minute = 0
    var second = 0
}

enum Instant {
    static func seconds(_ date: CalendarDate, _ time: ClockTime, offset minutes: Int) -> Int64 {
        Int64(date.daysSinceEpoch) * 86_400 + Int64(time.hour * 3600 + time.minute * 60 + time.second)
            - Int64(minutes * 60)
    }
}

/// Reads ASCII tokens from a string's UTF-8, position by position.
struct ByteScanner {
    private let bytes: [UInt8]
    private(set) var position = 0

    init(_ text: Substring) {
        bytes = Array(text.utf8)
    }

    var isAtEnd: Bool { position >= bytes.count }

    mutating func take(_ character: Unicode.Scalar) -> Bool {
        guard position < bytes.count, bytes[position] == UInt8(ascii: character) else { return false }
        position += 1
        return true
    }

    @discardableResult
    mutating func skipSpaces() -> Int {
        let start = position
        while position < bytes.count, bytes[position] == 0x20 || bytes[position] == 0x09 { position += 1 }
        return position - start
    }

    mutating func digits(exactly count: Int) -> Int? {
        digits(min: count, max: count)
    }

    mutating func digits(min: Int, max: Int) -> Int? {
        var value = 0
        var n = 0
        while n < max, position < bytes.count, bytes[position] >= 0x30, bytes[position] <= 0x39 {
            value = value * 10 + Int(bytes[position] - 0x30)
            position += 1
            n += 1
        }
        if n < min { return nil }
        // more digits than allowed: not this token
        if position < bytes.count, bytes[position] >= 0x30, bytes[position] <= 0x39 { return nil }
        return value
    }

    mutating func letters() -> String? {
        let start = position
        while position < bytes.count, (bytes[position] | 0x20) >= 0x61, (bytes[position] | 0x20) <= 0x7A { position += 1 }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    mutating func calendarDate() -> CalendarDate? {
        guard let year = digits(exactly: 4), take("-"), let month = digits(exactly: 2), take("-"),
              let day = digits(exactly: 2), (1...12).contains(month), day >= 1,
              day <= CalendarDate.daysIn(month: month, year: year) else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }

    /// `hh:mm:ss[.fraction]`, or `hh:mm` too when seconds are optional. A leap second (60) is allowed.
    mutating func clockTime(secondsRequired: Bool) -> ClockTime? {
        guard let hour = digits(exactly: 2), take(":"), let minute = digits(exactly: 2), hour < 24, minute < 60 else { return nil }
        var time = ClockTime(hour: hour, minute: minute)
        if take(":") {
            guard let second = digits(exactly: 2), second <= 60 else { return nil }
            time.second = second
            if take(".") {
                guard let _ = digits(min: 1, max: 64) else { return nil }
            }
        } else if secondsRequired {
            return nil
        }
        return time
    }

    /// `Z` or `±hh:mm`, in minutes east of UTC.
    mutating func zoneOffset(allowsLowercaseZ: Bool) -> Int? {
        if take("Z") || (allowsLowercaseZ && take("z")) { return 0 }
        let negative: Bool
        if take("+") { negative = false } else if take("-") { negative = true } else { return nil }
        guard let hours = digits(exactly: 2), take(":"), let minutes = digits(exactly: 2), hours < 24, minutes < 60 else { return nil }
        return (negative ? -1 : 1) * (hours * 60 + minutes)
    }

    /// RFC 822 §5.1 `zone`: a name, a military letter, or `±hhmm`.
    mutating func rfc822Zone() -> Int? {
        if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
            let negative = bytes[position] == UInt8(ascii: "-")
            position += 1
            guard let hhmm = digits(exactly: 4), hhmm % 100 < 60 else { return nil }
            return (negative ? -1 : 1) * (hhmm / 100 * 60 + hhmm % 100)
        }
        guard let name = letters(), !name.isEmpty else { return nil }
        let upper = name.uppercased()
        if let minutes = DateNames.zones[upper] { return minutes }
        // military zones (RFC 822 gives their signs backwards, so only their existence is checked)
        if upper.count == 1, let letter = upper.unicodeScalars.first, letter != "J" { return 0 }
        return nil
    }
}

extension String {
    func caseInsensitiveEquals(_ other: String) -> Bool {
        guard utf8.count == other.utf8.count else { return false }
        return zip(utf8, other.utf8).allSatisfy { a, b in
            a == b || (a | 0x20 == b | 0x20 && (a | 0x20) >= 0x61 && (a | 0x20) <= 0x7A)
        }
    }
}
