import FeedModel
@testable import FeedParser
import Testing

/// Text that is no date, or an impossible one, gives nil: never a wrong date.
@Suite struct DateRejectionTests {
    @Test(arguments: [
        "2010-13-01", "2010-00-10", "2010-02-30", "2011-02-29", "2010-04-31", "2010-03-32", "2010-03-00",
        "2010-03-05T25:00:00Z", "2010-03-05T24:30:00Z", "2010-03-05T12:60:00Z", "2010-03-05T12:00:61Z",
        "2010-366", "2010-000", "2012-367", "0000-01-01",
        "Fri, 30 Feb 2010 12:00:00 GMT", "Fri, 32 Mar 2010 12:00:00 GMT", "Fri, 0 Mar 2010 12:00:00 GMT",
        "Fri, 05 Mar 2010 25:00:00 GMT", "Fri, 05 Mar 2010 12:75:00 GMT",
        "2010-03-05 \u{C624}\u{D6C4} 13:00:00", "2010-03-05 \u{C624}\u{C804} 0:30:00",
    ])
    func refusesImpossibleCalendarFields(input: String) {
        #expect(FeedDateParser.parse(input) == nil)
    }

    @Test(arguments: [
        "2010-03-05T12:00:00+19:00", "2010-03-05T12:00:00-01:60", "2010-03-05T12:00:00+1:0",
        "Fri, 05 Mar 2010 12:00:00 +2500", "Fri, 05 Mar 2010 12:00:00 -1975",
        "Fri, 05 Mar 2010 12:00:00 +00:7", "Fri, 05 Mar 2010 12:00:00 +123",
        "Fri, 05 Mar 2010 12:00:00 GMT+", "Fri, 05 Mar 2010 12:00:00 Etc/GMT+15",
        "2010-03-05T12:00:00+aa:00",
    ])
    func refusesImpossibleOffsets(input: String) {
        #expect(FeedDateParser.parse(input) == nil)
    }

    /// Guessing UTC for a zone we do not know would be wrong by hours.
    @Test(arguments: [
        "Fri, 05 Mar 2010 12:00:00 XYZ", "Fri, 05 Mar 2010 12:00:00 J",
        "Fri, 05 Mar 2010 12:00:00 America/New_York", "Fri, 05 Mar 2010 12:00:00 Etc/Berlin",
        "2010-03-05 12:00:00 Mars", "Fri, 05 Mar 2010 12:00:00 +0100 Foo",
    ])
    func refusesUnknownZoneNames(input: String) {
        #expect(FeedDateParser.parse(input) == nil)
    }

    /// Moments before year 1 or after year 9999 once shifted to UTC cannot be written as RFC 3339.
    @Test(arguments: ["9999-12-31T23:00:00-02:00", "0001-01-01T00:30:00+01:00", "Fri, 31 Dec 9999 23:00:00 EST"])
    func refusesMomentsOutsideTheFourDigitYears(input: String) {
        #expect(FeedDateParser.parse(input) == nil)
    }

    /// Without a year the date would depend on the day the feed is read.
    @Test(arguments: ["--03-05", "---05", "-064", "--03", "12:00:00", "T12:00:00Z"])
    func refusesIsoFormsWithoutAYear(input: String) {
        #expect(FeedDateParser.parse(input) == nil)
    }

    /// Bare numbers: only four digits (a year), seven or eight (YYYYDDD, YYYYMMDD), or five or
    /// six with a leading zero (YYDDD, YYMMDD) are read as dates.
    @Test(arguments: ["1", "20", "123", "12345", "54321", "123456", "991231", "201003051", "1267790400"])
    func refusesBareNumbersThatAreNotDates(input: String) {
        #expect(FeedDateParser.parse(input) == nil)
    }

    @Test(arguments: [
        "2010-03-05T12:00:00Z trailing", "2010-03-05-01", "2010-03-05T12:00:00+01:00T", "2010-03-05X",
        "2010-03-", "2010--03", "2010-xx-05", "2010-03-05T12:xx:00Z", "2010-03-05T12:00:00.Z",
        "2010-03-05T", "2010-03-05T12:00:00ZZ", "201-03-05", "20100-03-05", "10-03", "2010-03-05 12",
    ])
    func refusesMalformedIsoDates(input: String) {
        #expect(FeedDateParser.parse(input) == nil)
    }

    @Test(arguments: [
        "Fri, 05 Foo 2010 12:00:00 GMT", "Fri, Mar x 2010 12:00:00 GMT", "Fri, 05 Mar xx 12:00:00 GMT",
        "Fri, 05 Mar 210 12:00:00 GMT", "Fri, 05 Mar 20100 12:00:00 GMT", "Fri, 05 Mar 2010 1:2:3:4 GMT",
        "Fri, 05 Mar 2010 12 GMT", "Fri, 05 Mar 2010 12:00:00 GMT extra", "Fri, 05 Mar 2010 12:00:00 GMT GMT",
        "Fri, 05 Mar 2010 12:00:00 +0000 (UTC", "Fryday, 05 Mar 2010 12:00:00 GMT", "Fri, Mar 2010",
        "05 Mar", "Fri, 05 Mar 2010 12:00:00 13:00:00", "Fri, 05 Mar 2010 13:00 PM", "Fri Mar 5 12:00:00 2010 GMT",
        "FriMar 05 2010", "Fri, 005 Mar 2010",
    ])
    func refusesMalformedRFC822Dates(input: String) {
        #expect(FeedDateParser.parse(input) == nil)
    }

    @Test(arguments: ["", " ", "\n\t", "yesterday", "now", "N/A", "-", "T", "Z", "GMT", "Fri", "March", "0", "\u{0}", "\u{FFFD}\u{FFFD}"])
    func refusesTextThatIsNoDate(input: String) {
        #expect(FeedDateParser.parse(input) == nil)
    }
}
