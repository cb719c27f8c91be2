/// Recognises the encoding of bytes that say nothing about it, from what their non-ASCII
/// characters would be in each candidate encoding.
///
/// Every candidate reads the sample and gives each character it decodes a weight: 1 for a
/// character frequent in the language the encoding is used for (hiragana in Japanese, the
/// hundreds of most used hanzi or hangul, the letters that fill Russian or Hebrew words),
/// less for characters that are merely possible, 0 for those that text hardly contains (box
/// drawing, half-width katakana, a symbol in the middle of a word) and below 0 for byte
/// sequences the encoding does not allow. The candidate with the best mean weight wins.
/// Markup is ASCII and weighs nothing either way.
public enum CharsetRecogniser {
    /// One candidate's reading of the sample.
    public struct Guess: Sendable, Equatable {
        /// The canonical name to report.
        public var encoding: String
        /// The mean weight of the characters read, about 0…1 (negative when the bytes are not this encoding).
        public var score: Double
        /// How many non-ASCII characters the candidate read.
        public var characters: Int
    }

    /// The most bytes looked at; recognition starts a little before the first non-ASCII byte.
    public static let sampleLimit = 65_536

    /// The encoding of a document that declares none: `utf-8` for ASCII and valid UTF-8,
    /// `utf-16le`/`utf-16be`/`utf-32le`/`utf-32be` when NUL bytes fall in their pattern,
    /// otherwise the best of ``rank(_:)``.
    public static func recognise(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer { buffer in
            if let wide = wideEncoding(buffer) { return wide }
            switch UTF8Validation.validate(buffer) {
            case .valid, .truncated: return "utf-8"
            case .invalid: return rank(buffer).first?.encoding ?? "windows-1252"
            }
        }
    }

    /// Every byte-oriented candidate (UTF-8 aside), best first.
    public static func rank(_ bytes: [UInt8]) -> [Guess] {
        bytes.withUnsafeBufferPointer { rank($0) }
    }

    static func rank(_ bytes: UnsafeBufferPointer<UInt8>) -> [Guess] {
        let sample = sampleWindow(bytes)
        var guesses: [Guess] = []
        for prober in MultiByteProber.all {
            var tally = Tally()
            prober.read(sample, into: &tally)
            guesses.append(Guess(encoding: prober.encoding, score: tally.mean, characters: tally.characters))
        }
        for profile in SingleByteProfile.all {
            guard let table = profile.table else { continue }
            var tally = Tally()
            profile.read(sample, table: table, into: &tally)
            // windows-1252 is what most unlabelled Western text is: it wins ties.
            let prior = profile.encoding == "windows-1252" ? 0.05 : 0
            guesses.append(Guess(encoding: profile.encoding, score: tally.mean + prior, characters: tally.characters))
        }
        return guesses.sorted { $0.score > $1.score }
    }

    /// Up to ``sampleLimit`` bytes starting shortly before the first non-ASCII byte.
    private static func sampleWindow(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        // Everything before the first non-ASCII byte is ASCII: no candidate starts inside a character.
        let start = max(0, (UTF8Validation.firstNonASCII(bytes) ?? 0) - 64)
        let end = min(bytes.count, start + sampleLimit)
        return UnsafeBufferPointer(rebasing: bytes[start..<end])
    }

    /// UTF-16 or UTF-32 without a byte order mark, told by where its NUL bytes fall.
    static func wideEncoding(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let count = min(bytes.count, 4096) & ~3
        guard count >= 8 else { return nil }
        var zeros = [0, 0, 0, 0]
        for index in 0..<count where bytes[index] == 0 { zeros[index & 3] += 1 }
        let quads = count / 4
        let mostly = { (zeroCount: Int) in zeroCount * 10 >= quads * 9 }
        let rarely = { (zeroCount: Int) in zeroCount * 10 <= quads }
        if mostly(zeros[0]) && mostly(zeros[1]) && rarely(zeros[3]) { return "utf-32be" }
        if mostly(zeros[3]) && mostly(zeros[2]) && rarely(zeros[0]) { return "utf-32le" }
        let evenZeros = zeros[0] + zeros[2], oddZeros = zeros[1] + zeros[3]
        let pairs = count / 2
        if evenZeros * 10 >= pairs * 4 && oddZeros * 20 <= pairs { return "utf-16be" }
        if oddZeros * 10 >= pairs * 4 && evenZeros * 20 <= pairs { return "utf-16le" }
        return nil
    }
}

