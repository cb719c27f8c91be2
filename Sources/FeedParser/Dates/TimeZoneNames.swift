/// Zones as feeds write them: numeric offsets, abbreviations, `GMT+2`, `Etc/GMT-3`, military letters.
///
/// A zone we cannot read makes the whole date unreadable: guessing UTC for an unknown name would
/// give a moment that is wrong by hours, and a wrong date is worse than none.
enum TimeZoneNames {
    /// Abbreviations seen in feeds, in minutes east of UTC.
    ///
    /// Where one abbreviation names several zones, the one feeds mean most often wins: `CST` and
    /// `AST` are North American (as in RFC 822 and feedparser), `BST` is British Summer Time, `IST`
    /// is India Standard Time. `AT`, `ET`, `CT`, `MT`, `PT` are the zone names without S/D that some
    /// publishers write; they are read as standard time, as feedparser reads them. `MET`/`MEST` are
    /// the older names of CET/CEST. Names longer than eight letters are not abbreviations.
    static let abbreviations: [(name: String, minutes: Int)] = [
        ("ut", 0), ("utc", 0), ("uct", 0), ("gmt", 0), ("zulu", 0), ("wet", 0), ("wez", 0),
        ("west", 60), ("wesz", 60), ("bst", 60), ("cet", 60), ("met", 60), ("mez", 60), ("wat", 60),
        ("cest", 120), ("mest", 120), ("mesz", 120), ("eet", 120), ("oez", 120), ("sast", 120),
        ("cat", 120),
        ("eest", 180), ("oesz", 180), ("msk", 180), ("eat", 180),
        ("msd", 240), ("pkt", 300), ("ist", 330), ("npt", 345), ("ict", 420), ("wib", 420),
        ("hkt", 480), ("sgt", 480), ("pht", 480), ("awst", 480),
        ("jst", 540), ("kst", 540), ("acst", 570), ("aest", 600), ("acdt", 630), ("aedt", 660),
        ("nzst", 720), ("nzdt", 780),
        ("nst", -210), ("ndt", -150),
        ("adt", -180), ("ast", -240), ("at", -240), ("brt", -180), ("brst", -120), ("art", -180),
        ("edt", -240), ("est", -300), ("et", -300),
        ("cdt", -300), ("cst", -360), ("ct", -360),
        ("mdt", -360), ("mst", -420), ("mt", -420),
        ("pdt", -420), ("pst", -480), ("pt", -480),
        ("akdt", -480), ("akst", -540), ("hdt", -540), ("hst", -600),
    ]

    /// The abbreviations keyed by their letters packed into an integer, sorted for binary search.
    private static let packedAbbreviations: [(key: UInt64, minutes: Int)] = abbreviations
        .map { entry in
            (entry.name.utf8.reduce(UInt64(0)) { ($0 << 8) | UInt64($1) }, entry.minutes)
        }
        .sorted { $0.key < $1.key }

    /// The offset of a zone abbreviation (ASCII letters, any case), or nil when it is not one we know.
    static func offsetMinutes(abbreviation range: Range<Int>, in scanner: DateScanner) -> Int? {
        guard (1...8).contains(range.count) else { return nil }
        if range.count == 1 { return militaryOffsetMinutes(scanner.bytes[range.lowerBound]) }
        var key: UInt64 = 0
        for index in range {
            let byte = scanner.bytes[index]
            guard ASCII.isLetter(byte) else { return nil }
            key = (key << 8) | UInt64(byte | 0x20)
        }
        let table = packedAbbreviations
        var low = 0
        var high = table.count
        while low < high {
            let middle = (low + high) / 2
            if table[middle].key < key { low = middle + 1 } else { high = middle }
        }
        return low < table.count && table[low].key == key ? table[low].minutes : nil
    }

    /// The military single-letter zones, with the signs RFC 822 gives them (A is UTC-1, N is
    /// UTC+1), which is also how feedparser reads them. RFC 1123 notes that real military usage has
    /// the opposite signs; the RFC's reading is kept because it is what feed generators implement.
    /// `J` (the observer's local time) names no offset and is refused.
    static func militaryOffsetMinutes(_ letter: UInt8) -> Int? {
        let lower = ASCII.lowercased(letter)
        switch lower {
        case UInt8(ascii: "z"): return 0
        case UInt8(ascii: "a")...UInt8(ascii: "i"): return -Int(lower - UInt8(ascii: "a") + 1) * 60
        case UInt8(ascii: "k")...UInt8(ascii: "m"): return -Int(lower - UInt8(ascii: "k") + 10) * 60
        case UInt8(ascii: "n")...UInt8(ascii: "y"): return Int(lower - UInt8(ascii: "n") + 1) * 60
        default: return nil
        }
    }

