import Testing
@testable import FeedParser

private func clean(_ html: String, base: String? = nil) -> String {
    HTMLSanitizer.sanitize(html, baseURL: base)
}

@Suite struct HTMLSanitizerElementTests {
    @Test func scriptIsRemovedWithItsContent() {
        #expect(clean("before<script type=\"text/javascript\">document.write('x')</script> after") == "before after")
    }

    @Test func scriptMentionedAsTextIsKept() {
        #expect(clean("<code>&lt;script&gt;</code> is a tag") == "<code>&lt;script&gt;</code> is a tag")
    }

    @Test func styleElementIsRemovedWithItsContent() {
        #expect(clean("<style>p { color: red }</style><p>kept</p>") == "<p>kept</p>")
    }

    @Test func appletAndTemplateAreRemovedWithTheirContent() {
        #expect(clean("a<applet code=\"x.class\">fallback</applet>b<template><p>t</p></template>c") == "abc")
    }

    @Test func iframeLosesItsTagsButNotItsText() {
        #expect(clean("see <iframe src=\"https://evil.test/\">this</iframe> now") == "see this now")
    }

    @Test func objectAndEmbedLoseTheirTagsAndParams() {
        let html = "<object data=\"movie.swf\"><param name=\"autoplay\" value=\"true\"><embed src=\"movie.swf\">Your reader has no plug-in</object>"
        #expect(clean(html) == "Your reader has no plug-in")
    }

    @Test func framesetFrameMetaLinkAndBaseAreRemoved() {
        let html = "<frameset><frame src=\"a.html\"></frameset><meta http-equiv=\"refresh\" content=\"0;url=https://evil.test/\"><link rel=\"stylesheet\" href=\"e.css\"><base href=\"https://evil.test/\">text"
        #expect(clean(html) == "text")
    }

    @Test func formTagIsRemovedButItsControlsStay() {
        let html = "<form action=\"https://evil.test/steal\" method=\"post\"><label for=\"q\">Q</label><input id=\"q\" name=\"q\"><button>Go</button></form>"
        #expect(clean(html) == "<label for=\"q\">Q</label><input id=\"q\" name=\"q\" /><button>Go</button>")
    }

    @Test func elementsWithNamesCloseToRemovedOnesAreKept() {
        #expect(clean("<s>old</s><small>fine</small><sup>2</sup><i>it</i>") == "<s>old</s><small>fine</small><sup>2</sup><i>it</i>")
    }

    @Test func unknownElementLosesItsTagsAndKeepsItsText() {
        #expect(clean("<blink>hot</blink> news <marquee>scrolling</marquee>") == "hot news scrolling")
    }

    @Test func knownElementsAreKept() {
        let html = "<h2>T</h2><p><b>b</b><i>i</i><em>e</em><strong>s</strong><a href=\"https://x.test/\">a</a></p><blockquote cite=\"https://x.test/q\">q</blockquote><pre><code>c</code></pre>"
        #expect(clean(html) == html)
    }

    @Test func tablesAndListsAreKept() {
        let html = "<table border=\"1\"><caption>c</caption><thead><tr><th scope=\"col\">h</th></tr></thead><tbody><tr><td colspan=\"2\">d</td></tr></tbody></table><ol start=\"3\"><li>x</li></ol><dl><dt>t</dt><dd>d</dd></dl>"
        #expect(clean(html) == html)
    }

    @Test func mediaElementsAreKept() {
        let html = "<figure><img src=\"https://x.test/a.jpg\" alt=\"A\" width=\"10\" height=\"20\" /><figcaption>A</figcaption></figure><audio controls=\"\" src=\"https://x.test/a.mp3\"></audio><video poster=\"https://x.test/p.jpg\"><source src=\"https://x.test/v.webm\" type=\"video/webm\" /></video>"
        #expect(clean(html) == html)
    }

    @Test func htmlHeadAndBodyOfAWholeDocumentAreUnwrapped() {
        let html = "<!DOCTYPE html><html><head><title>Page</title><style>b{}</style></head><body onload=\"evil()\"><p>Body text</p></body></html>"
        #expect(clean(html) == "Page<p>Body text</p>")
    }
}

@Suite struct HTMLSanitizerAttributeTests {
    @Test func eventHandlersAreRemoved() {
        #expect(clean("<img src=\"https://x.test/a.png\" onerror=\"alert(1)\" onload=\"alert(2)\" />") == "<img src=\"https://x.test/a.png\" />")
        #expect(clean("<b ONMOUSEOVER=\"x()\">b</b>") == "<b>b</b>")
    }

