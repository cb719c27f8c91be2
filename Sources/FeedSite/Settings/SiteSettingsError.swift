/// Why the site's settings could not be loaded, with the file and, when known, the line (and
/// column, for TOML syntax errors) — printed as one line:
/// `feeds/site.toml:7: unknown key 'titel' (known: title, subtitle, …)`.
public struct SiteSettingsError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Reason: Sendable, Hashable {
        /// The file could not be read (missing, unreadable, not UTF-8).
        case unreadable(String)
        /// TOMLKit (toml++) refused the document; its own message.
        case syntax(String)
        /// A key the settings do not know: a typo is reported, never ignored. `table` is nil at
        /// the top level, else the table's name (`author`).
        case unknownKey(String, table: String?, known: [String])
        /// A key the settings need is absent.
        case missingKey(String)
        /// The key holds another TOML type than the one expected (a number for the title).
        case wrongType(key: String, expected: String, found: String)
        /// The key's value is of the right type but unusable (a link that is no absolute URL).
        case invalidValue(key: String, problem: String)
    }

    public var file: String
    public var line: Int?
    public var column: Int?
    public var reason: Reason

    public init(file: String, line: Int? = nil, column: Int? = nil, reason: Reason) {
        self.file = file
        self.line = line
        self.column = column
        self.reason = reason
    }

    public var message: String {
        switch reason {
        case .unreadable(let why):
            return "cannot read the site settings: \(why)"
        case .syntax(let why):
            return why
        case .unknownKey(let key, let table, let known):
            let name = table.map { "\($0).\(key)" } ?? key
            return "unknown key '\(name)' (known\(table.map { " in [\($0)]" } ?? ""): \(known.joined(separator: ", ")))"
        case .missingKey(let key):
            return "the site settings need '\(key)'"
        case .wrongType(let key, let expected, let found):
            return "'\(key)' must be \(expected), not \(found)"
        case .invalidValue(let key, let problem):
            return "'\(key)': \(problem)"
        }
    }

    public var description: String {
        var place = file
        if let line {
            place += ":\(line)"
            if let column { place += ":\(column)" }
        }
        return "\(place): \(message)"
    }
}
