import FeedModel

/// The calendar fields a date grammar has read, before they are checked and turned into a moment.
struct DateFields {
    var year = 0
    var month = 1
    var day = 1
    var hour = 0
    var minute = 0
    var second = 0
    /// Where the fraction-of-second digits sit in the input; empty when none were given.
    var fraction: Range<Int> = 0..<0
    /// Minutes east of UTC; a date that names no zone is UTC.
    var offsetMinutes = 0

    /// The moment these fields name, or nil when a field is out of range or the moment falls
    /// outside the years 1 to 9999 once shifted to UTC.
    func timestamp(in scanner: DateScanner) -> Timestamp? {
        guard (1...9999).contains(year),
              let stamp = Timestamp(year: year, month: month, day: day, hour: hour, minute: minute,
                                    second: second,
                                    fractionDigits: fraction.isEmpty ? "" : scanner.string(fraction),
                                    offsetMinutes: offsetMinutes),
              DateFields.supportedSeconds.contains(stamp.secondsSince1970)
        else { return nil }
        return stamp
    }

    /// Sets month and day from a day of the year (1 is January 1st); false when the year has no such day.
    mutating func setOrdinalDay(_ ordinal: Int) -> Bool {
        guard ordinal >= 1 else { return false }
        var remaining = ordinal
        for candidate in 1...12 {
            let length = Timestamp.daysIn(month: candidate, year: year)
            if remaining <= length {
                month = candidate
                day = remaining
                return true
            }
            remaining -= length
        }
        return false
    }

    /// 0001-01-01T00:00:00Z up to, not including, 10000-01-01T00:00:00Z: the years a four-digit
    /// year can print, and the range feedparser (Python's `datetime`) accepts.
    static let supportedSeconds: Range<Int64> = -62_135_596_800..<253_402_300_800

    /// The most a numeric zone offset may be, in minutes. Real zones stay within ±14 hours; ±18 is
    /// the widest offset date libraries accept, and anything beyond is a typo, not a place.
    static let maximumOffsetMinutes = 18 * 60

    /// Expands a one- or two-digit year. Web feeds began in the late 1990s, so 90–99 are the 1990s
    /// and 00–89 are this century (feedparser's rule for RFC 822 dates, used for every shape here
    /// so that "04" means 2004 whichever syntax carries it).
    static func expandTwoDigitYear(_ year: Int) -> Int {
        year < 90 ? 2000 + year : 1900 + year
    }

    /// Turns a 12-hour clock reading into a 24-hour one: 12 AM is midnight, 12 PM is noon.
    /// Nil for hours a 12-hour clock does not show.
    static func twentyFourHour(fromTwelveHour hour: Int, afternoon: Bool) -> Int? {
        guard (1...12).contains(hour) else { return nil }
        return (hour % 12) + (afternoon ? 12 : 0)
    }
}