    @Test func handlerTextInsideAnAllowedAttributeIsKept() {
        #expect(clean("<abbr title=\"onclick=alert(1)\">x</abbr>") == "<abbr title=\"onclick=alert(1)\">x</abbr>")
    }

    @Test func unknownAttributesAreRemovedAndKnownOnesKept() {
        #expect(clean("<p data-track=\"1\" foo=\"bar\" class=\"intro\" lang=\"en\">x</p>") == "<p class=\"intro\" lang=\"en\">x</p>")
    }

    @Test func attributeWithoutValueGetsAnEmptyValue() {
        #expect(clean("<input type=\"checkbox\" checked>") == "<input type=\"checkbox\" checked=\"\" />")
    }

    @Test func attributeValuesAreEscapedAndDoubleQuoted() {
        #expect(clean("<abbr title='say \"hi\" & <bye>'>x</abbr>") == "<abbr title=\"say &quot;hi&quot; &amp; &lt;bye&gt;\">x</abbr>")
    }

    @Test func attributeValueCannotCloseARawTextElement() {
        let output = clean("<textarea><b title=\"</textarea><img src=x onerror=alert(1)>\">x</b></textarea>")
        #expect(!output.contains("</textarea><img"))
        #expect(!output.contains("<img"))
    }

    @Test func attributeNamesComeOutLowerCased() {
        #expect(clean("<TD COLSPAN=\"2\" ALIGN=\"left\">x</TD>") == "<td colspan=\"2\" align=\"left\">x</td>")
    }
}

@Suite struct HTMLSanitizerURLTests {
    @Test func javascriptHrefIsEmptied() {
        #expect(clean("<a href=\"javascript:alert(1)\">x</a>") == "<a href=\"\">x</a>")
    }

    @Test func javascriptInPathOrQueryIsNotAScheme() {
        #expect(clean("<a href=\"https://x.test/javascript:alert?q=javascript:1\">x</a>") == "<a href=\"https://x.test/javascript:alert?q=javascript:1\">x</a>")
    }

    @Test(arguments: [
        "JaVaScRiPt:alert(1)", "  javascript:alert(1)", "java\tscript:alert(1)", "java\nscript:alert(1)",
        "&#106;avascript:alert(1)", "&#x6A;avascript&#58;alert(1)", "\u{1}javascript:alert(1)",
        "vbscript:msgbox(1)", "data:text/html,<script>alert(1)</script>", "livescript:x",
    ])
    func disguisedUnsafeSchemesAreEmptied(url: String) {
        #expect(clean("<a href=\"\(url)\">x</a>", base: "https://site.test/") == "<a href=\"\">x</a>")
    }

    @Test func allowedSchemesAreKept() {
        let html = "<a href=\"mailto:me@x.test\">m</a><a href=\"ftp://x.test/f\">f</a><a href=\"magnet:?xt=urn:btih:abc\">g</a><a href=\"tel:+15551234\">t</a>"
        #expect(clean(html) == html)
    }

    @Test func rasterDataImageIsKeptInImgSrc() {
        #expect(clean("<img src=\"data:image/png;base64,iVBORw0KGgo=\">") == "<img src=\"data:image/png;base64,iVBORw0KGgo=\" />")
    }

    @Test func svgDataImageAndDataLinksAreEmptied() {
        #expect(clean("<img src=\"data:image/svg+xml;base64,PHN2Zz4=\">") == "<img src=\"\" />")
        #expect(clean("<a href=\"data:image/png;base64,iVBORw0KGgo=\">x</a>") == "<a href=\"\">x</a>")
    }

    @Test func relativeURLsAreResolvedAgainstTheBase() {
        let html = "<a href=\"../about\">a</a><img src=\"img/p.png\" longdesc=\"d.html\"><q cite=\"/src\">q</q><video poster=\"p.jpg\"></video><table background=\"bg.gif\"></table><button action=\"go\">b</button>"
        let expected = "<a href=\"https://site.test/about\">a</a><img src=\"https://site.test/blog/img/p.png\" longdesc=\"https://site.test/blog/d.html\" /><q cite=\"https://site.test/src\">q</q><video poster=\"https://site.test/blog/p.jpg\"></video><table background=\"https://site.test/blog/bg.gif\"></table><button action=\"https://site.test/blog/go\">b</button>"
        #expect(clean(html, base: "https://site.test/blog/post.html") == expected)
    }

    @Test func relativeURLsStayRelativeWithoutBase() {
        #expect(clean("<a href=\" ../about \">a</a>") == "<a href=\"../about\">a</a>")
    }