/// A running sum of character weights.
private struct Tally {
    private(set) var total = 0.0
    private(set) var characters = 0

    mutating func add(_ weight: Double) {
        total += weight
        characters += 1
    }

    var mean: Double { characters == 0 ? 0 : total / Double(characters) }
}

/// Weights of the character classes.
private enum Weight {
    static let frequent = 1.0
    static let common = 0.6
    static let possible = 0.5
    static let uncommon = 0.2
    static let rare = 0.0
    static let impossible = -2.0
}

// MARK: - Multi-byte encodings

/// A reader of one double-byte encoding: its byte structure, and its frequent characters as
/// byte pairs (found by encoding the frequent characters with iconv, once).
private struct MultiByteProber: Sendable {
    let encoding: String
    let frequentPairs: Set<UInt16>
    /// The weight of a two-byte character that is not frequent, or nil when it is not one.
    let classify: @Sendable (UInt8, UInt8) -> Double?
    /// How many bytes a character led by this byte takes when not two (0 = not a lead).
    let singleOrLongLength: @Sendable (UInt8) -> Int

    static let all: [MultiByteProber] = [shiftJIS, eucJP, eucKR, gb2312, big5]

    func read(_ bytes: UnsafeBufferPointer<UInt8>, into tally: inout Tally) {
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 { index += 1; continue }
            let special = singleOrLongLength(lead)
            if special > 0 {
                guard index + special <= count else { return }
                // Half-width katakana, JIS X 0212, GB18030 four-byte forms: valid but rare.
                tally.add(Weight.rare)
                index += special
                continue
            }
            guard index + 1 < count else { return }  // cut off by the end of the sample
            let trail = bytes[index + 1]
            guard let weight = classify(lead, trail) else {
                tally.add(Weight.impossible)
                index += 1
                continue
            }
            let pair = UInt16(lead) << 8 | UInt16(trail)
            tally.add(frequentPairs.contains(pair) ? Weight.frequent : weight)
            index += 2
        }
    }

    static let shiftJIS = MultiByteProber(
        encoding: "shift_jis",
        frequentPairs: FrequentCharacters.pairs(FrequentCharacters.japanese, iconvName: "CP932"),
        classify: { lead, trail in
            guard (0x81...0x9F).contains(lead) || (0xE0...0xFC).contains(lead),
                  (0x40...0x7E).contains(trail) || (0x80...0xFC).contains(trail) else { return nil }
            // JIS X 0208 row of the pair, 1-based.
            let row = (Int(lead) - (lead <= 0x9F ? 0x81 : 0xC1)) * 2 + (trail >= 0x9F ? 2 : 1)
            return jisRowWeight(row)
        },
        singleOrLongLength: { lead in (0xA1...0xDF).contains(lead) ? 1 : 0 })

    static let eucJP = MultiByteProber(
        encoding: "euc-jp",
        frequentPairs: FrequentCharacters.pairs(FrequentCharacters.japanese, iconvName: "EUC-JP"),
        classify: { lead, trail in
            guard (0xA1...0xFE).contains(lead), (0xA1...0xFE).contains(trail) else { return nil }
            return jisRowWeight(Int(lead) - 0xA0)
        },
        singleOrLongLength: { lead in lead == 0x8E ? 2 : lead == 0x8F ? 3 : 0 })

    static let eucKR = MultiByteProber(
        encoding: "euc-kr",
        frequentPairs: FrequentCharacters.pairs(FrequentCharacters.korean, iconvName: "CP949"),
        classify: { lead, trail in
            if (0xA1...0xFE).contains(lead) && (0xA1...0xFE).contains(trail) {
                switch lead {
                case 0xB0...0xC8: return Weight.possible   // hangul syllables
                case 0xA1: return Weight.common             // punctuation
                case 0xA3: return Weight.possible           // full-width ASCII
                case 0xCA...0xFD: return Weight.uncommon    // hanja
                default: return Weight.rare                 // jamo, symbols, kana, Greek, Cyrillic
                }
            }
            // Code page 949's extra hangul, outside EUC-KR's square.
            if (0x81...0xC6).contains(lead),
               (0x41...0x5A).contains(trail) || (0x61...0x7A).contains(trail) || (0x81...0xFE).contains(trail) {
                return Weight.uncommon
            }
            return nil
        },
        singleOrLongLength: { _ in 0 })

    static let gb2312 = MultiByteProber(
        encoding: EncodingName.recognisedSimplifiedChinese,
        frequentPairs: FrequentCharacters.pairs(FrequentCharacters.simplifiedChinese, iconvName: "GB18030"),
        classify: { lead, trail in
            guard (0x81...0xFE).contains(lead), (0x40...0xFE).contains(trail), trail != 0x7F else { return nil }
            guard (0xA1...0xFE).contains(trail) else { return Weight.rare }  // GBK extension
            switch lead {
            case 0xB0...0xD7: return Weight.possible   // level 1 hanzi
            case 0xD8...0xF7: return Weight.uncommon   // level 2 hanzi
            case 0xA1: return Weight.common
            case 0xA3: return Weight.possible
            default: return Weight.rare                 // kana, Greek, Cyrillic, pinyin, box drawing, GBK
            }
        },
        singleOrLongLength: { _ in 0 })

    static let big5 = MultiByteProber(
        encoding: "big5",
        frequentPairs: FrequentCharacters.pairs(FrequentCharacters.traditionalChinese, iconvName: "BIG5-HKSCS"),
        classify: { lead, trail in
            guard (0x81...0xFE).contains(lead),
                  (0x40...0x7E).contains(trail) || (0xA1...0xFE).contains(trail) else { return nil }
            let code = UInt16(lead) << 8 | UInt16(trail)
            switch code {
            case 0xA440...0xC67E: return Weight.possible   // frequent hanzi
            case 0xC940...0xF9D5: return Weight.uncommon   // less frequent hanzi
            case 0xA140...0xA1FE: return Weight.common     // punctuation
            case 0xA240...0xA3FE: return Weight.uncommon
            default: return Weight.rare                     // HKSCS, user-defined, kana, box drawing
            }
        },
        singleOrLongLength: { _ in 0 })

    /// Weights of the rows of JIS X 0208 (shared by Shift_JIS and EUC-JP).
    private static func jisRowWeight(_ row: Int) -> Double {
        switch row {
        case 1: Weight.common          // punctuation
        case 3: Weight.possible        // full-width ASCII
        case 4, 5: Weight.frequent     // hiragana, katakana
        case 16...47: Weight.possible  // level 1 kanji
        case 48...84: Weight.uncommon  // level 2 kanji
        case 2: Weight.uncommon
        default: Weight.rare           // Greek, Cyrillic, box drawing, vendor and user rows
        }
    }
}

