/// Cleans the value of a `style` attribute: what survives is a list of `property: value;`
/// declarations that can neither load anything nor run anything.
///
/// The rules, in order (the feed-reader convention):
/// 1. every `url(…)` is removed;
/// 2. the whole value must be made only of letters, digits, blanks, `: , ; # % . !`, hyphens
///    between word characters, quoted words (`'Lucida Console'`) and parenthesised number lists
///    (`rgb(0, 0, 0)`); anything else (`\`, `/*`, `@`, `<`, a parenthesis holding more than
///    numbers, as in `expression(alert(1))`) drops the whole style;
/// 3. it must parse as a sequence of `property: value` declarations, else the whole style goes;
/// 4. a declaration is kept when its property is in `properties`, or when it is a `background`,
///    `border`, `margin` or `padding` shorthand whose every word is a listed keyword, a colour or
///    a short length (`99999em` is not), or, inside SVG, when it is a fill or stroke property.
enum StyleSanitizer {
    static func clean(_ style: String, allowingSVGProperties: Bool = false) -> String {
        let bytes = removingURLFunctions(Array(style.utf8))
        guard passesCharacterGauntlet(bytes), let declarations = declarations(in: bytes) else { return "" }
        var kept: [String] = []
        for (property, value) in declarations where !value.isEmpty {
            let lowered = property.lowercased()
            let shorthandFamily = lowered.prefix { $0 != "-" }
            let keep: Bool
            if properties.contains(lowered) {
                keep = true
            } else if shorthandFamilies.contains(String(shorthandFamily)) {
                keep = value.utf8.split(whereSeparator: isASCIIBlank).allSatisfy { word in
                    keywords.contains(String(decoding: word, as: UTF8.self)) || isColourOrLength(Array(word))
                }
            } else {
                keep = allowingSVGProperties && svgProperties.contains(lowered)
            }
            if keep { kept.append("\(property): \(value);") }
        }
        return kept.joined(separator: " ")
    }

    static let properties: Set<String> = [
        "azimuth", "background-color", "border-bottom-color", "border-collapse", "border-color",
        "border-left-color", "border-right-color", "border-top-color", "clear", "color", "cursor",
        "direction", "display", "elevation", "float", "font", "font-family", "font-size",
        "font-style", "font-variant", "font-weight", "height", "letter-spacing", "line-height",
        "overflow", "pause", "pause-after", "pause-before", "pitch", "pitch-range", "richness",
        "speak", "speak-header", "speak-numeral", "speak-punctuation", "speech-rate", "stress",
        "text-align", "text-decoration", "text-indent", "unicode-bidi", "vertical-align",
        "voice-family", "volume", "white-space", "width",
    ]

    static let shorthandFamilies: Set<String> = ["background", "border", "margin", "padding"]

    /// Words a shorthand may use (a survey of what feeds write).
    static let keywords: Set<String> = [
        "!important", "aqua", "auto", "black", "block", "blue", "bold", "both", "bottom", "brown",
        "center", "collapse", "dashed", "dotted", "fuchsia", "gray", "green", "italic", "left",
        "lime", "maroon", "medium", "navy", "none", "normal", "nowrap", "olive", "pointer",
        "purple", "red", "right", "silver", "solid", "teal", "top", "transparent", "underline",
        "white", "yellow",
    ]

    static let svgProperties: Set<String> = [
        "fill", "fill-opacity", "fill-rule", "stroke", "stroke-linecap", "stroke-linejoin",
        "stroke-opacity", "stroke-width",
    ]

    // MARK: The steps, on UTF-8 bytes (non-ASCII characters are decoded where a class needs them)