    @Test func fragmentAndQueryOnlyLinksResolveAgainstTheBase() {
        #expect(clean("<a href=\"#notes\">n</a><a href=\"?page=2\">p</a>", base: "https://site.test/post?page=1#top")
                == "<a href=\"https://site.test/post?page=1#notes\">n</a><a href=\"https://site.test/post?page=2\">p</a>")
    }

    @Test func xmlBaseInsideTheMarkupRebasesItsDescendants() {
        let html = "<div xml:base=\"https://cdn.test/media/\"><img src=\"a.png\"></div><img src=\"b.png\">"
        #expect(clean(html, base: "https://site.test/") == "<div><img src=\"https://cdn.test/media/a.png\" /></div><img src=\"https://site.test/b.png\" />")
    }

    @Test func usemapReferenceIsNotResolved() {
        #expect(clean("<img src=\"m.png\" usemap=\"#map\">", base: "https://site.test/") == "<img src=\"https://site.test/m.png\" usemap=\"#map\" />")
    }
}

@Suite struct HTMLSanitizerStyleAttributeTests {
    @Test func safeDeclarationsAreKept() {
        #expect(clean("<span style=\"color: teal; font-weight: bold\">x</span>") == "<span style=\"color: teal; font-weight: bold;\">x</span>")
    }

    @Test func urlFunctionIsRemovedFromStyle() {
        #expect(clean("<span style=\"color: red; background-image: url(https://track.test/p.gif)\">x</span>") == "<span style=\"color: red;\">x</span>")
    }

    @Test func expressionDropsTheWholeStyle() {
        #expect(clean("<div style=\"color: red; width: expression(alert(1))\">x</div>") == "<div>x</div>")
    }

    @Test func disallowedPropertyIsDropped() {
        #expect(clean("<div style=\"position: absolute; top: 0; text-align: center\">x</div>") == "<div style=\"text-align: center;\">x</div>")
    }
}

@Suite struct HTMLSanitizerMarkupTests {
    @Test func commentsAreDropped() {
        #expect(clean("a<!-- secret -->b") == "ab")
    }

    @Test func escapedCommentMarkersAreKeptAsText() {
        #expect(clean("&lt;!-- shown --&gt;") == "&lt;!-- shown --&gt;")
    }

    @Test func processingInstructionsAndDoctypeAreDropped() {
        #expect(clean("<?php echo 1; ?>a<!DOCTYPE html>b") == "ab")
    }

    @Test func unterminatedCommentEndsAtTheFirstDashesFollowedByGreaterThan() {
        #expect(clean("vis<!-- -- trick >ible<script>alert(1)</script>") == "visible")
    }

    @Test func commentWithoutAnyEndHidesTheRest() {
        #expect(clean("shown<!-- hidden to the end") == "shown")
    }

    @Test func entitiesInTextComeOutAsCharacters() {
        #expect(clean("caf&eacute; &mdash; &#8220;q&#x201D; &nbsp;x") == "café — “q” \u{A0}x")
    }

    @Test func markupCharactersInTextStayEscaped() {
        #expect(clean("<p>1 &lt; 2 &amp;&amp; 3 &gt; 2</p>") == "<p>1 &lt; 2 &amp;&amp; 3 &gt; 2</p>")
    }

    @Test func bareMarkupCharactersInTextAreEscaped() {
        #expect(clean("<b>fish & chips < 5 > 3</b>") == "<b>fish &amp; chips &lt; 5 &gt; 3</b>")
    }

    @Test func plainTextPassesWithGreaterThanEscaped() {
        #expect(clean("just words -> done") == "just words -&gt; done")
    }

    @Test func voidElementsAreSelfClosed() {
        #expect(clean("a<br>b<hr>c<wbr>d") == "a<br />b<hr />c<wbr />d")
    }

    @Test func voidElementEndTagsAreNotWritten() {
        #expect(clean("a<br></br>b<img src=\"x\"></img>c") == "a<br />b<img src=\"x\" />c")
    }

    @Test func unclosedTagsAreClosedAtTheEnd() {
        #expect(clean("<p>open <b>bold <i>italic") == "<p>open <b>bold <i>italic</i></b></p>")
    }

    @Test func misnestedTagsAreRepaired() {
        #expect(clean("<b>x<i>y</b>z</i>") == "<b>x<i>y</i></b>z")
    }

    @Test func strayEndTagsAreIgnored() {
        #expect(clean("a</div></span>b") == "ab")
    }

    @Test func textIsNotWrappedInAnImpliedParagraph() {
        #expect(clean("lead <b>bold</b> tail") == "lead <b>bold</b> tail")
        #expect(clean("<b>x</b> after the element") == "<b>x</b> after the element")
    }

    @Test func writtenParagraphsAreKept() {
        #expect(clean("<p>one<p>two") == "<p>one</p><p>two</p>")
    }

