/// The compiler-style lines `feed validate` prints by default:
/// `feeds/atom.xml:2:1: error: feed has no <id> (RFC 4287 §4.1.1) [missing-element]`.
public enum HumanReportRenderer {
    /// One line per diagnostic, each ending in a newline; nothing for a clean document.
    public static func render(_ report: ValidationReport, minimumSeverity: ValidationSeverity = .info) -> String {
        var out = ""
        for d in report.diagnostics where d.severity <= minimumSeverity {
            out += "\(report.file):\(d.line):\(d.column): \(d.severity.rawValue): \(d.message) [\(d.code)]\n"
        }
        return out
    }
}

/// The validation-report contract: one JSON object per document, on one line.
public enum JSONLinesReportRenderer {
    public static func render(_ report: ValidationReport) -> String {
        let diagnostics = report.diagnostics.map { d in
            JSONText.object([
                ("severity", JSONText.quoted(d.severity.rawValue)), ("code", JSONText.quoted(d.code)),
                ("message", JSONText.quoted(d.message)), ("line", String(d.line)), ("column", String(d.column)),
                ("path", JSONText.quoted(d.path)),
            ])
        }
        return JSONText.object([
            ("file", JSONText.quoted(report.file)), ("format", JSONText.quoted(report.format)),
            ("valid", report.valid ? "true" : "false"), ("diagnostics", JSONText.array(diagnostics)),
        ]) + "\n"
    }
}

/// SARIF 2.1.0 (OASIS), the format code-scanning services read to annotate files in CI: one
/// run, the catalogue as `tool.driver.rules`, one result per diagnostic.
public enum SARIFReportRenderer {
    public static let schema = "https://json.schemastore.org/sarif-2.1.0.json"

    public static func render(_ reports: [ValidationReport], toolVersion: String) -> String {
        let rules = ValidationCode.all.map { code in
            JSONText.object([
                ("id", JSONText.quoted(code.id)),
                ("shortDescription", JSONText.object([("text", JSONText.quoted(code.summary))])),
                ("helpUri", JSONText.quoted("docs/validation-codes.md#\(code.id)")),
                ("properties", JSONText.object([("specification", JSONText.quoted(code.specification))])),
                ("defaultConfiguration", JSONText.object([("level", JSONText.quoted(level(code.severity)))])),
            ])
        }
        let ruleIndex = Dictionary(ValidationCode.all.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var results: [String] = []
        for report in reports {
            for d in report.diagnostics {
                var pairs: [(String, String)] = [("ruleId", JSONText.quoted(d.code))]
                if let index = ruleIndex[d.code] { pairs.append(("ruleIndex", String(index))) }
                pairs.append(("level", JSONText.quoted(level(d.severity))))
                pairs.append(("message", JSONText.object([("text", JSONText.quoted(d.message))])))
                let location = JSONText.object([
                    ("physicalLocation", JSONText.object([
                        ("artifactLocation", JSONText.object([("uri", JSONText.quoted(artifactURI(report.file)))])),
                        ("region", JSONText.object([("startLine", String(d.line)), ("startColumn", String(d.column))])),
                    ])),
                    ("logicalLocations", JSONText.array([JSONText.object([("fullyQualifiedName", JSONText.quoted(d.path))])])),
                ])
                pairs.append(("locations", JSONText.array([location])))
                results.append(JSONText.object(pairs))
            }
        }
        let driver = JSONText.object([
            ("name", JSONText.quoted("feed validate")), ("version", JSONText.quoted(toolVersion)),
            ("informationUri", JSONText.quoted("https://github.com/syndication")),
            ("rules", JSONText.array(rules)),
        ])
        let run = JSONText.object([("tool", JSONText.object([("driver", driver)])), ("results", JSONText.array(results))])
        return JSONText.object([
            ("$schema", JSONText.quoted(schema)), ("version", JSONText.quoted("2.1.0")), ("runs", JSONText.array([run])),
        ]) + "\n"
    }

    static func level(_ severity: ValidationSeverity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    /// A relative path stays relative (CI resolves it against the checkout); spaces are escaped.
    private static func artifactURI(_ file: String) -> String {
        var out = ""
        for ch in file.unicodeScalars {
            switch ch {
            case " ": out += "%20"
            case "%": out += "%25"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}
