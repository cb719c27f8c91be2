import FeedModel

/// The two Korean shapes Korean blog hosts have published, both in Korean Standard Time
/// (UTC+09:00) unless a zone follows:
///
/// - Nate: `2004-05-25 오후 11:23:17`, with 오전 (AM) or 오후 (PM) before a 12-hour time;
/// - OnBlog: `2004년 05월 28일 01:31:15`, year 년, month 월 and day 일 (an AM/PM marker may come
///   before the time here too, and the time may be left out).
enum KoreanDateParser {
    /// Korea has kept UTC+09:00 all year since 1988.
    static let koreaStandardTimeMinutes = 9 * 60

    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Timestamp? {
        var scanner = DateScanner(bytes)
        var fields = DateFields()
        fields.offsetMinutes = koreaStandardTimeMinutes
        guard let year = scanner.readNumber(minDigits: 4, maxDigits: 4) else { return nil }
        fields.year = year
        let timeRequired: Bool
        if scanner.consume(ASCII.minus) {
            guard let month = scanner.readNumber(minDigits: 1, maxDigits: 2), scanner.consume(ASCII.minus),
                  let day = scanner.readNumber(minDigits: 1, maxDigits: 2) else { return nil }
            fields.month = month
            fields.day = day
            timeRequired = true
        } else if scanner.consume(yearMark) {
            scanner.skipWhitespace()
            guard let month = scanner.readNumber(minDigits: 1, maxDigits: 2), scanner.consume(monthMark) else { return nil }
            scanner.skipWhitespace()
            guard let day = scanner.readNumber(minDigits: 1, maxDigits: 2), scanner.consume(dayMark) else { return nil }
            fields.month = month
            fields.day = day
            timeRequired = false
        } else {
            return nil
        }

        let separated = scanner.skipWhitespace()
        if scanner.isAtEnd, !timeRequired { return fields.timestamp(in: scanner) }
        guard separated else { return nil }
        var afternoon: Bool?
        if scanner.consume(morningMark) {
            afternoon = false
        } else if scanner.consume(afternoonMark) {
            afternoon = true
        } else if timeRequired {
            return nil
        }
        if afternoon != nil { scanner.skipWhitespace() }

        guard let hour = scanner.readNumber(minDigits: 1, maxDigits: 2), scanner.consume(ASCII.colon),
              let minute = scanner.readNumber(minDigits: 1, maxDigits: 2) else { return nil }
        fields.minute = minute
        if scanner.consume(ASCII.colon) {
            guard let second = scanner.readNumber(minDigits: 1, maxDigits: 2) else { return nil }
            fields.second = second
        }
        if let afternoon {
            guard let converted = DateFields.twentyFourHour(fromTwelveHour: hour, afternoon: afternoon) else { return nil }
            fields.hour = converted
        } else {
            fields.hour = hour
        }

        if scanner.skipWhitespace(), !scanner.isAtEnd {
            guard let offset = TimeZoneNames.readZoneToEnd(&scanner) else { return nil }
            fields.offsetMinutes = offset
        }
        return scanner.isAtEnd ? fields.timestamp(in: scanner) : nil
    }

    private static let yearMark = Array("\u{B144}".utf8)             // 년
    private static let monthMark = Array("\u{C6D4}".utf8)            // 월
    private static let dayMark = Array("\u{C77C}".utf8)              // 일
    private static let morningMark = Array("\u{C624}\u{C804}".utf8)  // 오전
    private static let afternoonMark = Array("\u{C624}\u{D6C4}".utf8) // 오후
}