    /// Step 1: `url(` blanks, a run without blanks or `)`, blanks, `)` and the blanks after it
    /// become one space. A `url(` that does not have this shape stays, and fails step 2.
    static func removingURLFunctions(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.firstOccurrence(of: Array("url".utf8), from: 0) != nil else { return bytes }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if let end = urlFunctionEnd(in: bytes, from: index) {
                result.append(UInt8(ascii: " "))
                index = end
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return result
    }

    private static func urlFunctionEnd(in bytes: [UInt8], from start: Int) -> Int? {
        let count = bytes.count
        guard count - start >= 4, bytes[start] == UInt8(ascii: "u"), bytes[start + 1] == UInt8(ascii: "r"),
              bytes[start + 2] == UInt8(ascii: "l") else { return nil }
        var index = skippingBlanks(bytes, from: start + 3)
        guard index < count, bytes[index] == UInt8(ascii: "(") else { return nil }
        index = skippingBlanks(bytes, from: index + 1)
        let argumentStart = index
        while index < count, bytes[index] != UInt8(ascii: ")"), blankLength(bytes, at: index) == 0 { index += 1 }
        guard index > argumentStart else { return nil }
        index = skippingBlanks(bytes, from: index)
        guard index < count, bytes[index] == UInt8(ascii: ")") else { return nil }
        return skippingBlanks(bytes, from: index + 1)
    }

    /// Step 2, as a reachability pass over positions: each position that a sequence of allowed
    /// pieces can reach from the start is marked; the value passes when its end is reached.
    static func passesCharacterGauntlet(_ bytes: [UInt8]) -> Bool {
        let count = bytes.count
        var reachable = [Bool](repeating: false, count: count + 1)
        reachable[0] = true
        var index = 0
        while index < count {
            defer { index += characterLength(bytes, at: index) }
            guard reachable[index] else { continue }
            let byte = bytes[index]
            let length = characterLength(bytes, at: index)
            if isPlainCharacter(byte) || blankLength(bytes, at: index) > 0 { reachable[index + length] = true }
            let wordLength = wordCharacterLength(bytes, at: index)
            if wordLength > 0, index + wordLength < count, bytes[index + wordLength] == UInt8(ascii: "-") {
                let nextLength = wordCharacterLength(bytes, at: index + wordLength + 1)
                if nextLength > 0 { reachable[index + wordLength + 1 + nextLength] = true }
            }
            if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") {
                var end = index + 1
                while end < count {
                    let step = max(blankLength(bytes, at: end), wordCharacterLength(bytes, at: end))
                    if step == 0 { break }
                    end += step
                }
                if end > index + 1, end < count, bytes[end] == byte { reachable[end + 1] = true }
            }
            if byte == UInt8(ascii: "(") {
                var end = index + 1
                while end < count, isDigit(bytes[end]) || bytes[end] == UInt8(ascii: ",") || isASCIIBlank(bytes[end]) {
                    end += 1
                }
                if end > index + 1, end < count, bytes[end] == UInt8(ascii: ")") { reachable[end + 1] = true }
            }
        }
        return reachable[count]
    }

    /// Step 3: `property: value` pairs separated by `;`, nothing else but blanks; nil otherwise.
    /// Values keep their inner spacing, without trailing blanks.
    static func declarations(in bytes: [UInt8]) -> [(property: String, value: String)]? {
        var result: [(property: String, value: String)] = []
        var index = 0
        let count = bytes.count
        while true {
            index = skippingBlanks(bytes, from: index)
            if index == count { return result }
            let propertyStart = index
            while index < count {
                let step = bytes[index] == UInt8(ascii: "-") ? 1 : wordCharacterLength(bytes, at: index)
                if step == 0 { break }
                index += step
            }
            guard index > propertyStart else { return nil }
            let property = String(decoding: bytes[propertyStart..<index], as: UTF8.self)
            index = skippingBlanks(bytes, from: index)
            guard index < count, bytes[index] == UInt8(ascii: ":") else { return nil }
            index = skippingBlanks(bytes, from: index + 1)
            let valueStart = index
            while index < count, bytes[index] != UInt8(ascii: ":"), bytes[index] != UInt8(ascii: ";") { index += 1 }
            var value = String(decoding: bytes[valueStart..<index], as: UTF8.self)
            while let last = value.unicodeScalars.last, last.properties.isWhitespace { value.unicodeScalars.removeLast() }
            if index < count, bytes[index] == UInt8(ascii: ";") { index += 1 }
            result.append((property, value))
        }
    }

