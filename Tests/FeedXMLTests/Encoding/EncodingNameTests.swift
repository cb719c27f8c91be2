import Testing
@testable import FeedXML

@Suite struct EncodingNameTests {
    @Test(arguments: [
        ("UTF8", "utf-8"), ("utf_8", "utf-8"), ("latin1", "iso-8859-1"), ("ISO_8859-1:1987", "iso-8859-1"),
        ("x-sjis", "shift_jis"), ("csShiftJIS", "shift_jis"), ("MS_Kanji", "shift_jis"), ("Windows-31J", "windows-31j"),
        ("cp932", "windows-31j"), ("cp1252", "windows-1252"), ("ASCII", "us-ascii"), ("ANSI_X3.4-1968", "us-ascii"),
        ("ujis", "euc-jp"), ("ks_c_5601-1987", "euc-kr"), ("KOI8-R", "koi8-r"), ("cp1255", "windows-1255"),
        ("TIS620", "tis-620"), ("greek", "iso-8859-7"), ("latin9", "iso-8859-15"), ("UTF-16LE", "utf-16le"),
        ("ebcdic-cp-us", "ibm037"), ("Big5", "big5"),
    ])
    func aliasesMapToTheirCanonicalName(label: String, canonical: String) {
        #expect(EncodingName.canonical(label) == canonical)
    }

    @Test func declaredGB2312AndGBKAreNamedGB18030() {
        #expect(EncodingName.canonical("gb2312") == "gb18030")
        #expect(EncodingName.canonical("GBK") == "gb18030")
        #expect(EncodingName.canonical("GB_2312-80") == "gb18030")
    }

    @Test func labelsIgnoreCaseSpacesAndPunctuation() {
        #expect(EncodingName.canonical(" Iso8859_2 ") == "iso-8859-2")
        #expect(EncodingName.canonical("SHIFT-JIS") == "shift_jis")
    }

    @Test func unknownLabelsHaveNoCanonicalName() {
        #expect(EncodingName.canonical("x-no-such-charset") == nil)
        #expect(EncodingName.canonical("") == nil)
        #expect(EncodingName.canonical("utf-9") == nil)
    }

    @Test func utf16AndUTF32WithoutByteOrderStayUnordered() {
        #expect(EncodingName.canonical("UTF-16") == "utf-16")
        #expect(EncodingName.canonical("u16") == "utf-16")
        #expect(EncodingName.canonical("ucs-4") == "utf-32")
    }

    @Test func everyListedEncodingIsSupportedHere() {
        for name in ["utf-8", "us-ascii", "iso-8859-1", "windows-1252", "utf-16le", "utf-32be", "shift_jis", "euc-jp",
                     "euc-kr", "gb18030", "big5", "tis-620", "windows-1255", "koi8-r", "iso-8859-7", "ibm037"] {
            #expect(EncodingName.isSupported(name), "\(name)")
        }
        #expect(!EncodingName.isSupported("x-no-such-charset"))
    }
}
