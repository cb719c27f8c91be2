import FeedModel
@testable import FeedParser
import Testing

/// ISO 8601 as feeds write it: RFC 3339, W3C-DTF, and the older and looser forms.
@Suite struct ISO8601DateTests {
    @Test(arguments: [
        ("2010-03-05T12:00:00Z", "2010-03-05T12:00:00Z"),
        ("2010-03-05t12:00:00z", "2010-03-05T12:00:00Z"),
        ("2010-03-05T12:00:00+01:00", "2010-03-05T11:00:00Z"),
        ("2010-03-05T12:00:00-05:30", "2010-03-05T17:30:00Z"),
        ("2010-03-05T22:00:00-03:00", "2010-03-06T01:00:00Z"),
        ("2010-03-05T12:00:00+00:00", "2010-03-05T12:00:00Z"),
        ("2010-03-05T12:00:00-00:00", "2010-03-05T12:00:00Z"),
    ])
    func readsRFC3339(input: String, expected: String) {
        #expect(FeedDateParser.parse(input)?.rfc3339 == expected)
    }

    @Test(arguments: [
        ("2010-03-05T12:00:00.5Z", "5"),
        ("2010-03-05T12:00:00.1230Z", "1230"),
        ("2010-03-05T12:00:00.123456789+02:00", "123456789"),
        ("2010-03-05T12:00:00,25Z", "25"),
        ("2010-03-05 12:00:00.0", "0"),
        ("20100305T120000.75Z", "75"),
        ("2010-03-05T12:00:00Z", ""),
    ])
    func keepsTheFractionDigitsTheFeedGave(input: String, fraction: String) {
        #expect(FeedDateParser.parse(input)?.fractionDigits == fraction)
    }

    @Test func shiftsAFractionalTimeByItsOffsetWithoutTouchingTheFraction() {
        #expect(FeedDateParser.parse("2010-03-05T23:59:59.999-01:00")?.rfc3339 == "2010-03-06T00:59:59.999Z")
    }

    /// W3C-DTF's reduced precisions: year, year-month, date, date and time without seconds.
    @Test(arguments: [
        ("2010", "2010-01-01T00:00:00Z"),
        ("2010-03", "2010-03-01T00:00:00Z"),
        ("2010-03-05", "2010-03-05T00:00:00Z"),
        ("2010-03-05T12:00Z", "2010-03-05T12:00:00Z"),
        ("2010-03-05T12:00+02:00", "2010-03-05T10:00:00Z"),
        ("2010-03-05T12Z", "2010-03-05T12:00:00Z"),
        ("2010-03-05T12:00", "2010-03-05T12:00:00Z"),
    ])
    func readsReducedPrecision(input: String, expected: String) {
        #expect(FeedDateParser.parse(input)?.rfc3339 == expected)
    }

    @Test(arguments: [
        ("2010-03-05 12:00:00", "2010-03-05T12:00:00Z"),
        ("2010-03-05  12:00:00", "2010-03-05T12:00:00Z"),
        ("2010-03-05 12:00:00 -02:00", "2010-03-05T14:00:00Z"),
        ("2010-03-05 12:00:00+0200", "2010-03-05T10:00:00Z"),
        ("2010-03-05 12:00:00 EST", "2010-03-05T17:00:00Z"),
        ("2010-03-05 12:00:00 UTC", "2010-03-05T12:00:00Z"),
        ("2010-03-05 12:00:00 Z", "2010-03-05T12:00:00Z"),
        ("2010-03-05 12:00", "2010-03-05T12:00:00Z"),
    ])
    func readsASpaceInPlaceOfTheT(input: String, expected: String) {
        #expect(FeedDateParser.parse(input)?.rfc3339 == expected)
    }