    @Test func surroundingWhitespaceIsTrimmedAndCRLFBecomesLF() {
        #expect(clean("\r\n  <p>a\r\nb</p>\n ") == "<p>a\nb</p>")
    }

    @Test func cdataMarkerInHTMLIsText() {
        #expect(clean("<![CDATA[<script></script>]]&gt;") == "&lt;![CDATA[]]&gt;")
    }
}

@Suite struct HTMLSanitizerForeignContentTests {
    @Test func mathMLIsKeptWithItsNamespace() {
        #expect(clean("<math><mfrac><mi>a</mi><mn>2</mn></mfrac></math>")
                == "<math xmlns=\"http://www.w3.org/1998/Math/MathML\"><mfrac><mi>a</mi><mn>2</mn></mfrac></math>")
    }

    @Test func svgIsKeptWithItsCaseRestored() {
        #expect(clean("<svg viewBox=\"0 0 10 10\"><linearGradient id=\"g\"></linearGradient><circle cx=\"5\" cy=\"5\" r=\"4\" fill=\"red\"/></svg>")
                == "<svg viewBox=\"0 0 10 10\" xmlns=\"http://www.w3.org/2000/svg\"><linearGradient id=\"g\"></linearGradient><circle cx=\"5\" cy=\"5\" r=\"4\" fill=\"red\"></circle></svg>")
    }

    @Test func svgLinkGetsItsXLinkNamespaceAndAnUnsafeTargetIsEmptied() {
        #expect(clean("<svg><a xlink:href=\"javascript:alert(1)\"><text>t</text></a></svg>")
                == "<svg xmlns=\"http://www.w3.org/2000/svg\"><a xlink:href=\"\" xmlns:xlink=\"http://www.w3.org/1999/xlink\"><text>t</text></a></svg>")
    }

    @Test func svgAnimationElementsAreRemoved() {
        #expect(clean("<svg><a><animate attributeName=\"href\" values=\"javascript:alert(1)\"/><text>t</text></a></svg>")
                == "<svg xmlns=\"http://www.w3.org/2000/svg\"><a><text>t</text></a></svg>")
    }

    @Test func scriptInsideSVGIsRemoved() {
        #expect(clean("<svg><script>alert(1)</script><rect width=\"1\"/></svg>") == "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"1\"></rect></svg>")
    }

    @Test func svgElementNamesOutsideSVGAreNotKept() {
        #expect(clean("<circle r=\"1\">c</circle><mi>m</mi>") == "cm")
    }
}

@Suite struct HTMLSanitizerXHTMLTests {
    @Test func xhtmlIsSanitizedLikeHTML() {
        #expect(HTMLSanitizer.sanitizeXHTML("<p onclick=\"x()\">a<br/>b<script>bad()</script></p>", baseURL: nil) == "<p>a<br />b</p>")
    }

    @Test func prefixedNamesBoundToKnownNamespacesAreUnprefixed() {
        let xhtml = "<h:p xmlns:h=\"http://www.w3.org/1999/xhtml\">x <h:a href=\"y\">y</h:a></h:p>"
        #expect(HTMLSanitizer.sanitizeXHTML(xhtml, baseURL: "https://site.test/") == "<p>x <a href=\"https://site.test/y\">y</a></p>")
    }

    @Test func conventionalSVGPrefixIsUnderstoodWithoutDeclaration() {
        #expect(HTMLSanitizer.sanitizeXHTML("<svg:svg width=\"1\"><svg:rect width=\"1\"/></svg:svg>", baseURL: nil)
                == "<svg width=\"1\" xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"1\"></rect></svg>")
    }

    @Test func prefixBoundToAnotherNamespaceIsNotKept() {
        #expect(HTMLSanitizer.sanitizeXHTML("<x:b xmlns:x=\"urn:other\">t</x:b>", baseURL: nil) == "t")
    }

    @Test func cdataSectionIsText() {
        #expect(HTMLSanitizer.sanitizeXHTML("<p><![CDATA[1 < 2 & <b>]]></p>", baseURL: nil) == "<p>1 &lt; 2 &amp; &lt;b&gt;</p>")
    }

    @Test func selfClosedNonVoidElementIsClosed() {
        #expect(HTMLSanitizer.sanitizeXHTML("<div/>after", baseURL: nil) == "<div></div>after")
    }
}

@Suite struct HTMLSanitizerUnendedMarkupTests {
    @Test func declarationWithoutClosingBracketIsText() {
        #expect(clean("see <b>this</b> <!DOCTYPE and more") == "see <b>this</b> &lt;!DOCTYPE and more")
    }

    @Test func closedDoctypeIsStillDropped() {
        #expect(clean("<!DOCTYPE html>text") == "text")
    }
}
