import FeedModel
import Testing

@Suite("Timestamp")
struct TimestampTests {
    @Test func formatsAsRFC3339InUTC() throws {
        let t = try #require(Timestamp(year: 2017, month: 1, day: 9, hour: 17, minute: 30, offsetMinutes: -5 * 60))
        #expect(t.rfc3339 == "2017-01-09T22:30:00Z")
    }

    @Test func keepsTheFractionOnlyWhenGiven() throws {
        let plain = try #require(Timestamp(year: 2003, month: 12, day: 31, hour: 10, minute: 14, second: 55))
        let fractional = try #require(Timestamp(year: 2003, month: 12, day: 31, hour: 10, minute: 14, second: 55,
                                                fractionDigits: "1234"))
        #expect(plain.rfc3339 == "2003-12-31T10:14:55Z")
        #expect(fractional.rfc3339 == "2003-12-31T10:14:55.1234Z")
    }

    @Test(arguments: [(2023, 2, 29), (2024, 13, 1), (2024, 4, 31), (2024, 0, 10)])
    func rejectsImpossibleCalendarDates(year: Int, month: Int, day: Int) {
        #expect(Timestamp(year: year, month: month, day: day) == nil)
    }

    @Test func acceptsTheLeapDay() {
        #expect(Timestamp(year: 2024, month: 2, day: 29)?.rfc3339 == "2024-02-29T00:00:00Z")
    }

    @Test func handlesDatesBefore1970() {
        #expect(Timestamp(year: 1969, month: 12, day: 31, hour: 23, minute: 59, second: 59)?.secondsSince1970 == -1)
    }

    @Test func readsItsOwnFormatBack() throws {
        let t = try #require(Timestamp(rfc3339: "2025-11-18T11:00:00.5+02:00"))
        #expect(t.rfc3339 == "2025-11-18T09:00:00.5Z")
        #expect(Timestamp(rfc3339: "2025-11-18 11:00") == nil)
    }

    @Test func ordersByMomentThenFraction() throws {
        let a = try #require(Timestamp(rfc3339: "2020-01-01T00:00:00Z"))
        let b = try #require(Timestamp(rfc3339: "2020-01-01T00:00:00.25Z"))
        let c = try #require(Timestamp(rfc3339: "2019-12-31T23:00:00-02:00"))
        #expect(a < b)
        #expect(b < c)
    }
}
