import FeedModel
@testable import FeedParser
import Testing

/// The RFC 822 family: RFC 822, 1123 and 2822 dates and the loose ways feeds write them.
@Suite struct RFC822DateTests {
    @Test(arguments: [
        ("Tue, 10 Jun 2003 04:00:00 GMT", "2003-06-10T04:00:00Z"),
        ("Tue, 10 Jun 2003 04:00:00 +0000", "2003-06-10T04:00:00Z"),
        ("10 Jun 2003 04:00:00 GMT", "2003-06-10T04:00:00Z"),
        ("Tue, 10 Jun 2003 04:00 GMT", "2003-06-10T04:00:00Z"),
        ("Tue, 3 Jun 2003 04:00:00 GMT", "2003-06-03T04:00:00Z"),
        ("Tue, 10 Jun 2003 4:5:6 GMT", "2003-06-10T04:05:06Z"),
        ("Tue, 10 Jun 2003", "2003-06-10T00:00:00Z"),
        ("Tue, 10 Jun 2003 04:00:00", "2003-06-10T04:00:00Z"),
        ("Tue, 10 Jun 2003 GMT", "2003-06-10T00:00:00Z"),
    ])
    func readsTheStandardShapeWithOrWithoutWeekdaySecondsTimeAndZone(input: String, expected: String) {
        #expect(FeedDateParser.parse(input)?.rfc3339 == expected)
    }

    /// Two-digit years: 90–99 are the 1990s, everything else this century.
    @Test(arguments: [
        ("Tue, 10 Jun 03 04:00:00 GMT", "2003-06-10T04:00:00Z"),
        ("Sat, 10 Jun 95 04:00:00 GMT", "1995-06-10T04:00:00Z"),
        ("Fri, 31 Dec 99 23:59:59 GMT", "1999-12-31T23:59:59Z"),
        ("Mon, 1 Jan 00 00:00:00 GMT", "2000-01-01T00:00:00Z"),
        ("Sat, 31 Dec 89 12:00:00 GMT", "2089-12-31T12:00:00Z"),
        ("Thu, 5 Mar 9 08:00:00 GMT", "2009-03-05T08:00:00Z"),
    ])
    func readsTwoDigitYearsWithAPivotAt1990(input: String, expected: String) {
        #expect(FeedDateParser.parse(input)?.rfc3339 == expected)
    }

