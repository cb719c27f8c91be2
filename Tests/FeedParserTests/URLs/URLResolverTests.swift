import FeedTestSupport
import Testing
@testable import FeedParser

/// The shapes of RFC 3986 §5.4's examples, with instances of our own, against one base.
@Suite struct URLResolverRFCExampleTests {
    static let base = "https://site.test/blog/2024/post;v1?lang=en#intro"

    @Test(arguments: [
        ("mailto:editor@site.test", "mailto:editor@site.test"),
        ("img.png", "https://site.test/blog/2024/img.png"),
        ("./img.png", "https://site.test/blog/2024/img.png"),
        ("photos/", "https://site.test/blog/2024/photos/"),
        ("/about", "https://site.test/about"),
        ("//cdn.test", "https://cdn.test"),
        ("?lang=fr", "https://site.test/blog/2024/post;v1?lang=fr"),
        ("img.png?size=2", "https://site.test/blog/2024/img.png?size=2"),
        ("#comments", "https://site.test/blog/2024/post;v1?lang=en#comments"),
        ("img.png#top", "https://site.test/blog/2024/img.png#top"),
        ("img.png?size=2#top", "https://site.test/blog/2024/img.png?size=2#top"),
        (";v2", "https://site.test/blog/2024/;v2"),
        ("post;v2", "https://site.test/blog/2024/post;v2"),
        ("post;v2?size=2#top", "https://site.test/blog/2024/post;v2?size=2#top"),
        ("", "https://site.test/blog/2024/post;v1?lang=en"),
        (".", "https://site.test/blog/2024/"),
        ("./", "https://site.test/blog/2024/"),
        ("..", "https://site.test/blog/"),
        ("../", "https://site.test/blog/"),
        ("../2023", "https://site.test/blog/2023"),
        ("../..", "https://site.test/"),
        ("../../", "https://site.test/"),
        ("../../tags", "https://site.test/tags"),
    ])
    func resolvesTheNormalExampleShapes(reference: String, expected: String) {
        #expect(URLResolver.resolve(reference, against: Self.base) == expected)
    }

    @Test(arguments: [
        ("../../../tags", "https://site.test/tags"),
        ("../../../../tags", "https://site.test/tags"),
        ("/./tags", "https://site.test/tags"),
        ("/../tags", "https://site.test/tags"),
        ("tags.", "https://site.test/blog/2024/tags."),
        (".tags", "https://site.test/blog/2024/.tags"),
        ("tags..", "https://site.test/blog/2024/tags.."),
        ("..tags", "https://site.test/blog/2024/..tags"),
        ("./../tags", "https://site.test/blog/tags"),
        ("./tags/.", "https://site.test/blog/2024/tags/"),
        ("tags/./new", "https://site.test/blog/2024/tags/new"),
        ("tags/../new", "https://site.test/blog/2024/new"),
        ("tags;page=1/./new", "https://site.test/blog/2024/tags;page=1/new"),
        ("tags;page=1/../new", "https://site.test/blog/2024/new"),
        ("tags?from=./x", "https://site.test/blog/2024/tags?from=./x"),
        ("tags?from=../x", "https://site.test/blog/2024/tags?from=../x"),
        ("tags#part/./x", "https://site.test/blog/2024/tags#part/./x"),
        ("tags#part/../x", "https://site.test/blog/2024/tags#part/../x"),
        ("https:tags", "https:tags"),
    ])
    func resolvesTheAbnormalExampleShapes(reference: String, expected: String) {
        #expect(URLResolver.resolve(reference, against: Self.base) == expected)
    }
}

@Suite struct URLResolverTests {
    @Test func referenceIsUnchangedWithoutBase() {
        #expect(URLResolver.resolve("../img/a.png", against: nil) == "../img/a.png")
    }

    @Test func emptyBaseCountsAsNoBase() {
        #expect(URLResolver.resolve("a.png", against: "  ") == "a.png")
    }

    @Test func absoluteReferenceIsReturnedAsWritten() {
        #expect(URLResolver.resolve("https://other.test/a/../b", against: "https://site.test/") == "https://other.test/a/../b")
    }

    @Test func surroundingWhitespaceOfReferenceIsTrimmed() {
        #expect(URLResolver.resolve(" \n\timg.png \r\n", against: "https://site.test/a/") == "https://site.test/a/img.png")
        #expect(URLResolver.resolve("  https://x.test/  ", against: nil) == "https://x.test/")
    }

    @Test func whitespaceOnlyReferenceResolvesToBase() {
        #expect(URLResolver.resolve("   ", against: "https://site.test/a?b#c") == "https://site.test/a?b")
    }

