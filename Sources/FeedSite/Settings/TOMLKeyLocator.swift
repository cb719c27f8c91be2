/// Finds the line a key is written on in a TOML document, for error messages: TOMLKit reports
/// positions for syntax errors only, not for the keys of a parsed table.
///
/// A light scan, not a TOML parser: it follows `[table]` headers and matches lines that start
/// with the key (bare or quoted) followed by `=` or `.` (a dotted key). It is right for every
/// settings file written by hand in the usual way; when it cannot find the key it says so (nil)
/// and the error is reported without a line.
struct TOMLKeyLocator {
    private let lines: [Substring]

    init(_ document: String) {
        lines = ArticleText(document).lines
    }

    /// The line (1-based) where `key` is defined in `table` (nil: the top level), or where the
    /// header `[key]` opens it.
    func line(of key: String, in table: String? = nil) -> Int? {
        var current: String?
        for (index, raw) in lines.enumerated() {
            let line = ArticleText.trimmed(raw)
            if line.hasPrefix("[") {
                let header = Self.header(line)
                if table == nil, header == key || header?.hasPrefix(key + ".") == true { return index + 1 }
                current = header
                continue
            }
            guard current == table else { continue }
            for spelling in [key, "\"\(key)\"", "'\(key)'"] where line.hasPrefix(spelling) {
                let after = ArticleText.trimmed(line.dropFirst(spelling.count))
                if after.hasPrefix("=") || after.hasPrefix(".") { return index + 1 }
            }
        }
        return nil
    }

    /// `[name]` or `[[name]]` → `name` (trimmed); nil for anything else.
    private static func header(_ line: String) -> String? {
        var text = line[...]
        while text.hasPrefix("[") { text = text.dropFirst() }
        guard let close = text.firstIndex(of: "]") else { return nil }
        return ArticleText.trimmed(text[..<close])
    }
}
