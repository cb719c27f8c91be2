import FeedModel
@testable import FeedParser
import Testing

/// UTF-8 escaped byte by byte (`&#195;&#169;` for `é`) is read again as UTF-8; genuine Latin-1
/// text is left alone.
@Suite("UTF-8 escaped as Latin-1")
struct DoubleEncodingTests {
    @Test func textEscapedByteByByteIsReadAgainAsUTF8() throws {
        let feed = try FixtureLoader.feed("recovery/utf-8-escaped-byte-by-byte.xml")
        #expect(feed.title?.value == "Café \u{201C}Society\u{201D}")
        #expect(try feed.entry(0).title?.value.hasSuffix("the naïve part") == true)
    }

    @Test func aGenuineLatin1ReferenceStaysAsWritten() throws {
        let feed = try FixtureLoader.feed("recovery/utf-8-escaped-byte-by-byte.xml")
        #expect(feed.subtitle?.value == "The menu of the café, written by hand.")
    }

    private func telltale(_ text: String) -> Bool {
        Array(text.utf8).withUnsafeBufferPointer(Windows1252.mayBeDoubleEncoded)
    }

    @Test func theTelltaleIsALeadCharacterFollowedByAContinuationCharacter() {
        #expect(telltale("Ã©"))        // C3 83 C2 A9: é read as Latin-1
        #expect(telltale("â€œ"))       // C3 A2 E2 82 AC: the start of “ read as windows-1252
        #expect(telltale("past eight ASCII bytes: naÃ¯ve"))
    }

    @Test func theLookGoesOnPastLeadCharactersThatStartNoTelltale() {
        #expect(telltale("Ã Ã©"))       // C3 83 20, then C3 83 C2 A9
        #expect(telltale("éÃ©"))        // C3 A9 is itself a lead character's form, then C3 83 C2 A9
        #expect(telltale("\u{C3}Ã©"))   // C3 83 C3 83 C2 A9: the second C3 starts the telltale
    }

    @Test func latin1TextWithoutTheTelltaleIsNotSuspected() {
        #expect(!telltale("café à la carte"))
        #expect(!telltale("Ã"))        // a lead character at the very end
        #expect(!telltale("Ã a"))      // followed by ASCII
        #expect(!telltale(""))
    }
}