    @Test(arguments: [
        ("Fri, 05 Mar 2010 12:00:00 GMT", "2010-03-05T12:00:00Z"),
        ("Fri, 05 Mar 2010 12:00:00 UT", "2010-03-05T12:00:00Z"),
        ("Fri, 05 Mar 2010 12:00:00 UTC", "2010-03-05T12:00:00Z"),
        ("Fri, 05 Mar 2010 12:00:00 Z", "2010-03-05T12:00:00Z"),
        ("Fri, 05 Mar 2010 12:00:00 EST", "2010-03-05T17:00:00Z"),
        ("Fri, 05 Mar 2010 12:00:00 EDT", "2010-03-05T16:00:00Z"),
        ("Fri, 05 Mar 2010 12:00:00 CST", "2010-03-05T18:00:00Z"),
        ("Fri, 05 Mar 2010 12:00:00 CDT", "2010-03-05T17:00:00Z"),
        ("Fri, 05 Mar 2010 12:00:00 MST", "2010-03-05T19:00:00Z"),
        ("Fri, 05 Mar 2010 12:00:00 MDT", "2010-03-05T18:00:00Z"),
        ("Fri, 05 Mar 2010 12:00:00 PST", "2010-03-05T20:00:00Z"),
        ("Fri, 05 Mar 2010 12:00:00 PDT", "2010-03-05T19:00:00Z"),
        ("Fri, 05 Mar 2010 12:00:00 PT", "2010-03-05T20:00:00Z"),
        ("Fri, 05 Mar 2010 12:00:00 ET", "2010-03-05T17:00:00Z"),
        ("Fri, 05 Mar 2010 12:00:00 AST", "2010-03-05T16:00:00Z"),
        ("Fri, 05 Mar 2010 12:00:00 CET", "2010-03-05T11:00:00Z"),
        ("Fri, 05 Mar 2010 12:00:00 CEST", "2010-03-05T10:00:00Z"),
        ("Fri, 05 Mar 2010 12:00:00 MET", "2010-03-05T11:00:00Z"),
        ("Fri, 05 Mar 2010 12:00:00 MEST", "2010-03-05T10:00:00Z"),
        ("Fri, 05 Mar 2010 12:00:00 BST", "2010-03-05T11:00:00Z"),
        ("Fri, 05 Mar 2010 12:00:00 EET", "2010-03-05T10:00:00Z"),
        ("Fri, 05 Mar 2010 12:00:00 MSK", "2010-03-05T09:00:00Z"),
        ("Fri, 05 Mar 2010 12:00:00 IST", "2010-03-05T06:30:00Z"),
        ("Fri, 05 Mar 2010 12:00:00 JST", "2010-03-05T03:00:00Z"),
        ("Fri, 05 Mar 2010 12:00:00 KST", "2010-03-05T03:00:00Z"),
        ("Fri, 05 Mar 2010 12:00:00 AEST", "2010-03-05T02:00:00Z"),
        ("Fri, 05 Mar 2010 12:00:00 NZDT", "2010-03-04T23:00:00Z"),
        ("Fri, 05 Mar 2010 12:00:00 HST", "2010-03-05T22:00:00Z"),
        ("Fri, 05 Mar 2010 12:00:00 akst", "2010-03-05T21:00:00Z"),
    ])
    func readsNamedZones(input: String, expected: String) {
        #expect(FeedDateParser.parse(input)?.rfc3339 == expected)
    }

    /// RFC 822's own signs: A–M (without J) are behind UTC, N–Y ahead.
    @Test(arguments: [
        ("Fri, 05 Mar 2010 12:00:00 A", "2010-03-05T13:00:00Z"),
        ("Fri, 05 Mar 2010 12:00:00 I", "2010-03-05T21:00:00Z"),
        ("Fri, 05 Mar 2010 12:00:00 K", "2010-03-05T22:00:00Z"),
        ("Fri, 05 Mar 2010 12:00:00 M", "2010-03-06T00:00:00Z"),
        ("Fri, 05 Mar 2010 12:00:00 N", "2010-03-05T11:00:00Z"),
        ("Fri, 05 Mar 2010 12:00:00 Y", "2010-03-05T00:00:00Z"),
        ("Fri, 05 Mar 2010 12:00:00 z", "2010-03-05T12:00:00Z"),
    ])
    func readsMilitaryZoneLetters(input: String, expected: String) {
        #expect(FeedDateParser.parse(input)?.rfc3339 == expected)
    }

    @Test(arguments: [
        ("Fri, 05 Mar 2010 12:00:00 +0130", "2010-03-05T10:30:00Z"),
        ("Fri, 05 Mar 2010 12:00:00 -0330", "2010-03-05T15:30:00Z"),
        ("Fri, 05 Mar 2010 12:00:00 +01:30", "2010-03-05T10:30:00Z"),
        ("Fri, 05 Mar 2010 12:00:00 -03:30", "2010-03-05T15:30:00Z"),
        ("Fri, 05 Mar 2010 12:00:00 +05", "2010-03-05T07:00:00Z"),
        ("Fri, 05 Mar 2010 12:00:00 -0000", "2010-03-05T12:00:00Z"),
        ("Fri, 05 Mar 2010 23:30:00 -0100", "2010-03-06T00:30:00Z"),
    ])
    func readsNumericOffsetsWithAndWithoutColon(input: String, expected: String) {
        #expect(FeedDateParser.parse(input)?.rfc3339 == expected)
    }