// MARK: - Single-byte encodings

/// A reader of one single-byte code page, with the letters its language uses most.
private struct SingleByteProfile: Sendable {
    enum Script: Sendable { case latin, cyrillic, greek, hebrew, thai }

    let encoding: String
    let script: Script
    /// The most frequent letters (weight 1), then the next most frequent (weight 0.6).
    let mostFrequent: Set<Unicode.Scalar>
    let frequent: Set<Unicode.Scalar>
    let table: [Unicode.Scalar?]?

    init(_ encoding: String, _ iconvName: String, _ script: Script, mostFrequent: String, frequent: String) {
        self.encoding = encoding
        self.script = script
        self.mostFrequent = Set(mostFrequent.unicodeScalars)
        self.frequent = Set(frequent.unicodeScalars)
        table = SingleByteTables.highHalf(iconvName: iconvName)
    }

    static let all: [SingleByteProfile] = [
        SingleByteProfile("windows-1252", "CP1252", .latin,
                          mostFrequent: "éèàçêôîûùâëïüöäßñóíáúÉ’“”–—…«»€\u{A0}", frequent: "ÀÇÈÊÎÔÖÜÄÑÓÍÁÚœ‘•°©®™·ãõåæøÅØÆ"),
        SingleByteProfile("windows-1250", "CP1250", .latin,
                          mostFrequent: "ąęłńśźżčřšžěůćőűáéíóúýöüĄĘŁŚŻČŘŠŽ’“”„–—…", frequent: "äôňťďĺľŕÁÉÍÓÚÝÖÜ"),
        SingleByteProfile("koi8-r", "KOI8-R", .cyrillic,
                          mostFrequent: "оеаинтсрвл", frequent: "кмдпуяыьгзбчйхжшюцщэфъё"),
        SingleByteProfile("windows-1251", "CP1251", .cyrillic,
                          mostFrequent: "оеаинтсрвл", frequent: "кмдпуяыьгзбчйхжшюцщэфъёіїєґ«»–—…"),
        SingleByteProfile("iso-8859-7", "ISO-8859-7", .greek,
                          mostFrequent: "αοιετσνηυρπκμλς", frequent: "άέήίόύώωγδθχφβξζψ"),
        SingleByteProfile("windows-1255", "CP1255", .hebrew,
                          mostFrequent: "יוהלאמרבתשנ", frequent: "עכדקפחסגזצטםןךףץ"),
        SingleByteProfile("tis-620", "CP874", .thai,
                          mostFrequent: "านรอกเงมยลวดทสบคะัีิ่้", frequent: "ปพจหชแขตถไใโุูำ์็ึืผฝซญณธภศษฤฮฉฐฑฒฎฏ"),
    ]

