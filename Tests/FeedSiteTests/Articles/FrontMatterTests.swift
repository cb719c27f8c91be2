import FeedSite
import Testing

@Suite("Front matter")
struct FrontMatterTests {
    @Test func fieldsKeepTheirValuesAndLineNumbers() throws {
        let split = try FrontMatter.split("---\ntitle: Hello\n\nauthor: Mara Quay\n---\nBody\n")
        #expect(split.frontMatter["title"] == FrontMatter.Field(key: "title", value: "Hello", line: 2))
        #expect(split.frontMatter["author"]?.line == 4)
        #expect(split.frontMatter.fields.map(\.key) == ["title", "author"])
    }

    @Test func valuesMayHoldColons() throws {
        let split = try FrontMatter.split("---\npublished: 2024-03-02T09:30:00Z\nuri: https://a.example/x\n---\n")
        #expect(split.frontMatter["published"]?.value == "2024-03-02T09:30:00Z")
        #expect(split.frontMatter["uri"]?.value == "https://a.example/x")
    }

    @Test func matchingQuotesAreRemovedFromValues() throws {
        let split = try FrontMatter.split("---\ntitle: \"[Draft] notes\"\nsummary: 'single'\nslug: \"half\n---\n")
        #expect(split.frontMatter["title"]?.value == "[Draft] notes")
        #expect(split.frontMatter["summary"]?.value == "single")
        #expect(split.frontMatter["slug"]?.value == "\"half")
    }

    @Test func categoriesReadAsCommaListOrBracketedList() {
        #expect(FrontMatter.list("parsing, formats") == ["parsing", "formats"])
        #expect(FrontMatter.list("[parsing, \"feed add\", parsing]") == ["parsing", "feed add"])
        #expect(FrontMatter.list("[ , one ,, ]") == ["one"])
    }

    @Test func bodyStartsAfterTheClosingLine() throws {
        let split = try FrontMatter.split("---\ntitle: T\n---\n# Heading\n\nText\n")
        #expect(split.bodyLine == 4)
        #expect(split.body == "# Heading\n\nText\n")
    }

    @Test func documentWithoutFrontMatterIsAllBody() throws {
        let split = try FrontMatter.split("# Only a heading\n\ntitle: not front matter\n")
        #expect(split.frontMatter.fields.isEmpty)
        #expect(split.bodyLine == 1)
        #expect(split.body.hasPrefix("# Only a heading"))
    }

    @Test func crlfLineEndsAndByteOrderMarkAreAccepted() throws {
        let split = try FrontMatter.split("\u{FEFF}---\r\ntitle: Windows\r\npublished: 2024-01-02\r\n---\r\nBody\r\n")
        #expect(split.frontMatter["title"]?.value == "Windows")
        #expect(split.frontMatter["published"]?.line == 3)
        #expect(split.body == "Body\n")
    }

    @Test func commentsAndBlankLinesAreSkipped() throws {
        let split = try FrontMatter.split("---\n# a comment: with a colon\n\ntitle: T\n---\n")
        #expect(split.frontMatter.fields.map(\.key) == ["title"])
    }

    @Test func unknownKeyIsAnErrorNamingItsLine() throws {
        let error = try #require(throws: ArticleProblem.self) {
            try FrontMatter.split("---\ntitle: T\npublised: 2024-01-01\n---\n")
        }
        #expect(error.line == 3)
        #expect(error.message.hasPrefix("unknown front matter key 'publised'"))
    }

    @Test func lineWithoutColonIsAnErrorNamingItsLine() throws {
        let error = try #require(throws: ArticleProblem.self) {
            try FrontMatter.split("---\ntitle: T\na continuation line\n---\n")
        }
        #expect(error.line == 3)
        #expect(error.message.contains("expected 'key: value'"))
    }

    @Test func repeatedKeyIsAnErrorNamingBothLines() throws {
        let error = try #require(throws: ArticleProblem.self) {
            try FrontMatter.split("---\ntitle: One\ntitle: Two\n---\n")
        }
        #expect(error == ArticleProblem(line: 3, "'title' is given twice (first on line 2)"))
    }

    @Test func emptyValueIsAnError() throws {
        let error = try #require(throws: ArticleProblem.self) {
            try FrontMatter.split("---\ntitle: T\nsummary:\n---\n")
        }
        #expect(error == ArticleProblem(line: 3, "'summary' has no value"))
    }

    @Test func unclosedFrontMatterIsAnErrorAtItsFirstLine() throws {
        let unclosed = try #require(throws: ArticleProblem.self) { try FrontMatter.split("---\ntitle: T\n") }
        #expect(unclosed == ArticleProblem(line: 1, "the front matter opened here is never closed by a '---' line"))
    }
}