    @Test(arguments: [
        ("2010-03-05T12:00:00+0100", "2010-03-05T11:00:00Z"),
        ("2010-03-05T12:00:00+01", "2010-03-05T11:00:00Z"),
        ("2010-03-05T12:00:00-0945", "2010-03-05T21:45:00Z"),
    ])
    func readsOffsetsWithoutColonOrMinutes(input: String, expected: String) {
        #expect(FeedDateParser.parse(input)?.rfc3339 == expected)
    }

    @Test(arguments: [
        ("20100305", "2010-03-05T00:00:00Z"),
        ("20100305T120000Z", "2010-03-05T12:00:00Z"),
        ("20100305T1200Z", "2010-03-05T12:00:00Z"),
        ("20100305T120000+0100", "2010-03-05T11:00:00Z"),
        ("20100305t120000z", "2010-03-05T12:00:00Z"),
        ("20100305T12:00:00Z", "2010-03-05T12:00:00Z"),
    ])
    func readsBasicForms(input: String, expected: String) {
        #expect(FeedDateParser.parse(input)?.rfc3339 == expected)
    }

    @Test(arguments: [
        ("2010-064", "2010-03-05T00:00:00Z"),
        ("2010064", "2010-03-05T00:00:00Z"),
        ("2012-366", "2012-12-31T00:00:00Z"),
        ("2012-060", "2012-02-29T00:00:00Z"),
        ("2010-001T08:30:00Z", "2010-01-01T08:30:00Z"),
    ])
    func readsOrdinalDates(input: String, expected: String) {
        #expect(FeedDateParser.parse(input)?.rfc3339 == expected)
    }

    /// ISO 8601:1988's two-digit years, with the same 1990 pivot as RFC 822 dates.
    @Test(arguments: [
        ("090305", "2009-03-05T00:00:00Z"),
        ("09-03-05", "2009-03-05T00:00:00Z"),
        ("09064", "2009-03-05T00:00:00Z"),
        ("09-064", "2009-03-05T00:00:00Z"),
        ("-0903", "2009-03-01T00:00:00Z"),
        ("-09-03", "2009-03-01T00:00:00Z"),
        ("-09", "2009-01-01T00:00:00Z"),
        ("95-12-31", "1995-12-31T00:00:00Z"),
        ("09-03-05T10:00:00Z", "2009-03-05T10:00:00Z"),
        ("100305T10:00Z", "2010-03-05T10:00:00Z"),
    ])
    func readsTwoDigitYearForms(input: String, expected: String) {
        #expect(FeedDateParser.parse(input)?.rfc3339 == expected)
    }

    @Test(arguments: [
        ("2010-003-05T12:00:00Z", "2010-03-05T12:00:00Z"),
        ("2010-011-30", "2010-11-30T00:00:00Z"),
    ])
    func readsGooglesThreeDigitMonth(input: String, expected: String) {
        #expect(FeedDateParser.parse(input)?.rfc3339 == expected)
    }

    @Test(arguments: [
        ("2010-3-5", "2010-03-05T00:00:00Z"),
        ("2010-3", "2010-03-01T00:00:00Z"),
        ("2010-03-05T12:00:00+1:00", "2010-03-05T11:00:00Z"),
        ("2010-03-05T9:05Z", "2010-03-05T09:05:00Z"),
        ("2010-03-05T09:5:7Z", "2010-03-05T09:05:07Z"),
    ])
    func toleratesOneDigitFieldsBetweenSeparators(input: String, expected: String) {
        #expect(FeedDateParser.parse(input)?.rfc3339 == expected)
    }

    @Test(arguments: [
        ("2010-03-05T24:00:00Z", "2010-03-06T00:00:00Z"),
        ("2008-12-31T23:59:60Z", "2009-01-01T00:00:00Z"),
        ("2008-02-28T23:00:00-02:00", "2008-02-29T01:00:00Z"),
        ("2100-02-28T23:00:00-02:00", "2100-03-01T01:00:00Z"),
    ])
    func readsEndOfDayLeapSecondsAndLeapYearRollovers(input: String, expected: String) {
        #expect(FeedDateParser.parse(input)?.rfc3339 == expected)
    }
}
