/// Month and weekday names in the languages feeds have been seen to write them in.
enum DateNames {
    /// The month an English, Greek or Hungarian month name stands for (1 is January), or nil.
    /// English names are read as three-letter abbreviations, full names, or `Sept`.
    static func month(_ word: Range<Int>, in scanner: DateScanner) -> Int? {
        guard !word.isEmpty else { return nil }
        if let month = englishMonth(word, in: scanner) { return month }
        guard scanner.bytes[word.lowerBound] >= 0x80 || word.count > 3 else { return nil }
        return lookUp(word, in: scanner, table: foreignMonths)
    }

    /// Whether the word is a day of the week: English (abbreviated or in full) or Greek.
    /// The day itself is never used; feeds get it wrong too often for it to overrule the date.
    static func isWeekday(_ word: Range<Int>, in scanner: DateScanner) -> Bool {
        guard word.count >= 3 else { return false }
        if let index = threeLetterIndex(word, in: scanner, keys: englishWeekdayKeys) {
            if word.count == 3 { return true }
            return scanner.matches(word, englishWeekdays[index])
                || englishWeekdayShortForms.contains { scanner.matches(word, $0) }
        }
        return lookUp(word, in: scanner, table: greekWeekdays) != nil
    }

    private static func englishMonth(_ word: Range<Int>, in scanner: DateScanner) -> Int? {
        guard word.count >= 3, let index = threeLetterIndex(word, in: scanner, keys: englishMonthKeys)
        else { return nil }
        if word.count == 3 || scanner.matches(word, englishMonths[index]) { return index + 1 }
        return index == 8 && scanner.matches(word, sept) ? 9 : nil
    }

    /// The index of the key equal to the word's first three letters, lowercased.
    @inline(__always)
    private static func threeLetterIndex(_ word: Range<Int>, in scanner: DateScanner, keys: [UInt32]) -> Int? {
        let start = word.lowerBound
        let first = scanner.bytes[start], second = scanner.bytes[start + 1], third = scanner.bytes[start + 2]
        guard ASCII.isLetter(first), ASCII.isLetter(second), ASCII.isLetter(third) else { return nil }
        let key = UInt32(first | 0x20) << 16 | UInt32(second | 0x20) << 8 | UInt32(third | 0x20)
        return keys.firstIndex(of: key)
    }

    private static func lookUp(_ word: Range<Int>, in scanner: DateScanner, table: [(name: [UInt8], value: Int)]) -> Int? {
        for entry in table where scanner.matches(word, entry.name) { return entry.value }
        return nil
    }

    private static func packThreeLetters(_ name: [UInt8]) -> UInt32 {
        UInt32(name[0]) << 16 | UInt32(name[1]) << 8 | UInt32(name[2])
    }

    private static let englishMonths: [[UInt8]] = [
        "january", "february", "march", "april", "may", "june",
        "july", "august", "september", "october", "november", "december",
    ].map { Array($0.utf8) }
    private static let englishMonthKeys = englishMonths.map(packThreeLetters)
    private static let sept = Array("sept".utf8)

    private static let englishWeekdays: [[UInt8]] = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    ].map { Array($0.utf8) }
    private static let englishWeekdayKeys = englishWeekdays.map(packThreeLetters)
    private static let englishWeekdayShortForms: [[UInt8]] = ["tues", "thur", "thurs"].map { Array($0.utf8) }

    /// Greek and Hungarian month names. The Greek ones are the three- or four-letter abbreviations,
    /// with and without accents; a few misspelt forms that Greek feeds are known to carry (from
    /// feedparser's table) are kept so those feeds still read. The Hungarian ones are the full
    /// lowercase names, as Hungarian writes them inside dates, plus two variant spellings feedparser
    /// also accepts.
    private static let foreignMonths: [(name: [UInt8], value: Int)] = [
        // Greek
        ("\u{0399}\u{03B1}\u{03BD}", 1),                 // Ιαν
        ("\u{03A6}\u{03B5}\u{03B2}", 2),                 // Φεβ
        ("\u{039C}\u{03AC}\u{03C1}", 3),                 // Μάρ
        ("\u{039C}\u{03B1}\u{03C1}", 3),                 // Μαρ
        ("\u{039C}\u{03AC}\u{03CE}", 3),                 // Μάώ (as found in feeds)
        ("\u{039C}\u{03B1}\u{03CE}", 3),                 // Μαώ (as found in feeds)
        ("\u{0391}\u{03C0}\u{03C1}", 4),                 // Απρ
        ("\u{039C}\u{03AC}\u{03B9}", 5),                 // Μάι
        ("\u{039C}\u{03B1}\u{03CA}", 5),                 // Μαϊ
        ("\u{039C}\u{03B1}\u{03B9}", 5),                 // Μαι
        ("\u{0399}\u{03BF}\u{03CD}\u{03BD}", 6),         // Ιούν
        ("\u{0399}\u{03BF}\u{03C5}\u{03BD}", 6),         // Ιουν
        ("\u{0399}\u{03BF}\u{03BD}", 6),                 // Ιον (as found in feeds)
        ("\u{0399}\u{03BF}\u{03CD}\u{03BB}", 7),         // Ιούλ
        ("\u{0399}\u{03BF}\u{03C5}\u{03BB}", 7),         // Ιουλ
        ("\u{0399}\u{03BF}\u{03BB}", 7),                 // Ιολ (as found in feeds)
        ("\u{0391}\u{03CD}\u{03B3}", 8),                 // Αύγ
        ("\u{0391}\u{03C5}\u{03B3}", 8),                 // Αυγ
        ("\u{03A3}\u{03B5}\u{03C0}", 9),                 // Σεπ
        ("\u{039F}\u{03BA}\u{03C4}", 10),                // Οκτ
        ("\u{039D}\u{03BF}\u{03AD}", 11),                // Νοέ
        ("\u{039D}\u{03BF}\u{03B5}", 11),                // Νοε
        ("\u{0394}\u{03B5}\u{03BA}", 12),                // Δεκ
        // Hungarian
        ("janu\u{E1}r", 1), ("febru\u{E1}r", 2), ("febru\u{E1}ri", 2), ("m\u{E1}rcius", 3),
        ("\u{E1}prilis", 4), ("m\u{E1}jus", 5), ("m\u{E1}ujus", 5), ("j\u{FA}nius", 6),
        ("j\u{FA}lius", 7), ("augusztus", 8), ("szeptember", 9), ("okt\u{F3}ber", 10),
        ("november", 11), ("december", 12),
    ].map { (Array($0.0.utf8), $0.1) }

    private static let greekWeekdays: [(name: [UInt8], value: Int)] = [
        ("\u{039A}\u{03C5}\u{03C1}", 7),                 // Κυρ
        ("\u{0394}\u{03B5}\u{03C5}", 1),                 // Δευ
        ("\u{03A4}\u{03C1}\u{03B9}", 2),                 // Τρι
        ("\u{03A4}\u{03B5}\u{03C4}", 3),                 // Τετ
        ("\u{03A0}\u{03B5}\u{03BC}", 4),                 // Πεμ
        ("\u{03A0}\u{03AD}\u{03BC}", 4),                 // Πέμ
        ("\u{03A0}\u{03B1}\u{03C1}", 5),                 // Παρ
        ("\u{03A3}\u{03B1}\u{03B2}", 6),                 // Σαβ
        ("\u{03A3}\u{03AC}\u{03B2}", 6),                 // Σάβ
    ].map { (Array($0.0.utf8), $0.1) }
}
