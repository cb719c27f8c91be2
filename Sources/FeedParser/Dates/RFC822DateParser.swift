import FeedModel

/// The RFC 822 family and the human-written shapes around it:
///
/// - RFC 822/1123/2822: `[Wed,] 02 Oct 2002 [13:00[:00]] [zone]`, two- or four-digit years,
///   comments after the zone (`+0000 (UTC)`);
/// - the same with the month first (`Thu Aug 30 2012 17:26:16 +0200`, `Aug 30, 2012 5:26 PM`);
/// - RFC 850 (`Sunday, 06-Nov-94 08:49:37 GMT`);
/// - asctime and Unix `date` (`Sun Jan  4 16:29:06 [+0000|PST] 2004`);
/// - Perforce's `Fri, 2006/09/15 08:19:53 EDT` (and `-` in place of `/`);
/// - Greek day and month names in any of these.
///
/// Commas and runs of spaces are tolerated wherever a separator goes, full month and day names
/// where abbreviations go, and one- or two-digit hours, minutes and seconds.
enum RFC822DateParser {
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Timestamp? {
        if let stamp = parseCommonLayout(bytes) { return stamp }
        var scanner = DateScanner(bytes)
        var fields = DateFields()
        if ASCII.isDigit(scanner.peek()) { return readDayFirst(&scanner, into: &fields) }

        var word = scanner.readWord()
        guard !word.isEmpty else { return nil }
        if DateNames.isWeekday(word, in: scanner) {
            _ = scanner.consume(ASCII.period)
            scanner.skipSeparators()
            if ASCII.isDigit(scanner.peek()) { return readDayFirst(&scanner, into: &fields) }
            word = scanner.readWord()
        }
        guard let month = DateNames.month(word, in: scanner) else { return nil }
        fields.month = month
        return readMonthFirst(&scanner, into: &fields)
    }

    /// The layout nearly every RSS date has, `[Www, ]D[D] Mon YYYY hh:mm:ss zone`, read at fixed
    /// places with the general reading's names and zones. nil for anything else (and for a date
    /// this layout reads but the calendar refuses): the general reading then decides, and gives
    /// the same moment for every text this one reads.
    private static func parseCommonLayout(_ bytes: UnsafeBufferPointer<UInt8>) -> Timestamp? {
        var scanner = DateScanner(bytes)
        func digit(_ at: Int) -> Int? {
            let byte = scanner.peek(at)
            return ASCII.isDigit(byte) ? Int(byte &- ASCII.zero) : nil
        }
        var i = 0
        if ASCII.isLetter(scanner.peek()) {
            guard bytes.count >= 5, DateNames.isWeekday(0..<3, in: scanner), scanner.peek(3) == ASCII.comma,
                  scanner.peek(4) == ASCII.space else { return nil }
            i = 5
        }
        guard let d1 = digit(i) else { return nil }
        var fields = DateFields()
        if let d2 = digit(i + 1) {
            fields.day = d1 * 10 + d2
            i += 2
        } else {
            fields.day = d1
            i += 1
        }
        guard bytes.count > i + 19, scanner.peek(i) == ASCII.space,
              let month = DateNames.month((i + 1)..<(i + 4), in: scanner), scanner.peek(i + 4) == ASCII.space,
              let y1 = digit(i + 5), let y2 = digit(i + 6), let y3 = digit(i + 7), let y4 = digit(i + 8),
              scanner.peek(i + 9) == ASCII.space,
              let h1 = digit(i + 10), let h2 = digit(i + 11), scanner.peek(i + 12) == ASCII.colon,
              let m1 = digit(i + 13), let m2 = digit(i + 14), scanner.peek(i + 15) == ASCII.colon,
              let s1 = digit(i + 16), let s2 = digit(i + 17), scanner.peek(i + 18) == ASCII.space
        else { return nil }
        fields.month = month
        fields.year = y1 * 1000 + y2 * 100 + y3 * 10 + y4
        fields.hour = h1 * 10 + h2
        fields.minute = m1 * 10 + m2
        fields.second = s1 * 10 + s2
        scanner.advance(i + 19)
        guard let offset = TimeZoneNames.readZoneToEnd(&scanner) else { return nil }
        fields.offsetMinutes = offset
        return fields.timestamp(in: scanner)
    }

    /// `DD Mon YY[YY] …`, `DD-Mon-YY …`, or a numeric `YYYY/MM/DD …`.
    private static func readDayFirst(_ scanner: inout DateScanner, into fields: inout DateFields) -> Timestamp? {
        let run = scanner.digitRunLength(limit: 5)
        if run == 4 { return readNumericYearFirst(&scanner, into: &fields) }
        guard run <= 2 else { return nil }
        fields.day = scanner.readDigits(run)
        let hyphenated = scanner.consume(ASCII.minus)
        guard hyphenated || scanner.skipSeparators(),
              let month = DateNames.month(scanner.readWord(), in: scanner) else { return nil }
        fields.month = month
        _ = scanner.consume(ASCII.period)
        guard hyphenated ? scanner.consume(ASCII.minus) : scanner.skipSeparators(),
              readYear(&scanner, into: &fields) else { return nil }
        return readTimeAndZone(&scanner, into: &fields)
    }

