import Testing
@testable import FeedParser

@Suite struct StyleSanitizerTests {
    @Test func listedPropertiesAreKeptWithASemicolonEach() {
        #expect(StyleSanitizer.clean("color:navy;font-size:12px") == "color: navy; font-size: 12px;")
    }

    @Test func unlistedPropertiesAreDropped() {
        #expect(StyleSanitizer.clean("position: fixed; z-index: 9; color: red") == "color: red;")
    }

    @Test func vendorPrefixedPropertyDropsTheWholeStyle() {
        #expect(StyleSanitizer.clean("-moz-binding: x; color: red") == "")
    }

    @Test func urlFunctionIsRemovedAndTheRestKept() {
        #expect(StyleSanitizer.clean("background-color: #fff; background-image: url( 'x.png' ); color: red") == "background-color: #fff; color: red;")
    }

    @Test func urlWithInnerSpacesDropsTheWholeStyle() {
        #expect(StyleSanitizer.clean("color: red; background: url(a b)") == "")
    }

    @Test(arguments: [
        "width: expression(alert(1))", "color: red; content: attr(title)", "color: red /* comment */",
        "font-family: \\61 rial", "color: red; @import 'x'", "color: <b>red</b>", "color: red;;",
    ])
    func unexpectedCharactersOrStructureDropTheWholeStyle(style: String) {
        #expect(StyleSanitizer.clean(style) == "")
    }

    @Test func shorthandWithKeywordsColoursAndShortLengthsIsKept() {
        #expect(StyleSanitizer.clean("border: 1px solid #ccc") == "border: 1px solid #ccc;")
        #expect(StyleSanitizer.clean("margin: 0 15px 0 0") == "margin: 0 15px 0 0;")
        #expect(StyleSanitizer.clean("border: 2px dotted rgb(0, 128, 0)") == "border: 2px dotted rgb(0, 128, 0);")
        #expect(StyleSanitizer.clean("padding: 0.5em !important") == "padding: 0.5em !important;")
    }

    @Test func shorthandWithAnUnknownWordIsDropped() {
        #expect(StyleSanitizer.clean("background: yellow repeat-x; color: red") == "color: red;")
    }

    @Test func shorthandWithAHugeLengthIsDropped() {
        #expect(StyleSanitizer.clean("margin: 99999em") == "")
        #expect(StyleSanitizer.clean("margin: 9999em") == "margin: 9999em;")
    }

    @Test func quotedFontNamesAndHyphenatedWordsPass() {
        #expect(StyleSanitizer.clean("font-family: 'Lucida Console', sans-serif") == "font-family: 'Lucida Console', sans-serif;")
    }

    @Test func wordsInOtherScriptsAreWordCharacters() {
        #expect(StyleSanitizer.clean("font-family: 'Noto Sans 日本語', sans-serif") == "font-family: 'Noto Sans 日本語', sans-serif;")
    }

    @Test func emptyValueIsSkipped() {
        #expect(StyleSanitizer.clean("color: ; font-weight: bold") == "font-weight: bold;")
    }

    @Test func svgPaintPropertiesAreKeptOnlyInsideSVG() {
        #expect(StyleSanitizer.clean("fill: red; stroke-width: 2") == "")
        #expect(StyleSanitizer.clean("fill: red; stroke-width: 2", allowingSVGProperties: true) == "fill: red; stroke-width: 2;")
    }

    @Test func propertyNameKeepsItsCaseAndMatchesWithoutIt() {
        #expect(StyleSanitizer.clean("COLOR: red") == "COLOR: red;")
    }
}
