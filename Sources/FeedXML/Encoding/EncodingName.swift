/// Canonical encoding names, their aliases, and how each encoding is decoded.
///
/// A canonical name is the lower-case IANA name that `feed parse` reports. Where a decoder
/// reads a superset of the named encoding (as the WHATWG Encoding Standard does: `iso-8859-1`
/// read as `windows-1252`, `euc-kr` as Microsoft's code page 949, `gb2312` as `gb18030`),
/// the name stays the one chosen; only ``canonical(_:)`` folds a declared `gb2312` or `gbk`
/// into `gb18030`, as the parsed-feed contract asks.
public enum EncodingName {
    /// The canonical name for a label from a Content-Type `charset` or an XML declaration
    /// (`"UTF8"`, `"latin1"`, `"x-sjis"`, `"csShiftJIS"`, …), or nil when the label names no
    /// encoding this package reads. `utf-16` and `utf-32` come back without a byte order:
    /// the document's bytes decide it.
    public static func canonical(_ label: String) -> String? {
        Registry.byLabel[labelKey(label)]?.name
    }

    /// Whether the encoding can be decoded on this machine (iconv may lack a converter).
    public static func isSupported(_ canonicalName: String) -> Bool {
        guard let entry = Registry.byName[canonicalName] else { return false }
        if case .iconv(let iconvName, _) = entry.decoder {
            return IconvConverter(from: iconvName, to: "UTF-8") != nil
        }
        return true
    }

    /// Letters and digits only, lower-cased: `ISO_8859-1`, `iso8859-1` and `iso-8859-1` are one label.
    static func labelKey(_ label: String) -> String {
        var key = ""
        for scalar in label.unicodeScalars {
            switch scalar.value {
            case 0x30...0x39, 0x61...0x7A: key.unicodeScalars.append(scalar)
            case 0x41...0x5A: key.unicodeScalars.append(Unicode.Scalar(scalar.value + 0x20) ?? scalar)
            default: continue
            }
        }
        return key
    }

    static func entry(_ canonicalName: String) -> EncodingEntry? {
        Registry.byName[canonicalName]
    }
}

/// How the bytes of an encoding are turned into UTF-8.
enum DecoderKind: Equatable {
    case utf8
    case ascii
    /// The hand-written windows-1252 table (also read for `iso-8859-1`).
    case windows1252
    /// A glibc iconv converter; EBCDIC converters map NEL (U+0085) to a line feed.
    case iconv(String, mapsNextLineToLineFeed: Bool)
}

/// The layout of ASCII characters in an encoding, as seen in a document's first bytes.
enum ByteLayout: Equatable {
    case asciiCompatible
    case utf16LittleEndian, utf16BigEndian
    case utf32LittleEndian, utf32BigEndian
    case ebcdic
    /// `utf-16` or `utf-32` before the document has told its byte order.
    case utf16UnknownOrder, utf32UnknownOrder
}

struct EncodingEntry {
    var name: String
    var decoder: DecoderKind
    var layout: ByteLayout
}

