import FeedModel

/// ISO 8601 in the forms feeds use: RFC 3339 and W3C-DTF (`2003`, `2003-12`, `2003-12-31`, with
/// or without a time, seconds, a fraction, a zone), lowercase `t`/`z`, a space for the `T`
/// (MSSQL's `2004-07-08 23:56:58.0`, optionally followed by a zone name), the basic forms
/// (`20031231T101455Z`), ordinal dates (`2003-335`, `2003335`), the two-digit-year forms of
/// ISO 8601:1988 (`03-12-31`, `031231`, `03-335`, `03335`, `-03-12`, `-0312`, `-03`),
/// Google's three-digit month (`2003-012-31`), and a month written as a name (`2004-július-13`).
///
/// Forms without a year (`--12-31`, `---31`, `-335`) are refused: they need today's date to mean
/// anything, and the same feed must read the same way every day.
enum ISO8601DateParser {
    /// `YYYY-MM-DDThh:mm:ss[.f…](Z|±hh:mm)` at fixed positions, the commonest shape of all.
    /// Nil means "not exactly this shape"; the general reader then tries.
    static func parseRFC3339(_ bytes: UnsafeBufferPointer<UInt8>) -> Timestamp? {
        let count = bytes.count
        guard count >= 20, bytes[4] == ASCII.minus, bytes[7] == ASCII.minus,
              ASCII.isLetter(bytes[10], ignoringCase: "t") || bytes[10] == ASCII.space,
              bytes[13] == ASCII.colon, bytes[16] == ASCII.colon
        else { return nil }
        var allDigits = true
        @inline(__always) func number(_ start: Int, _ length: Int) -> Int {
            var value = 0
            for index in start..<(start + length) {
                let digit = bytes[index] &- ASCII.zero
                allDigits = allDigits && digit < 10
                value = value &* 10 &+ Int(digit)
            }
            return value
        }
        var fields = DateFields()
        fields.year = number(0, 4)
        fields.month = number(5, 2)
        fields.day = number(8, 2)
        fields.hour = number(11, 2)
        fields.minute = number(14, 2)
        fields.second = number(17, 2)
        var index = 19
        if bytes[index] == ASCII.period {
            index += 1
            let start = index
            while index < count, ASCII.isDigit(bytes[index]) { index += 1 }
            guard index > start, index < count else { return nil }
            fields.fraction = start..<index
        }
        let zone = bytes[index]
        if ASCII.isLetter(zone, ignoringCase: "z") {
            index += 1
        } else if zone == ASCII.plus || zone == ASCII.minus {
            guard index + 6 == count, bytes[index + 3] == ASCII.colon else { return nil }
            let hours = number(index + 1, 2)
            let minutes = number(index + 4, 2)
            guard minutes < 60, hours * 60 + minutes <= DateFields.maximumOffsetMinutes else { return nil }
            fields.offsetMinutes = zone == ASCII.minus ? -(hours * 60 + minutes) : hours * 60 + minutes
            index += 6
        } else {
            return nil
        }
        guard allDigits, index == count else { return nil }
        return fields.timestamp(in: DateScanner(bytes))
    }

    /// Every ISO 8601 form listed on the type; nil when the text is not one of them.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Timestamp? {
        var scanner = DateScanner(bytes)
        var fields = DateFields()
        guard readDate(&scanner, into: &fields) else { return nil }
        if scanner.isAtEnd { return fields.timestamp(in: scanner) }

        let separator = scanner.peek()
        let basicTimeAllowed: Bool
        if ASCII.isLetter(separator, ignoringCase: "t") {
            scanner.advance()
            basicTimeAllowed = true
        } else if scanner.skipWhitespace() {
            basicTimeAllowed = false
        } else {
            return nil
        }
        guard readTime(&scanner, into: &fields, basicAllowed: basicTimeAllowed) else { return nil }
        if scanner.isAtEnd { return fields.timestamp(in: scanner) }