    /// Reads a signed offset: `+hhmm`, `+hh:mm`, `+hh`, or `+h` and `+h:mm` (as in `GMT+1`).
    static func readNumericOffset(_ scanner: inout DateScanner) -> Int? {
        let sign = scanner.peek()
        guard sign == ASCII.plus || sign == ASCII.minus else { return nil }
        scanner.advance()
        var hours = 0
        var minutes = 0
        switch scanner.digitRunLength(limit: 5) {
        case 4:
            hours = scanner.readDigits(2)
            minutes = scanner.readDigits(2)
        case let run where run == 1 || run == 2:
            hours = scanner.readDigits(run)
            if scanner.consume(ASCII.colon) {
                guard let readMinutes = scanner.readNumber(minDigits: 2, maxDigits: 2) else { return nil }
                minutes = readMinutes
            }
        default:
            return nil
        }
        guard minutes < 60 else { return nil }
        let total = hours * 60 + minutes
        guard total <= DateFields.maximumOffsetMinutes else { return nil }
        return sign == ASCII.minus ? -total : total
    }

    /// Reads one zone at the cursor, in any form feeds use; nil when there is none we can read.
    static func readZone(_ scanner: inout DateScanner) -> Int? {
        let first = scanner.peek()
        if first == ASCII.plus || first == ASCII.minus { return readNumericOffset(&scanner) }
        let word = scanner.readASCIIWord()
        guard !word.isEmpty else { return nil }
        if scanner.matches(word, etc), scanner.consume(ASCII.slash) {
            return readEtcZone(&scanner)
        }
        let sign = scanner.peek()
        if sign == ASCII.plus || sign == ASCII.minus {
            // "GMT+2", "UTC-05:00": an offset written after the name of UTC.
            guard isUniversalTime(word, in: scanner) else { return nil }
            return readNumericOffset(&scanner)
        }
        return offsetMinutes(abbreviation: word, in: scanner)
    }

    /// Reads the rest of `Etc/GMT`, `Etc/UTC` or `Etc/GMT±h`. In these tz database names the sign is
    /// POSIX-style, the reverse of ISO 8601: `Etc/GMT+5` is five hours *behind* UTC.
    private static func readEtcZone(_ scanner: inout DateScanner) -> Int? {
        let name = scanner.readASCIIWord()
        guard isUniversalTime(name, in: scanner) else { return nil }
        let sign = scanner.peek()
        guard sign == ASCII.plus || sign == ASCII.minus else { return 0 }
        scanner.advance()
        guard let hours = scanner.readNumber(minDigits: 1, maxDigits: 2), hours <= 14 else { return nil }
        return sign == ASCII.plus ? -hours * 60 : hours * 60
    }

    /// Reads a zone that ends the date, with what may follow it: a parenthesised comment as RFC 2822
    /// allows (`+0000 (UTC)`), or the name of the zone after its offset (`-0500 EST`), in which case
    /// the offset is what counts. The cursor must end at the end of the text.
    static func readZoneToEnd(_ scanner: inout DateScanner) -> Int? {
        let isNumeric = scanner.peek() == ASCII.plus || scanner.peek() == ASCII.minus
        guard let offset = readZone(&scanner) else { return nil }
        var labelAllowed = isNumeric
        var commentAllowed = true
        while true {
            let skipped = scanner.skipWhitespace()
            if scanner.isAtEnd { return offset }
            guard skipped || scanner.peek() == ASCII.openParenthesis else { return nil }
            if commentAllowed, scanner.consume(ASCII.openParenthesis) {
                while !scanner.isAtEnd, scanner.peek() != ASCII.closeParenthesis { scanner.advance() }
                guard scanner.consume(ASCII.closeParenthesis) else { return nil }
                commentAllowed = false
                labelAllowed = false
            } else if labelAllowed {
                let label = scanner.readASCIIWord()
                guard label.count > 1, offsetMinutes(abbreviation: label, in: scanner) != nil else { return nil }
                labelAllowed = false
            } else {
                return nil
            }
        }
    }

    private static func isUniversalTime(_ word: Range<Int>, in scanner: DateScanner) -> Bool {
        scanner.matches(word, gmt) || scanner.matches(word, utc) || scanner.matches(word, ut)
            || scanner.matches(word, uct) || scanner.matches(word, zulu) || scanner.matches(word, universal)
            || scanner.matches(word, greenwich)
    }

    private static let etc = Array("etc".utf8)
    private static let gmt = Array("gmt".utf8)
    private static let utc = Array("utc".utf8)
    private static let ut = Array("ut".utf8)
    private static let uct = Array("uct".utf8)
    private static let zulu = Array("zulu".utf8)
    private static let universal = Array("universal".utf8)
    private static let greenwich = Array("greenwich".utf8)
}