    @Test func baseWithoutPathGetsRootSlashForRelativePath() {
        #expect(URLResolver.resolve("feed.xml", against: "https://site.test") == "https://site.test/feed.xml")
    }

    @Test func baseWithoutPathKeepsNoSlashForQueryOrEmptyReference() {
        #expect(URLResolver.resolve("?page=2", against: "https://site.test") == "https://site.test?page=2")
        #expect(URLResolver.resolve("", against: "https://site.test") == "https://site.test")
    }

    @Test func emptyReferenceDropsTheBaseFragment() {
        #expect(URLResolver.resolve("", against: "https://site.test/p?q=1#frag") == "https://site.test/p?q=1")
    }

    @Test func schemeRelativeReferenceTakesBaseScheme() {
        #expect(URLResolver.resolve("//media.test/a/./b/../c.mp3", against: "http://site.test/x") == "http://media.test/a/c.mp3")
    }

    @Test func fileBaseIsHierarchical() {
        #expect(URLResolver.resolve("other.xml", against: "file:///home/me/feeds/a.xml") == "file:///home/me/feeds/other.xml")
        #expect(URLResolver.resolve("../b.xml", against: "file:/srv/feeds/a.xml") == "file:/srv/b.xml")
    }

    @Test(arguments: ["urn:isbn:0451450523", "mailto:editor@site.test", "tag:site.test,2024:post-1"])
    func relativeReferenceAgainstOpaqueBaseStaysAsIs(base: String) {
        #expect(URLResolver.resolve("chapter/1", against: base) == "chapter/1")
        #expect(URLResolver.resolve("/root", against: base) == "/root")
    }

    @Test func fragmentReferenceAgainstOpaqueBaseAttachesToBase() {
        #expect(URLResolver.resolve("#part2", against: "urn:isbn:0451450523") == "urn:isbn:0451450523#part2")
    }

    @Test func xmlBaseChainResolvesLevelByLevel() {
        let document = "https://site.test/feeds/main.xml"
        let feedBase = URLResolver.resolve("../archive/", against: document)
        let entryBase = URLResolver.resolve("2024/", against: feedBase)
        #expect(URLResolver.resolve("post.html", against: entryBase) == "https://site.test/archive/2024/post.html")
    }

    @Test func relativeBaseStillResolves() {
        #expect(URLResolver.resolve("item.html", against: "/feeds/") == "/feeds/item.html")
        #expect(URLResolver.resolve("../item.html", against: "feeds/daily/") == "feeds/item.html")
    }

    @Test func charactersOfReferenceAreKeptAsGiven() {
        let base = "https://site.test/dir/"
        #expect(URLResolver.resolve("été/ü.html", against: base) == "https://site.test/dir/été/ü.html")
        #expect(URLResolver.resolve("a%20b?x=%2F", against: base) == "https://site.test/dir/a%20b?x=%2F")
        #expect(URLResolver.resolve("a b|c", against: base) == "https://site.test/dir/a b|c")
    }

    @Test func referenceEndingInNonASCIICharacterIsTrimmedWhole() {
        #expect(URLResolver.resolve(" 日本 ", against: "https://site.test/") == "https://site.test/日本")
        #expect(URLResolver.resolve("\tüñï\n", against: nil) == "üñï")
    }

    @Test func internationalisedHostInBaseIsKept() {
        #expect(URLResolver.resolve("", against: "http://www.詹姆斯.com/feed") == "http://www.詹姆斯.com/feed")
    }

    @Test func colonInFirstSegmentWithInvalidSchemeIsRelative() {
        #expect(URLResolver.resolve("1abc:x", against: "https://site.test/d/") == "https://site.test/d/1abc:x")
        #expect(URLResolver.resolve("a b:c", against: "https://site.test/d/") == "https://site.test/d/a b:c")
    }

    @Test func aBaseWithDotSegmentsHasThemRemovedUnderAPlainPath() {
        #expect(URLResolver.resolve("g", against: "https://site.test/a/./b/../c/") == "https://site.test/a/c/g")
        #expect(URLResolver.resolve("/g", against: "https://site.test/a/../b/") == "https://site.test/g")
    }