    /// `#` and hex digits; `rgb(` with up to three comma-separated numbers (split across words, as
    /// `rgb(0, 0, 0)` is); or a number of at most four digits, or two and two around a point, with
    /// an optional unit (`cm em ex in mm pc pt px %`) or a trailing `,` or `)`.
    static func isColourOrLength(_ bytes: [UInt8]) -> Bool {
        if bytes.first == UInt8(ascii: "#") {
            return bytes.count > 1 && bytes.dropFirst().allSatisfy(isHexDigit)
        }
        if bytes.starts(with: Array("rgb(".utf8)) {
            return isRGBFunctionPiece(bytes.dropFirst(4))
        }
        return isShortLength(bytes[...])
    }

    private static func isRGBFunctionPiece(_ bytes: ArraySlice<UInt8>) -> Bool {
        var rest = bytes
        func digits() -> Int {
            let run = rest.prefix(while: isDigit)
            rest = rest.dropFirst(run.count)
            return run.count
        }
        func optional(_ character: Character) {
            if rest.first == character.asciiValue { rest = rest.dropFirst() }
        }
        guard digits() > 0 else { return false }
        optional("%")
        guard rest.first == UInt8(ascii: ",") else { return false }
        rest = rest.dropFirst()
        _ = digits()
        optional("%")
        optional(",")
        _ = digits()
        optional("%")
        optional(")")
        return rest.isEmpty
    }

    private static let lengthUnits: [[UInt8]] = ["cm", "em", "ex", "in", "mm", "pc", "pt", "px", "%", ",", ")"]
        .map { Array($0.utf8) }

    private static func isShortLength(_ bytes: ArraySlice<UInt8>) -> Bool {
        var rest = bytes
        let integerDigits = rest.prefix(while: isDigit).count
        rest = rest.dropFirst(integerDigits)
        if rest.first == UInt8(ascii: ".") {
            rest = rest.dropFirst()
            let fractionDigits = rest.prefix(while: isDigit).count
            rest = rest.dropFirst(fractionDigits)
            guard integerDigits <= 2, fractionDigits <= 2 else { return false }
        } else if integerDigits > 4 {
            return false
        }
        return rest.isEmpty || lengthUnits.contains { rest.elementsEqual($0) }
    }

    // MARK: Character classes

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte >= 0x61 && byte <= 0x66) || (byte >= 0x41 && byte <= 0x46)
    }

    private static func isASCIIBlank(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }

    /// `[:,;#%.!]`, ASCII letters and digits.
    private static func isPlainCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "#"), UInt8(ascii: "%"),
             UInt8(ascii: "."), UInt8(ascii: "!"):
            return true
        default:
            return false
        }
    }

    /// The byte length of the character starting at `index` (1 for a stray continuation byte).
    private static func characterLength(_ bytes: [UInt8], at index: Int) -> Int {
        let lead = bytes[index]
        let length = lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        return min(length, bytes.count - index)
    }

    private static func scalar(_ bytes: [UInt8], at index: Int) -> Unicode.Scalar? {
        let length = characterLength(bytes, at: index)
        var iterator = bytes[index..<(index + length)].makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
        return nil
    }

    /// The byte length of the blank (Unicode white space) at `index`, or 0.
    private static func blankLength(_ bytes: [UInt8], at index: Int) -> Int {
        guard index < bytes.count else { return 0 }
        let byte = bytes[index]
        if byte < 0x80 { return isASCIIBlank(byte) ? 1 : 0 }
        guard let scalar = scalar(bytes, at: index), scalar.properties.isWhitespace else { return 0 }
        return characterLength(bytes, at: index)
    }

    /// The byte length of the word character (a letter, digit or `_` of any script) at `index`, or 0.
    private static func wordCharacterLength(_ bytes: [UInt8], at index: Int) -> Int {
        guard index < bytes.count else { return 0 }
        let byte = bytes[index]
        if byte < 0x80 {
            return isDigit(byte) || byte == UInt8(ascii: "_") || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")) ? 1 : 0
        }
        guard let scalar = scalar(bytes, at: index),
              scalar.properties.isAlphabetic || scalar.properties.numericType != nil else { return 0 }
        return characterLength(bytes, at: index)
    }

    private static func skippingBlanks(_ bytes: [UInt8], from start: Int) -> Int {
        var index = start
        while index < bytes.count {
            let length = blankLength(bytes, at: index)
            if length == 0 { break }
            index += length
        }
        return index
    }
}
