import FeedModel
@testable import FeedParser
import Testing

/// The shapes around RFC 822 and ISO 8601: asctime, Perforce, Greek, Hungarian and Korean dates.
@Suite struct OtherDateShapeTests {
    /// asctime (C's `asctime`, Unix `date`): month first, year last, a zone may sit before the year.
    @Test(arguments: [
        ("Fri Mar  5 12:00:00 2010", "2010-03-05T12:00:00Z"),
        ("Fri Mar 05 12:00:00 2010", "2010-03-05T12:00:00Z"),
        ("Fri Mar 5 12:00:00 CET 2010", "2010-03-05T11:00:00Z"),
        ("Fri Mar 05 12:00:00 -0800 2010", "2010-03-05T20:00:00Z"),
        ("Tue Nov 30 23:45:10 +0200 2010", "2010-11-30T21:45:10Z"),
        ("Mar 5 12:00:00 2010", "2010-03-05T12:00:00Z"),
    ])
    func readsAsctimeDates(input: String, expected: String) {
        #expect(FeedDateParser.parse(input)?.rfc3339 == expected)
    }

    @Test(arguments: [
        ("Fri, 2010/03/05 12:00:00 PST", "2010-03-05T20:00:00Z"),
        ("Fri, 2010/3/5 12:00 EST", "2010-03-05T17:00:00Z"),
        ("2010/03/05 12:00:00 GMT", "2010-03-05T12:00:00Z"),
        ("Fri, 2010-03-05 12:00:00 +0100", "2010-03-05T11:00:00Z"),
    ])
    func readsYearFirstNumericDatesAfterAWeekday(input: String, expected: String) {
        #expect(FeedDateParser.parse(input)?.rfc3339 == expected)
    }

    @Test(arguments: [
        ("\u{03A0}\u{03B1}\u{03C1}, 05 \u{039C}\u{03B1}\u{03C1} 2010 12:00:00 GMT", "2010-03-05T12:00:00Z"),
        ("\u{0394}\u{03B5}\u{03C5}, 20 \u{0394}\u{03B5}\u{03BA} 2010 08:30:00 EET", "2010-12-20T06:30:00Z"),
        ("\u{03A3}\u{03AC}\u{03B2}, 14 \u{0391}\u{03CD}\u{03B3} 2010 10:00:00 +0300", "2010-08-14T07:00:00Z"),
        ("\u{03A4}\u{03C1}\u{03B9}, 08 \u{0399}\u{03BF}\u{03CD}\u{03BD} 2010 00:15:00 PST", "2010-06-08T08:15:00Z"),
        ("\u{03A4}\u{03B5}\u{03C4}, 03 \u{039D}\u{03BF}\u{03AD} 2010 18:00:00 GMT", "2010-11-03T18:00:00Z"),
    ])
    func readsGreekDayAndMonthNames(input: String, expected: String) {
        #expect(FeedDateParser.parse(input)?.rfc3339 == expected)
    }

    @Test(arguments: [
        ("2010-m\u{E1}rcius-5T12:00+01:00", "2010-03-05T11:00:00Z"),
        ("2010-december-24T8:05-02:00", "2010-12-24T10:05:00Z"),
        ("2011-szeptember-01T23:59:30+00:00", "2011-09-01T23:59:30Z"),
        ("2011-okt\u{F3}ber-15", "2011-10-15T00:00:00Z"),
        ("2011-Jan-15T10:00Z", "2011-01-15T10:00:00Z"),
    ])
    func readsIsoDatesWithTheMonthWrittenAsAName(input: String, expected: String) {
        #expect(FeedDateParser.parse(input)?.rfc3339 == expected)
    }

    /// Nate: 오전 (AM) / 오후 (PM) before a 12-hour time, Korea Standard Time (UTC+9).
    @Test(arguments: [
        ("2010-03-05 \u{C624}\u{C804} 9:15:00", "2010-03-05T00:15:00Z"),
        ("2010-03-05 \u{C624}\u{D6C4} 9:00:00", "2010-03-05T12:00:00Z"),
        ("2010-03-05 \u{C624}\u{D6C4} 12:00:00", "2010-03-05T03:00:00Z"),
        ("2010-03-05 \u{C624}\u{C804} 12:05:00", "2010-03-04T15:05:00Z"),
        ("2010-03-05 \u{C624}\u{D6C4} 3:30", "2010-03-05T06:30:00Z"),
    ])
    func readsKoreanNateDates(input: String, expected: String) {
        #expect(FeedDateParser.parse(input)?.rfc3339 == expected)
    }

    /// OnBlog: 년 (year), 월 (month), 일 (day), Korea Standard Time.
    @Test(arguments: [
        ("2010\u{B144} 03\u{C6D4} 05\u{C77C} 21:00:00", "2010-03-05T12:00:00Z"),
        ("2010\u{B144} 3\u{C6D4} 5\u{C77C}", "2010-03-04T15:00:00Z"),
        ("2010\u{B144}03\u{C6D4}05\u{C77C}  08:00:00", "2010-03-04T23:00:00Z"),
        ("2010\u{B144} 3\u{C6D4} 5\u{C77C} \u{C624}\u{D6C4} 1:31", "2010-03-05T04:31:00Z"),
    ])
    func readsKoreanOnBlogDates(input: String, expected: String) {
        #expect(FeedDateParser.parse(input)?.rfc3339 == expected)
    }
}