    @Test func aBaseReusedAcrossReferencesResolvesEachOnItsOwn() {
        var cache = URLResolver.ParsedBase()
        let base = "https://site.test/blog/post.html"
        let resolved = ["a/b", "/root", "../up", "c?q=1#f", "https://other.test/x", " spaced "].map {
            URLResolver.resolve($0, against: base, reusing: &cache)
        }
        #expect(resolved == ["https://site.test/blog/a/b", "https://site.test/root", "https://site.test/up",
                             "https://site.test/blog/c?q=1#f", "https://other.test/x", "https://site.test/blog/spaced"])
    }

    @Test func authorityWithPortAndUserInfoIsKept() {
        #expect(URLResolver.resolve("../x", against: "http://user:pw@site.test:8080/a/b/c") == "http://user:pw@site.test:8080/a/x")
    }

    @Test(arguments: [
        ("https://site.test", true), ("urn:uuid:1", true), ("mailto:", true), ("svn+ssh://h/r", true),
        ("  HTTP://SITE.TEST", true), ("//site.test", false), ("/a", false), ("a/b:c", false),
        ("1a:b", false), (":x", false), ("", false), ("#frag", false),
    ])
    func isAbsoluteRecognisesSchemes(reference: String, expected: Bool) {
        #expect(URLResolver.isAbsolute(reference) == expected)
    }

    @Test func removeDotSegmentsHandlesBareDotSegments() {
        #expect(String(decoding: URLResolver.removingDotSegments(Array("/a/b/c/./../../g".utf8)[...]), as: UTF8.self) == "/a/g")
        #expect(String(decoding: URLResolver.removingDotSegments(Array("mid/content=5/../6".utf8)[...]), as: UTF8.self) == "mid/6")
        #expect(String(decoding: URLResolver.removingDotSegments(Array("../..".utf8)[...]), as: UTF8.self) == "")
    }

    @Test func neverCrashesOnRandomStrings() {
        var random = SeededRandom(seed: 0x5EED)
        let alphabet: [Character] = ["/", ".", ":", "?", "#", "a", "%", " ", "é", "@", "[", "]", "\u{0}", "\n", "\\"]
        for _ in 0..<3_000 {
            let reference = random.string(from: alphabet, maxLength: 12)
            let base = random.string(from: alphabet, maxLength: 16)
            _ = URLResolver.resolve(reference, against: base)
            _ = URLResolver.resolve(reference, against: "http:" + base)
            _ = URLResolver.isAbsolute(reference)
        }
    }
}

/// References handed over as bytes (attribute values as the parser holds them) resolve as the
/// same references given as strings.
@Suite struct URLResolverByteReferenceTests {
    static let base = "https://site.test/blog/2024/post;v1?lang=en#intro"

    private func resolveBytes(_ bytes: [UInt8], against base: String?) -> String {
        var cache = URLResolver.ParsedBase()
        return bytes.withUnsafeBufferPointer { URLResolver.resolve(utf8: $0, against: base, reusing: &cache) }
    }

    @Test(arguments: ["img.png", "/about", "photos/é/", "../2023", "https://cdn.test/x", " img.png ", "",
                      "#comments", "?lang=fr", "//cdn.test/y"])
    func bytesResolveAsTheSameReferenceGivenAsAString(reference: String) {
        #expect(resolveBytes(Array(reference.utf8), against: Self.base)
                == URLResolver.resolve(reference, against: Self.base))
        #expect(resolveBytes(Array(reference.utf8), against: nil) == URLResolver.resolve(reference, against: nil))
    }

    @Test func malformedUTF8InAReferenceComesBackRepaired() {
        let resolved = resolveBytes([0x69, 0xFF, 0x6D, 0x67], against: Self.base)
        #expect(resolved == "https://site.test/blog/2024/i\u{FFFD}mg")
    }
}

/// One cache serving base after base, as a reader moving between an entry's `xml:base` and the
/// feed's does, gives what a fresh cache gives for each.
@Suite struct URLResolverCacheReuseTests {
    @Test func aCacheMovedBetweenBasesResolvesAsAFreshOne() {
        let bases = ["https://long.example.org/deep/path/to/posts/", "https://s.test", "http://s.test/a/b",
                     "https://long.example.org/deep/path/to/posts/", "urn:isbn:0451450523", "/relative/base/"]
        let references = ["item.html", "/root.html", "../up.html", "?q=1", "#frag", "https://abs.test/x"]
        var cache = URLResolver.ParsedBase()
        for base in bases {
            for reference in references {
                let fresh = URLResolver.resolve(reference, against: base)
                #expect(URLResolver.resolve(reference, against: base, reusing: &cache) == fresh)
                let viaBytes = Array(reference.utf8).withUnsafeBufferPointer {
                    URLResolver.resolve(utf8: $0, against: base, reusing: &cache)
                }
                #expect(viaBytes == fresh)
            }
        }
    }
}