private enum Registry {
    static let entries: [(entry: EncodingEntry, aliases: [String])] = {
        var table: [(EncodingEntry, [String])] = [
            (ascii("utf-8", .utf8), ["utf8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8",
                                     "x-unicode20utf8", "csutf8"]),
            (ascii("us-ascii", .ascii), ["ascii", "ansi_x3.4-1968", "ansi_x3.4-1986", "iso-ir-6", "iso646-us",
                                         "iso_646.irv:1991", "us", "ibm367", "cp367", "csascii", "646"]),
            (ascii("iso-8859-1", .windows1252), ["iso8859-1", "iso_8859-1:1987", "latin1", "l1", "iso-ir-100",
                                                 "ibm819", "cp819", "csisolatin1", "8859-1"]),
            (ascii("windows-1252", .windows1252), ["cp1252", "x-cp1252", "ms-ansi"]),
            (EncodingEntry(name: "utf-16", decoder: .iconv("UTF-16", mapsNextLineToLineFeed: false),
                           layout: .utf16UnknownOrder),
             ["utf16", "u16", "ucs-2", "ucs2", "iso-10646-ucs-2", "csunicode", "unicode"]),
            (EncodingEntry(name: "utf-16le", decoder: .iconv("UTF-16LE", mapsNextLineToLineFeed: false),
                           layout: .utf16LittleEndian), ["csutf16le", "unicodefffe"]),
            (EncodingEntry(name: "utf-16be", decoder: .iconv("UTF-16BE", mapsNextLineToLineFeed: false),
                           layout: .utf16BigEndian), ["csutf16be", "unicodefeff"]),
            (EncodingEntry(name: "utf-32", decoder: .iconv("UTF-32", mapsNextLineToLineFeed: false),
                           layout: .utf32UnknownOrder),
             ["utf32", "u32", "ucs-4", "ucs4", "iso-10646-ucs-4", "csucs4"]),
            (EncodingEntry(name: "utf-32le", decoder: .iconv("UTF-32LE", mapsNextLineToLineFeed: false),
                           layout: .utf32LittleEndian), ["csutf32le"]),
            (EncodingEntry(name: "utf-32be", decoder: .iconv("UTF-32BE", mapsNextLineToLineFeed: false),
                           layout: .utf32BigEndian), ["csutf32be"]),
            (ascii("utf-7", "UTF-7"), ["csutf7", "unicode-1-1-utf-7"]),
            (ascii("koi8-r", "KOI8-R"), ["koi8", "cskoi8r"]),
            (ascii("koi8-u", "KOI8-U"), ["koi8-ru"]),
            (ascii("ibm866", "IBM866"), ["cp866", "866", "csibm866"]),
            (ascii("macintosh", "MACINTOSH"), ["mac", "macroman", "mac-roman", "x-mac-roman", "csmacintosh"]),
            (ascii("shift_jis", "CP932"), ["sjis", "s_jis", "x-sjis", "csshiftjis", "ms_kanji", "shiftjis"]),
            (ascii("windows-31j", "CP932"), ["cp932", "ms932", "x-ms-cp932", "ibm-943", "mskanji"]),
            (ascii("euc-jp", "EUC-JP"), ["eucjp", "x-euc-jp", "ujis", "u-jis", "cseucpkdfmtjapanese",
                                         "extended_unix_code_packed_format_for_japanese"]),
            (ascii("iso-2022-jp", "ISO-2022-JP"), ["csiso2022jp"]),
            (ascii("euc-kr", "CP949"), ["euckr", "x-euc-kr", "cseuckr", "ks_c_5601-1987", "ks_c_5601-1989",
                                        "ksc5601", "ksc_5601", "korean", "iso-ir-149", "csksc56011987",
                                        "windows-949", "cp949", "uhc"]),
            (ascii("gb18030", "GB18030"), ["gb2312", "gbk", "cp936", "ms936", "windows-936", "x-gbk", "csgb2312",
                                           "chinese", "iso-ir-58", "gb_2312-80", "gb2312-80", "csiso58gb231280",
                                           "euc-cn", "x-euc-cn", "csgbk"]),
            (ascii("big5", "BIG5-HKSCS"), ["big-5", "cn-big5", "x-x-big5", "csbig5", "cp950", "ms950"]),
            (ascii("big5-hkscs", "BIG5-HKSCS"), ["big5hkscs"]),
            (ascii("tis-620", "CP874"), ["cstis620"]),
            (ascii("iso-8859-11", "CP874"), ["iso8859-11"]),
            (ascii("windows-874", "CP874"), ["cp874", "x-cp874", "dos-874"]),
            (ascii("iso-8859-8-i", "ISO-8859-8"), ["csiso88598i", "logical"]),
            (ebcdic("ibm037", "IBM037"), ["cp037", "ebcdic-cp-us", "ebcdic-cp-ca", "ebcdic-cp-wt", "ebcdic-cp-nl",
                                          "csibm037", "037"]),
            (ebcdic("ibm500", "IBM500"), ["cp500", "ebcdic-cp-be", "ebcdic-cp-ch", "csibm500", "500"]),
            (ebcdic("ibm1047", "IBM1047"), ["cp1047", "1047"]),
        ]
        // The ISO 8859 parts and the Windows code pages follow one pattern each.
        let latinNames: [Int: [String]] = [
            2: ["latin2", "l2", "iso-ir-101", "csisolatin2"], 3: ["latin3", "l3", "iso-ir-109", "csisolatin3"],
            4: ["latin4", "l4", "iso-ir-110", "csisolatin4"], 5: ["cyrillic", "iso-ir-144", "csisolatincyrillic"],
            6: ["arabic", "iso-ir-127", "ecma-114", "asmo-708", "csisolatinarabic"],
            7: ["greek", "greek8", "iso-ir-126", "ecma-118", "elot_928", "csisolatingreek"],
            8: ["hebrew", "iso-ir-138", "csisolatinhebrew", "visual"], 9: ["latin5", "l5", "iso-ir-148", "csisolatin5"],
            10: ["latin6", "l6", "iso-ir-157", "csisolatin6"], 13: ["latin7", "l7"], 14: ["latin8", "l8", "iso-ir-199"],
            15: ["latin9", "l9", "latin-9"], 16: ["latin10", "l10", "iso-ir-226"],
        ]
        for part in [2, 3, 4, 5, 6, 7, 8, 9, 10, 13, 14, 15, 16] {
            table.append((ascii("iso-8859-\(part)", "ISO-8859-\(part)"),
                          ["iso8859-\(part)", "iso_8859-\(part)", "8859-\(part)"] + (latinNames[part] ?? [])))
        }
        for page in 1250...1258 where page != 1252 {
            table.append((ascii("windows-\(page)", "CP\(page)"), ["cp\(page)", "x-cp\(page)"]))
        }
        return table
    }()