    func read(_ bytes: UnsafeBufferPointer<UInt8>, table: [Unicode.Scalar?], into tally: inout Tally) {
        let count = bytes.count
        var index = 0
        while index < count {
            guard bytes[index] >= 0x80 else { index += 1; continue }
            var runEnd = index
            while runEnd < count && bytes[runEnd] >= 0x80 { runEnd += 1 }
            let before: UInt8 = index > 0 ? bytes[index - 1] : 0x20
            let after: UInt8 = runEnd < count ? bytes[runEnd] : 0x20
            for position in index..<runEnd {
                let previous = position > index ? table[Int(bytes[position - 1]) - 0x80] : nil
                let next = position + 1 < runEnd ? table[Int(bytes[position + 1]) - 0x80] : nil
                let letterBefore = position > index ? previous?.properties.isAlphabetic == true : isASCIILetter(before)
                let letterAfter = position + 1 < runEnd ? next?.properties.isAlphabetic == true : isASCIILetter(after)
                tally.add(weigh(table[Int(bytes[position]) - 0x80], run: runEnd - index, previous: previous, next: next,
                                letterBefore: letterBefore, letterAfter: letterAfter))
            }
            index = runEnd
        }
    }

    private func weigh(_ character: Unicode.Scalar?, run: Int, previous: Unicode.Scalar?, next: Unicode.Scalar?,
                       letterBefore: Bool, letterAfter: Bool) -> Double {
        guard let character else { return Weight.impossible }
        if (0x80...0x9F).contains(character.value) { return -1 }   // C1 controls are not text
        let letter = character.properties.isAlphabetic
        let weight = mostFrequent.contains(character) ? Weight.frequent
            : frequent.contains(character) ? Weight.common
            : letter ? (script == .latin ? 0.4 : 0.3)
            : 0.1
        switch script {
        case .latin:
            // Accented letters stand alone among ASCII ones; long runs of high bytes are another script.
            if run >= 3 { return -0.5 }
            if !letter && letterBefore && letterAfter && !mostFrequent.contains(character) {
                return -0.5   // a symbol such as ³ or ¿ inside a word
            }
            return run == 2 ? weight * 0.6 : weight
        case .cyrillic, .greek, .hebrew, .thai:
            // One such letter inside a Latin word is an accented letter of another code page.
            if run == 1 && (letterBefore || letterAfter) { return Weight.rare }
            if script == .cyrillic || script == .greek, character.properties.isUppercase,
               previous?.properties.isLowercase == true {
                return 0.1   // lIKE tHIS: the other Cyrillic code page
            }
            if script == .hebrew, "םןךףץ".unicodeScalars.contains(character), next?.properties.isAlphabetic == true {
                return Weight.rare   // a final form inside a word
            }
            return weight
        }
    }

    private func isASCIILetter(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }
}

// MARK: - Frequent characters