        let zone = scanner.peek()
        if ASCII.isLetter(zone, ignoringCase: "z"), !ASCII.isLetter(scanner.peek(1)) {
            scanner.advance()
            guard scanner.isAtEnd else { return nil }
        } else if zone == ASCII.plus || zone == ASCII.minus {
            guard let offset = TimeZoneNames.readNumericOffset(&scanner), scanner.isAtEnd else { return nil }
            fields.offsetMinutes = offset
        } else if scanner.skipWhitespace() {
            guard let offset = TimeZoneNames.readZoneToEnd(&scanner) else { return nil }
            fields.offsetMinutes = offset
        } else {
            return nil
        }
        return fields.timestamp(in: scanner)
    }

    /// Reads the date part. How many digits run together tells the form apart, as ISO 8601
    /// intends: 8 `YYYYMMDD`, 7 `YYYYDDD`, 6 `YYMMDD`, 5 `YYDDD`, 4 a year, 2 a two-digit year.
    private static func readDate(_ scanner: inout DateScanner, into fields: inout DateFields) -> Bool {
        if scanner.consume(ASCII.minus) { return readTruncatedDate(&scanner, into: &fields) }
        let run = scanner.digitRunLength(limit: 9)
        // A text that is nothing but five or six digits is far more often a number than a
        // two-digit-year date; only a leading zero, which no one writes on a number, makes it a date.
        let isBareNumber = run == scanner.bytes.count && scanner.peek() != ASCII.zero
        switch run {
        case 8:
            fields.year = scanner.readDigits(4)
            fields.month = scanner.readDigits(2)
            fields.day = scanner.readDigits(2)
        case 7:
            fields.year = scanner.readDigits(4)
            return fields.setOrdinalDay(scanner.readDigits(3))
        case 6:
            guard !isBareNumber else { return false }
            fields.year = DateFields.expandTwoDigitYear(scanner.readDigits(2))
            fields.month = scanner.readDigits(2)
            fields.day = scanner.readDigits(2)
        case 5:
            guard !isBareNumber else { return false }
            fields.year = DateFields.expandTwoDigitYear(scanner.readDigits(2))
            return fields.setOrdinalDay(scanner.readDigits(3))
        case 4:
            fields.year = scanner.readDigits(4)
            if scanner.consume(ASCII.minus) { return readAfterFourDigitYear(&scanner, into: &fields) }
        case 2:
            fields.year = DateFields.expandTwoDigitYear(scanner.readDigits(2))
            guard scanner.consume(ASCII.minus) else { return false }
            switch scanner.digitRunLength(limit: 4) {
            case 3:
                return fields.setOrdinalDay(scanner.readDigits(3))
            case 2:
                fields.month = scanner.readDigits(2)
                guard scanner.consume(ASCII.minus),
                      let day = scanner.readNumber(minDigits: 2, maxDigits: 2) else { return false }
                fields.day = day
            default:
                return false
            }
        default:
            return false
        }
        return true
    }

    /// After `YYYY-`: `MM`, `MM-DD` (one or two digits each, as W3C-DTF readers allow),
    /// `MMDD`, `DDD` (ordinal), `0MM-DD` (Google's extra zero), or a month name and `-DD`.
    private static func readAfterFourDigitYear(_ scanner: inout DateScanner, into fields: inout DateFields) -> Bool {
        let first = scanner.peek()
        if ASCII.isLetter(first) || first >= 0x80 {
            guard let month = DateNames.month(scanner.readWord(), in: scanner),
                  scanner.consume(ASCII.minus),
                  let day = scanner.readNumber(minDigits: 1, maxDigits: 2) else { return false }
            fields.month = month
            fields.day = day
            return true
        }
        let run = scanner.digitRunLength(limit: 5)
        switch run {
        case 1, 2:
            fields.month = scanner.readDigits(run)
            if scanner.consume(ASCII.minus) {
                guard let day = scanner.readNumber(minDigits: 1, maxDigits: 2) else { return false }
                fields.day = day
            }
        case 3:
            if first == ASCII.zero, scanner.peek(3) == ASCII.minus {
                scanner.advance()
                fields.month = scanner.readDigits(2)
                scanner.advance()
                guard let day = scanner.readNumber(minDigits: 1, maxDigits: 2) else { return false }
                fields.day = day
            } else {
                return fields.setOrdinalDay(scanner.readDigits(3))
            }
        case 4:
            fields.month = scanner.readDigits(2)
            fields.day = scanner.readDigits(2)
        default:
            return false
        }
        return true
    }

    /// After a leading `-`: `YY` (a year), `YYMM` or `YY-MM` (a month) in the implied century.
    private static func readTruncatedDate(_ scanner: inout DateScanner, into fields: inout DateFields) -> Bool {
        switch scanner.digitRunLength(limit: 5) {
        case 2:
            fields.year = DateFields.expandTwoDigitYear(scanner.readDigits(2))
            if scanner.peek() == ASCII.minus {
                scanner.advance()
                guard let month = scanner.readNumber(minDigits: 2, maxDigits: 2) else { return false }
                fields.month = month
            }
        case 4:
            fields.year = DateFields.expandTwoDigitYear(scanner.readDigits(2))
            fields.month = scanner.readDigits(2)
        default:
            return false
        }
        return true
    }

    /// Reads `hh:mm[:ss[.f…]]` (one-digit hours and minutes are tolerated, as in `9:15`), `hh`, and
    /// after a `T` also the basic `hhmm[ss[.f…]]`. A fraction may follow a `.` or a `,`.
    private static func readTime(_ scanner: inout DateScanner, into fields: inout DateFields, basicAllowed: Bool) -> Bool {
        let run = scanner.digitRunLength(limit: 7)
        switch run {
        case 1, 2:
            fields.hour = scanner.readDigits(run)
            guard scanner.consume(ASCII.colon) else { return run == 2 && basicAllowed }
            guard let minute = scanner.readNumber(minDigits: 1, maxDigits: 2) else { return false }
            fields.minute = minute
            guard scanner.consume(ASCII.colon) else { return true }
            guard let second = scanner.readNumber(minDigits: 1, maxDigits: 2) else { return false }
            fields.second = second
        case 4 where basicAllowed:
            fields.hour = scanner.readDigits(2)
            fields.minute = scanner.readDigits(2)
            return true
        case 6 where basicAllowed:
            fields.hour = scanner.readDigits(2)
            fields.minute = scanner.readDigits(2)
            fields.second = scanner.readDigits(2)
        default:
            return false
        }
        let mark = scanner.peek()
        if mark == ASCII.period || mark == ASCII.comma, ASCII.isDigit(scanner.peek(1)) {
            scanner.advance()
            let start = scanner.position
            while ASCII.isDigit(scanner.peek()) { scanner.advance() }
            fields.fraction = start..<scanner.position
        }
        return true
    }
}