    /// `Etc/GMT±h` uses the POSIX sign: `Etc/GMT+5` is five hours behind UTC.
    @Test(arguments: [
        ("Fri, 05 Mar 2010 12:00:00 Etc/GMT", "2010-03-05T12:00:00Z"),
        ("Fri, 05 Mar 2010 12:00:00 Etc/UTC", "2010-03-05T12:00:00Z"),
        ("Fri, 05 Mar 2010 12:00:00 etc/gmt", "2010-03-05T12:00:00Z"),
        ("Fri, 05 Mar 2010 12:00:00 Etc/GMT-3", "2010-03-05T09:00:00Z"),
        ("Fri, 05 Mar 2010 12:00:00 Etc/GMT+5", "2010-03-05T17:00:00Z"),
    ])
    func readsEtcZonesWithTheirInvertedSign(input: String, expected: String) {
        #expect(FeedDateParser.parse(input)?.rfc3339 == expected)
    }

    @Test(arguments: [
        ("Fri, 05 Mar 2010 12:00:00 GMT+2", "2010-03-05T10:00:00Z"),
        ("Fri, 05 Mar 2010 12:00:00 UTC-05:00", "2010-03-05T17:00:00Z"),
        ("Fri, 05 Mar 2010 12:00:00 GMT+0530", "2010-03-05T06:30:00Z"),
        ("Fri, 05 Mar 2010 12:00:00 GMT-02:15", "2010-03-05T14:15:00Z"),
    ])
    func readsOffsetsWrittenAfterGMTOrUTC(input: String, expected: String) {
        #expect(FeedDateParser.parse(input)?.rfc3339 == expected)
    }

    /// The numeric offset counts; a comment or a zone name after it is only a label.
    @Test(arguments: [
        ("Fri, 05 Mar 2010 12:00:00 +0000 (UTC)", "2010-03-05T12:00:00Z"),
        ("Fri, 05 Mar 2010 12:00:00 -0500 (Eastern Standard Time)", "2010-03-05T17:00:00Z"),
        ("Fri, 05 Mar 2010 12:00:00 -0500 EST", "2010-03-05T17:00:00Z"),
        ("Fri, 05 Mar 2010 12:00:00 +0100 CET (Paris)", "2010-03-05T11:00:00Z"),
        ("Fri Mar 05 2010 12:00:00 GMT+0100 (CET)", "2010-03-05T11:00:00Z"),
    ])
    func readsCommentsAndLabelsAfterTheZone(input: String, expected: String) {
        #expect(FeedDateParser.parse(input)?.rfc3339 == expected)
    }

    @Test(arguments: [
        ("Fri 05 Mar 2010 12:00:00 GMT", "2010-03-05T12:00:00Z"),
        ("Fri,05 Mar 2010 12:00:00 GMT", "2010-03-05T12:00:00Z"),
        ("Fri,   05  Mar   2010  12:00:00    GMT", "2010-03-05T12:00:00Z"),
        ("Fri,\t05 Mar 2010\t12:00:00 GMT", "2010-03-05T12:00:00Z"),
        ("Fri, 05 Mar, 2010 12:00:00 GMT", "2010-03-05T12:00:00Z"),
        ("Fri, 05 Mar 2010, 12:00:00 GMT", "2010-03-05T12:00:00Z"),
        ("fri, 05 mar 2010 12:00:00 gmt", "2010-03-05T12:00:00Z"),
        ("FRI, 05 MAR 2010 12:00:00 GMT", "2010-03-05T12:00:00Z"),
        ("Fri., 05 Mar. 2010 12:00:00 GMT", "2010-03-05T12:00:00Z"),
        ("Friday, 05 March 2010 12:00:00 GMT", "2010-03-05T12:00:00Z"),
        ("Thurs, 09 Sept 2010 12:00:00 GMT", "2010-09-09T12:00:00Z"),
        ("Tues, 07 September 2010 12:00:00 GMT", "2010-09-07T12:00:00Z"),
        ("Friday, 05-Mar-10 12:00:00 GMT", "2010-03-05T12:00:00Z"),
        ("05-Mar-2010 12:00:00 GMT", "2010-03-05T12:00:00Z"),
    ])
    func toleratesTheBrokenFormsFeedsUse(input: String, expected: String) {
        #expect(FeedDateParser.parse(input)?.rfc3339 == expected)
    }