/// Characters that fill most running text in each language: hiragana and katakana, the most
/// used kanji, hanzi and hangul syllables. Held as text, turned into byte pairs per encoding.
enum FrequentCharacters {
    static let japanese = """
        のにはをたがでてとしれさいるかなもっうこあまりすくきおよつらやめせけどんろわえへ\
        ンルトスイクラリタシーカレドロテコアマップジメデフィ\
        日一国人年大十二本中長出三同時政事自行社見月分議後前民生連五発間対上部東者党地合市業\
        内相方四定今回新場金員九入選立開手米力学問高代明実円関決子動京全目表戦経通外最言氏現\
        理調体化田当八六約主題下首意法不来作性的要用制治度務強気小七成期公持野協取都和統以機\
        平総加山思家話世受区領多県続進正安設保改数記院女初北午指権心界支第産結百派点教報済書\
        府活原先共得解名交資予川向際査勝面委告軍文反元重近千考判認画海参売利組知案道信策集在\
        件団別物側任引使求所次水半品昨論計死官増係感特情投示変打男基私各始島直両朝革価式確村\
        提運終挙果西勢減台広容必応演電歳住争談能無再位置企真流格有疑口過局少放税検藤町常校料
        """
    static let simplifiedChinese = """
        的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下\
        自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部\
        其些主样理心她本前开但因只从想实日军者意无力它与长把机十民第公此已工使情明性知全三又\
        关点正业外将两高间由问很最重并物手应战向头文体政美相见被利什二等产或新己制身果加西斯\
        月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员解水名真论处走义各入\
        几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件计管\
        期市直德资命山金指克许统区保至队形社便空决治展马科司五基眼书非则听白却界达光放强即像\
        难且权思王象完设式色路记南品住告类求据程北边死张该交规万取拉格望觉术领共确传师观清今\
        切院让识候带导争运笑飞风步改收根干造言联持组每济车亲极林服快办议往元英士证近失转夫令\
        准布始怎呢存未远叫台单影具罗字爱击流备兵连调深商算质团集百需价花党华城石级整府离况亚\
        请技际约示复病息究线似官火断精满支视消越器容照须九增研写称企八功吗包片史委乎查轻易早
        """
    static let traditionalChinese = """
        的一是不了在人有我他這個們中來上大為和國地到以說時要就出會可也你對生能而子那得於著下\
        自之年過發後作裡用道行所然家種事成方多經麼去法學如都同現當沒動面起看定天分還進好小部\
        其些主樣理心她本前開但因只從想實日軍者意無力它與長把機十民第公此已工使情明性知全三又\
        關點正業外將兩高間由問很最重並物手應戰向頭文體政美相見被利什二等產或新己制身果加西斯\
        月話合回特代內信表化老給世位次度門任常先海通教兒原東聲提立及比員解水名真論處走義各入\
        幾口認條平系氣題活爾更別打女變四神總何電數安少報才結反受目太量再感建務做接必場件計管\
        期市直德資命山金指克許統區保至隊形社便空決治展馬科司五基眼書非則聽白卻界達光放強即像\
        難且權思王象完設式色路記南品住告類求據程北邊死張該交規萬取拉格望覺術領共確傳師觀清今\
        切院讓識候帶導爭運笑飛風步改收根乾造言聯持組每濟車親極林服快辦議往元英士證近失轉夫令\
        準布始怎呢存未遠叫台單影具羅字愛擊流備兵連調深商算質團集百需價花黨華城石級整府離況亞\
        請技際約示復病息究線似官火斷精滿支視消越器容照須九增研寫稱企八功嗎包片史委乎查輕易早
        """
    static let korean = """
        이다의는에하고을가한지서로기를사자도대리시어수인나아해일정들만전부라국게장주으상내제경\
        스구년동보그적과면성원세것있소없우때여중위모화계개문생실관미방무신요니조공선업당진회용\
        말거터행안학까운물합치명통저마발더영분연건식민결재유비교속남출강현심데작추할럼청타음된\
        되었습했며와록또같않오늘씀드입였따러려며서야알을겠던네번받같씨님회후각점단간최근설월\
        반노력필요환경위원회의원장관련법률경제사회문화정치선거대통령국회정부지역주민시장기업
        """

    /// The byte pairs of the two-byte characters of `text` in an encoding.
    static func pairs(_ text: String, iconvName: String) -> Set<UInt16> {
        guard let encoder = IconvConverter(from: "UTF-8", to: iconvName) else { return [] }
        var pairs = Set<UInt16>()
        for character in text.unicodeScalars where character.value >= 0x80 {
            encoder.reset()
            var encoded: [UInt8] = []
            let outcome = Array(String(character).utf8).withUnsafeBufferPointer { encoder.convert($0, appendingTo: &encoded) }
            if outcome.stop == .finished, encoded.count == 2 {
                pairs.insert(UInt16(encoded[0]) << 8 | UInt16(encoded[1]))
            }
        }
        return pairs
    }
}