    /// `YYYY/MM/DD …` or `YYYY-MM-DD …` after a weekday.
    private static func readNumericYearFirst(_ scanner: inout DateScanner, into fields: inout DateFields) -> Timestamp? {
        fields.year = scanner.readDigits(4)
        let separator = scanner.peek()
        guard separator == ASCII.slash || separator == ASCII.minus else { return nil }
        scanner.advance()
        guard let month = scanner.readNumber(minDigits: 1, maxDigits: 2), scanner.consume(separator),
              let day = scanner.readNumber(minDigits: 1, maxDigits: 2) else { return nil }
        fields.month = month
        fields.day = day
        return readTimeAndZone(&scanner, into: &fields)
    }

    /// After the month name: `DD YYYY [time] [zone]`, or asctime's `DD time [zone] YYYY`.
    private static func readMonthFirst(_ scanner: inout DateScanner, into fields: inout DateFields) -> Timestamp? {
        _ = scanner.consume(ASCII.period)
        guard scanner.skipSeparators() || scanner.consume(ASCII.minus),
              let day = scanner.readNumber(minDigits: 1, maxDigits: 2),
              scanner.skipSeparators() else { return nil }
        fields.day = day
        let run = scanner.digitRunLength(limit: 5)
        guard run > 0, scanner.peek(run) == ASCII.colon else {
            guard readYear(&scanner, into: &fields) else { return nil }
            return readTimeAndZone(&scanner, into: &fields)
        }
        // asctime: the year comes last, after the time and an optional zone.
        guard readTime(&scanner, into: &fields), scanner.skipWhitespace() else { return nil }
        if !ASCII.isDigit(scanner.peek()) {
            guard let offset = TimeZoneNames.readZone(&scanner), scanner.skipWhitespace() else { return nil }
            fields.offsetMinutes = offset
        }
        guard readYear(&scanner, into: &fields) else { return nil }
        scanner.skipWhitespace()
        return scanner.isAtEnd ? fields.timestamp(in: scanner) : nil
    }

    /// A four-digit year, or a one- or two-digit year expanded by `DateFields.expandTwoDigitYear`.
    private static func readYear(_ scanner: inout DateScanner, into fields: inout DateFields) -> Bool {
        let run = scanner.digitRunLength(limit: 5)
        switch run {
        case 4:
            fields.year = scanner.readDigits(4)
        case 1, 2:
            fields.year = DateFields.expandTwoDigitYear(scanner.readDigits(run))
        default:
            return false
        }
        return true
    }

    /// What may follow the date: nothing, a time, a zone, or a time and a zone.
    private static func readTimeAndZone(_ scanner: inout DateScanner, into fields: inout DateFields) -> Timestamp? {
        guard scanner.skipSeparators() || scanner.isAtEnd else { return nil }
        if scanner.isAtEnd { return fields.timestamp(in: scanner) }
        if ASCII.isDigit(scanner.peek()) {
            guard readTime(&scanner, into: &fields) else { return nil }
            guard scanner.skipSeparators() || scanner.isAtEnd else { return nil }
            if scanner.isAtEnd { return fields.timestamp(in: scanner) }
        }
        guard let offset = TimeZoneNames.readZoneToEnd(&scanner) else { return nil }
        fields.offsetMinutes = offset
        return fields.timestamp(in: scanner)
    }

    /// `h:mm[:ss[.f…]]` (one or two digits each), then an optional `AM`/`PM` (or `a.m.`/`p.m.`).
    /// What follows must be a separator or the end, so `1:2:3:4` is refused.
    private static func readTime(_ scanner: inout DateScanner, into fields: inout DateFields) -> Bool {
        guard let hour = scanner.readNumber(minDigits: 1, maxDigits: 2), scanner.consume(ASCII.colon),
              let minute = scanner.readNumber(minDigits: 1, maxDigits: 2) else { return false }
        fields.hour = hour
        fields.minute = minute
        if scanner.consume(ASCII.colon) {
            guard let second = scanner.readNumber(minDigits: 1, maxDigits: 2) else { return false }
            fields.second = second
            if scanner.peek() == ASCII.period, ASCII.isDigit(scanner.peek(1)) {
                scanner.advance()
                let start = scanner.position
                while ASCII.isDigit(scanner.peek()) { scanner.advance() }
                fields.fraction = start..<scanner.position
            }
        }
        let next = scanner.peek()
        guard scanner.isAtEnd || ASCII.isWhitespace(next) || next == ASCII.comma else { return false }
        return readMeridiem(&scanner, into: &fields)
    }

    /// Applies an `AM`/`PM` after the time, if there is one; false when the hour does not fit it.
    private static func readMeridiem(_ scanner: inout DateScanner, into fields: inout DateFields) -> Bool {
        var lookahead = scanner
        lookahead.skipWhitespace()
        let first = ASCII.lowercased(lookahead.peek())
        guard first == UInt8(ascii: "a") || first == UInt8(ascii: "p") else { return true }
        lookahead.advance()
        let dotted = lookahead.consume(ASCII.period)
        guard ASCII.isLetter(lookahead.peek(), ignoringCase: "m") else { return true }
        lookahead.advance()
        if dotted { guard lookahead.consume(ASCII.period) else { return true } }
        guard !ASCII.isLetter(lookahead.peek()) else { return true }
        guard let hour = DateFields.twentyFourHour(fromTwelveHour: fields.hour, afternoon: first == UInt8(ascii: "p"))
        else { return false }
        fields.hour = hour
        scanner = lookahead
        return true
    }
}