    static let byName: [String: EncodingEntry] = Dictionary(
        entries.map { ($0.entry.name, $0.entry) }, uniquingKeysWith: { first, _ in first })

    static let byLabel: [String: EncodingEntry] = {
        var labels: [String: EncodingEntry] = [:]
        for (entry, aliases) in entries {
            for label in [entry.name] + aliases {
                labels[EncodingName.labelKey(label)] = labels[EncodingName.labelKey(label)] ?? entry
            }
        }
        return labels
    }()

    private static func ascii(_ name: String, _ decoder: DecoderKind) -> EncodingEntry {
        EncodingEntry(name: name, decoder: decoder, layout: .asciiCompatible)
    }

    private static func ascii(_ name: String, _ iconvName: String) -> EncodingEntry {
        EncodingEntry(name: name, decoder: .iconv(iconvName, mapsNextLineToLineFeed: false), layout: .asciiCompatible)
    }

    private static func ebcdic(_ name: String, _ iconvName: String) -> EncodingEntry {
        EncodingEntry(name: name, decoder: .iconv(iconvName, mapsNextLineToLineFeed: true), layout: .ebcdic)
    }
}

extension EncodingName {
    /// `gb2312` as recognised from the bytes: reported by that name, read by the gb18030 decoder.
    static let recognisedSimplifiedChinese = "gb2312"

    /// The entry for a name the recogniser reports, which may sit outside the alias table.
    static func decodingEntry(_ name: String) -> EncodingEntry? {
        if name == recognisedSimplifiedChinese {
            return EncodingEntry(name: name, decoder: .iconv("GB18030", mapsNextLineToLineFeed: false),
                                 layout: .asciiCompatible)
        }
        return entry(name)
    }
}
