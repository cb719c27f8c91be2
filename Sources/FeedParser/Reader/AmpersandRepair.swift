/// Escapes the `&`s in attribute values that start no reference (`href="?a=1&b=2"`), which
/// libxml2 drops together with the name after them. Used only for a second reading after the
/// first one saw such an ampersand, so well-formed documents never pay for it.
enum AmpersandRepair {
    /// The document with those ampersands written `&amp;`, or nil when there were none.
    static func escapingBareAmpersandsInTags(_ bytes: [UInt8]) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 64)
        var changed = false
        var i = 0
        let n = bytes.count
        func starts(_ s: String, at index: Int) -> Bool {
            var j = index
            for b in s.utf8 {
                guard j < n, bytes[j] == b else { return false }
                j += 1
            }
            return true
        }
        func copy(through terminator: String, from index: Int) -> Int {
            var j = index
            while j < n, !starts(terminator, at: j) { j += 1 }
            let end = min(n, j + terminator.utf8.count)
            out.append(contentsOf: bytes[index..<end])
            return end
        }
        while i < n {
            let b = bytes[i]
            guard b == UInt8(ascii: "<") else {
                out.append(b)
                i += 1
                continue
            }
            if starts("<!--", at: i) { i = copy(through: "-->", from: i); continue }
            if starts("<![CDATA[", at: i) { i = copy(through: "]]>", from: i); continue }
            if starts("<?", at: i) { i = copy(through: "?>", from: i); continue }
            if starts("<!", at: i) { i = copy(through: ">", from: i); continue }
            // A tag: copy it, escaping bare ampersands inside quoted values.
            var quote: UInt8?
            while i < n {
                let c = bytes[i]
                if let q = quote {
                    if c == q {
                        quote = nil
                    } else if c == UInt8(ascii: "&"), !startsReference(bytes, at: i) {
                        out.append(contentsOf: "&amp;".utf8)
                        changed = true
                        i += 1
                        continue
                    }
                } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                    quote = c
                } else if c == UInt8(ascii: ">") {
                    out.append(c)
                    i += 1
                    break
                }
                out.append(c)
                i += 1
            }
        }
        return changed ? out : nil
    }

    /// `&name;`, `&#123;` or `&#x1F;` starts at `index`.
    private static func startsReference(_ bytes: [UInt8], at index: Int) -> Bool {
        var j = index + 1
        let n = bytes.count
        guard j < n else { return false }
        if bytes[j] == UInt8(ascii: "#") {
            j += 1
            var hex = false
            if j < n, bytes[j] == UInt8(ascii: "x") || bytes[j] == UInt8(ascii: "X") { hex = true; j += 1 }
            let start = j
            while j < n, j - start < 8 {
                let c = bytes[j]
                let digit = (c >= 48 && c <= 57) || (hex && ((c >= 65 && c <= 70) || (c >= 97 && c <= 102)))
                if !digit { break }
                j += 1
            }
            return j > start && j < n && bytes[j] == UInt8(ascii: ";")
        }
        let start = j
        while j < n, j - start < 32 {
            let c = bytes[j]
            let nameByte = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c == 46 || c == 45 || c == 95
            if !nameByte { break }
            j += 1
        }
        return j > start && j < n && bytes[j] == UInt8(ascii: ";")
    }
}
