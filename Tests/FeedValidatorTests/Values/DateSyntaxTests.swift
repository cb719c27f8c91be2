@testable import FeedValidator
import Testing

@Suite("Date syntaxes")
struct DateSyntaxTests {
    @Test(arguments: ["2003-12-13T18:30:02Z", "2003-12-13T18:30:02.25Z", "2003-12-13T18:30:02+01:00", "2016-12-31T23:59:60Z", "2024-02-29T00:00:00-05:30"])
    func rfc3339AcceptsDateTimes(_ text: String) {
        #expect(DateSyntax.rfc3339(text[...]) != nil)
    }

    @Test(arguments: ["2003-12-13", "2003-12-13T18:30Z", "2003-12-13t18:30:02z", "2003-12-13T18:30:02", "2023-02-29T00:00:00Z",
                      "2003-13-01T00:00:00Z", "2003-12-13T24:00:00Z", "2003-12-13 18:30:02Z", "2003-12-13T18:30:02+0100"])
    func rfc3339RejectsEverythingElse(_ text: String) {
        #expect(DateSyntax.rfc3339(text[...]) == nil)
    }

    @Test func rfc3339GivesTheInstantInUTC() {
        #expect(DateSyntax.rfc3339("1970-01-02T01:00:00+01:00") == 86_400)
    }

    @Test(arguments: ["2003", "2003-12", "2003-12-13", "2003-12-13T18:30Z", "2003-12-13T18:30:02+01:00", "2003-12-13T18:30:02.5Z"])
    func w3cdtfAcceptsItsSixShapes(_ text: String) {
        #expect(DateSyntax.w3cdtf(text[...]) != nil)
    }

    @Test(arguments: ["2003-12-13T18:30", "13 Dec 2003", "2003-1-13", "2003-12-13T18:30:02"])
    func w3cdtfRejectsTimesWithoutZoneAndOtherShapes(_ text: String) {
        #expect(DateSyntax.w3cdtf(text[...]) == nil)
    }

    @Test(arguments: ["Sat, 07 Sep 2002 09:42:31 GMT", "7 Sep 2002 09:42 +0200", "sat, 07 sep 02 09:42:31 pdt", "Sat, 07 Sep 2002 09:42:31 Z"])
    func rfc822AcceptsItsShapes(_ text: String) {
        guard case .valid = DateSyntax.rfc822(text[...]) else {
            Issue.record("\(text) was rejected")
            return
        }
    }

    @Test(arguments: ["2002-09-07T09:42:31Z", "Sat, 07 Sep 2002 9:42:31 GMT", "Sat, 07 September 2002 09:42:31 GMT",
                      "Sat, 07 Sep 2002 09:42:31", "Sat 07 Sep 2002 09:42:31 GMT", "Sat, 07 Sep 2002 09:42:31 CEST"])
    func rfc822RejectsOtherShapes(_ text: String) {
        #expect(DateSyntax.rfc822(text[...]) == .invalid)
    }

    @Test func rfc822NamesTheRightWeekday() {
        #expect(DateSyntax.rfc822("Mon, 07 Sep 2002 09:42:31 GMT") == .wrongWeekday(written: "Mon", actual: "Sat"))
    }
}

@Suite("Value syntaxes")
struct ValueSyntaxTests {
    @Test func irisAreAbsoluteRelativeOrInvalid() {
        #expect(ValueSyntax.iri("https://example.org/a?b=c#d") == .absolute(scheme: "https"))
        #expect(ValueSyntax.iri("tag:example.org,2024:x") == .absolute(scheme: "tag"))
        #expect(ValueSyntax.iri("http://[::1]:80/") == .absolute(scheme: "http"))
        #expect(ValueSyntax.iri("/a/b") == .relative)
        #expect(ValueSyntax.iri("http://ex.example/caf\u{e9}") == .absolute(scheme: "http"))
        for bad in ["http://ex.example/a b", "http://ex.example/%zz", "a#b#c", "1http://x", "http://ex.example/<b>", "/a[1]"] {
            if case .invalid = ValueSyntax.iri(bad) { continue }
            Issue.record("\(bad) was accepted")
        }
    }

    @Test func mediaTypesNeedTypeAndSubtype() {
        #expect(ValueSyntax.isMediaType("application/atom+xml"))
        #expect(ValueSyntax.isMediaType("text/html; charset=utf-8"))
        #expect(!ValueSyntax.isMediaType("html"))
        #expect(!ValueSyntax.isMediaType("text/"))
        #expect(!ValueSyntax.isMediaType("text/html; charset"))
    }

    @Test func rssPeopleAreAddressesWithAnOptionalName() {
        #expect(ValueSyntax.isRSSEmail("jane@example.org"))
        #expect(ValueSyntax.isRSSEmail("jane@example.org (Jane Doe)"))
        #expect(ValueSyntax.isRSSEmail("Jane Doe <jane@example.org>"))
        #expect(!ValueSyntax.isRSSEmail("Jane Doe"))
        #expect(!ValueSyntax.isRSSEmail("jane@example.org Jane"))
    }

    @Test func languageTagsFollowRFC3066() {
        #expect(ValueSyntax.isLanguageTag("en"))
        #expect(ValueSyntax.isLanguageTag("pt-BR"))
        #expect(ValueSyntax.isLanguageTag("x-klingon"))
        #expect(!ValueSyntax.isLanguageTag("en_US"))
        #expect(!ValueSyntax.isLanguageTag("english language"))
    }
}