    @Test(arguments: [
        ("Fri Mar 5 2010 12:00:00 GMT", "2010-03-05T12:00:00Z"),
        ("Fri, Mar 05 2010 12:00:00 +0100", "2010-03-05T11:00:00Z"),
        ("Mar 05 2010 12:00:00", "2010-03-05T12:00:00Z"),
        ("March 5, 2010", "2010-03-05T00:00:00Z"),
        ("Friday, March 5, 2010 12:00 PM EST", "2010-03-05T17:00:00Z"),
    ])
    func readsTheMonthBeforeTheDay(input: String, expected: String) {
        #expect(FeedDateParser.parse(input)?.rfc3339 == expected)
    }

    @Test(arguments: [
        ("Fri, 05 Mar 2010 4:15 PM GMT", "2010-03-05T16:15:00Z"),
        ("Fri, 05 Mar 2010 4:15 am GMT", "2010-03-05T04:15:00Z"),
        ("Fri, 05 Mar 2010 12:30 AM GMT", "2010-03-05T00:30:00Z"),
        ("Fri, 05 Mar 2010 12:30 p.m. GMT", "2010-03-05T12:30:00Z"),
        ("Fri, 05 Mar 2010 11:59:59 PM", "2010-03-05T23:59:59Z"),
    ])
    func readsTwelveHourTimes(input: String, expected: String) {
        #expect(FeedDateParser.parse(input)?.rfc3339 == expected)
    }

    @Test func keepsFractionalSecondsAsGiven() {
        #expect(FeedDateParser.parse("Fri, 05 Mar 2010 12:00:00.250 GMT")?.fractionDigits == "250")
    }

    /// Feeds get the weekday wrong often enough that it must not decide anything.
    @Test func ignoresAWeekdayThatDoesNotMatchTheDate() {
        #expect(FeedDateParser.parse("Mon, 05 Mar 2010 12:00:00 GMT")?.rfc3339 == "2010-03-05T12:00:00Z")
    }

    @Test func readsFourDigitYearsBeforeTheYear1000() {
        #expect(FeedDateParser.parse("Sat, 01 Jan 0500 02:00:00 +0300")?.rfc3339 == "0499-12-31T23:00:00Z")
    }

    /// The layout most RSS dates have is read at fixed places; with a second space after the
    /// comma the same date takes the general reading. Both must give the same moment, or both none.
    @Test(arguments: [
        "Mon, 24 Nov 2025 03:27:29 -0500", "Mon, 4 Nov 2025 03:27:29 +0530", "mon, 24 NOV 2025 23:59:60 GMT",
        "Sun, 29 Feb 2024 12:00:00 UT", "Sat, 01 Jan 2000 00:00:00 Z", "Tue, 30 Feb 2025 10:00:00 +0000",
        "Wed, 10 Jun 2003 04:00:00 +1800", "Wed, 10 Jun 2003 04:00:00 +1801", "Wed, 10 Jun 2003 24:00:00 UTC",
        "Fri, 31 Dec 9999 23:59:59 -0100", "Thu, 10 Jun 2003 04:00:00 +0099",
    ])
    func theCommonLayoutReadsAsTheGeneralReadingDoes(input: String) {
        let general = input.replacingOccurrences(of: ", ", with: ",  ")
        #expect(FeedDateParser.parse(input) == FeedDateParser.parse(general), "\(input)")
    }
}
