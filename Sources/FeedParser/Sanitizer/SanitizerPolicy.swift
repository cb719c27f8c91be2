/// The allow-lists of the HTML sanitizer: which elements, attributes, URL schemes and CSS
/// properties survive. They follow the lists the feed-reader world converged on (those of the
/// Universal Feed Parser), with the departures noted where they are made.
enum SanitizerPolicy {
    /// HTML elements kept with their allowed attributes. Anything else loses its tags but keeps
    /// its text, except the `contentDroppingElements`.
    ///
    /// Departures: `form` is not kept (controls outside a form cannot submit anything, so the
    /// controls themselves stay); `bdi`, `bdo`, `main`, `mark`, `summary`, `wbr` and `hgroup` are
    /// added, being plain HTML5 text and sectioning elements.
    static let htmlElements: Set<String> = [
        // text-level
        "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "br", "cite", "code", "del", "dfn", "em",
        "font", "i", "ins", "kbd", "m", "mark", "q", "rp", "rt", "ruby", "s", "samp", "small",
        "spacer", "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr",
        // blocks and sections
        "address", "article", "aside", "blockquote", "center", "details", "dialog", "div",
        "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup",
        "hr", "main", "multicol", "nav", "nextid", "noscript", "p", "pre", "section", "summary",
        // lists
        "dd", "dir", "dl", "dt", "li", "menu", "ol", "ul",
        // tables
        "caption", "col", "colgroup", "table", "tbody", "td", "tfoot", "th", "thead", "tr",
        // media and images
        "area", "audio", "canvas", "img", "map", "sound", "source", "video",
        // form controls, inert without a form
        "button", "command", "datagrid", "datalist", "event-source", "fieldset", "input",
        "keygen", "label", "legend", "meter", "optgroup", "option", "output", "progress",
        "select", "textarea",
    ]

    /// Elements removed together with everything inside them: their content is code, not text.
    static let contentDroppingElements: Set<String> = ["script", "style", "applet", "template"]

    /// Elements written as `<name />`, without an end tag.
    static let voidElements: Set<String> = [
        "area", "base", "basefont", "br", "col", "command", "embed", "frame", "hr", "img", "input",
        "isindex", "keygen", "link", "meta", "param", "source", "track", "wbr",
    ]

    /// Attributes kept on HTML elements. No `on*` handler is among them; `style` goes through
    /// `StyleSanitizer`.
    static let htmlAttributes: Set<String> = [
        "abbr", "accept", "accept-charset", "accesskey", "action", "align", "alt", "autocomplete",
        "autofocus", "axis", "background", "balance", "bgcolor", "bgproperties", "border",
        "bordercolor", "bordercolordark", "bordercolorlight", "bottompadding", "cellpadding",
        "cellspacing", "ch", "challenge", "char", "charoff", "charset", "checked", "choff", "cite",
        "class", "clear", "color", "cols", "colspan", "compact", "contenteditable", "controls",
        "coords", "data", "datafld", "datapagesize", "datasrc", "datetime", "default", "delay",
        "dir", "disabled", "draggable", "dynsrc", "enctype", "end", "face", "for", "form", "frame",
        "galleryimg", "gutter", "headers", "height", "hidden", "hidefocus", "high", "href",
        "hreflang", "hspace", "icon", "id", "inputmode", "ismap", "keytype", "label", "lang",
        "leftspacing", "list", "longdesc", "loop", "loopcount", "loopend", "loopstart", "low",
        "lowsrc", "max", "maxlength", "media", "method", "min", "multiple", "name", "nohref",
        "noshade", "nowrap", "open", "optimum", "pattern", "ping", "point-size", "poster", "pqg",
        "preload", "prompt", "radiogroup", "readonly", "rel", "repeat-max", "repeat-min",
        "replace", "required", "rev", "rightspacing", "rows", "rowspan", "rules", "scope",
        "selected", "shape", "size", "span", "src", "start", "step", "style", "summary",
        "suppress", "tabindex", "target", "template", "title", "toppadding", "type",
        "unselectable", "urn", "usemap", "valign", "value", "variable", "volume", "vrml", "vspace",
        "width", "wrap", "xml:lang",
    ]

    /// Attributes whose value is a URL: unsafe schemes are emptied and relative URLs resolved.
    /// `usemap` (a `#name` reference) and `data` (meaningful only on the removed `object`) are
    /// left alone.
    static let urlAttributes: Set<String> = [
        "action", "background", "cite", "dynsrc", "href", "icon", "longdesc", "lowsrc", "poster",
        "src", "xlink:href",
    ]

    /// URL schemes a reader may follow or load. A URL with any other scheme (`javascript:`,
    /// `vbscript:`, `data:` …) is emptied.
    static let urlSchemes: Set<String> = [
        "aim", "callto", "cvs", "facetime", "feed", "file", "ftp", "ftps", "geo", "git", "gopher",
        "gtalk", "h323", "hdl", "http", "https", "imap", "irc", "irc6", "ircs", "itms", "magnet",
        "mailto", "mms", "msnim", "news", "nntp", "prospero", "rsync", "rtsp", "rtspu", "sftp",
        "shttp", "sip", "sips", "skype", "sms", "smb", "snews", "ssh", "svn", "svn+ssh", "tel",
        "telnet", "urn", "wais", "webcal", "xmpp", "ymsg",
    ]

    /// `data:` URLs allowed as the `src` of an `img`: raster images, which cannot run script.
    /// SVG (`image/svg+xml`) is left out on purpose.
    static let imageDataMediaTypes: Set<String> = [
        "image/avif", "image/bmp", "image/gif", "image/jpeg", "image/jpg", "image/png", "image/webp",
    ]

    // MARK: Look-ups

    /// What the lists say of one element name.
    struct ElementFacts {
        var dropsContent = false
        /// The name as SVG spells it, for an SVG element.
        var svgName: String?
        var isMathML = false
        var isHTML = false
        var isVoid = false
    }

    /// What the lists say of one attribute name.
    struct AttributeFacts {
        var isHTML = false
        /// In `urlAttributes`.
        var isURL = false
        /// The name as SVG spells it, for an SVG attribute.
        var svgName: String?
        /// `svgName` is in `urlAttributes`.
        var svgNameIsURL = false
        var isMathML = false
    }

    /// Every element name on any list, with what the lists say of it: one look-up per start tag
    /// instead of one per list.
    static let elements = NameTable<ElementFacts>({
        let names = htmlElements.union(contentDroppingElements).union(voidElements).union(mathMLElements)
            .union(svgElementNames.keys)
        return Dictionary(uniqueKeysWithValues: names.map { name in
            (name, ElementFacts(dropsContent: contentDroppingElements.contains(name), svgName: svgElementNames[name],
                                isMathML: mathMLElements.contains(name), isHTML: htmlElements.contains(name),
                                isVoid: voidElements.contains(name)))
        })
    }())

    /// Every attribute name kept in some vocabulary, with what the lists say of it.
    static let attributes = NameTable<AttributeFacts>({
        let names = htmlAttributes.union(mathMLAttributes).union(svgAttributeNames.keys)
        return Dictionary(uniqueKeysWithValues: names.map { name in
            let svgName = svgAttributeNames[name]
            return (name, AttributeFacts(isHTML: htmlAttributes.contains(name), isURL: urlAttributes.contains(name),
                                         svgName: svgName, svgNameIsURL: svgName.map(urlAttributes.contains) ?? false,
                                         isMathML: mathMLAttributes.contains(name)))
        })
    }())

    // MARK: MathML

    static let mathMLNamespace = "http://www.w3.org/1998/Math/MathML"

    static let mathMLElements: Set<String> = [
        "annotation", "annotation-xml", "maction", "maligngroup", "malignmark", "math", "menclose",
        "merror", "mfenced", "mfrac", "mglyph", "mi", "mlabeledtr", "mlongdiv", "mmultiscripts",
        "mn", "mo", "mover", "mpadded", "mphantom", "mprescripts", "mroot", "mrow", "ms",
        "mscarries", "mscarry", "msgroup", "msline", "mspace", "msqrt", "msrow", "mstack",
        "mstyle", "msub", "msubsup", "msup", "mtable", "mtd", "mtext", "mtr", "munder",
        "munderover", "none", "semantics",
    ]

    static let mathMLAttributes: Set<String> = [
        "accent", "accentunder", "actiontype", "align", "alignmentscope", "altimg",
        "altimg-height", "altimg-valign", "altimg-width", "alttext", "bevelled", "charalign",
        "close", "columnalign", "columnlines", "columnspacing", "columnspan", "columnwidth",
        "crossout", "decimalpoint", "denomalign", "depth", "dir", "display", "displaystyle",
        "edge", "encoding", "equalcolumns", "equalrows", "fence", "fontstyle", "fontweight",
        "form", "frame", "framespacing", "groupalign", "height", "href", "id", "indentalign",
        "indentalignfirst", "indentalignlast", "indentshift", "indentshiftfirst",
        "indentshiftlast", "indenttarget", "infixlinebreakstyle", "largeop", "length", "linebreak",
        "linebreakmultchar", "linebreakstyle", "lineleading", "linethickness", "location",
        "longdivstyle", "lquote", "lspace", "mathbackground", "mathcolor", "mathsize",
        "mathvariant", "maxsize", "minlabelspacing", "minsize", "movablelimits", "notation",
        "numalign", "open", "other", "overflow", "position", "rowalign", "rowlines", "rowspacing",
        "rowspan", "rquote", "rspace", "scriptlevel", "scriptminsize", "scriptsizemultiplier",
        "selection", "separator", "separators", "shift", "side", "src", "stackalign", "stretchy",
        "subscriptshift", "superscriptshift", "symmetric", "voffset", "width", "xlink:href",
        "xlink:show", "xlink:type",
    ]

    // MARK: SVG

    static let svgNamespace = "http://www.w3.org/2000/svg"
    static let xlinkNamespace = "http://www.w3.org/1999/xlink"
    static let xhtmlNamespace = "http://www.w3.org/1999/xhtml"

    /// SVG Tiny's elements plus gradients, as written in SVG (some are camel-case; the HTML parser
    /// lower-cases them and `svgElementNames` restores the case).
    ///
    /// Departure: the animation elements (`animate`, `set`, `animateMotion`, …) are not kept, since
    /// `<animate attributeName="href" values="javascript:…">` rewrites a link after sanitizing.
    private static let svgElementList: [String] = [
        "a", "circle", "defs", "desc", "ellipse", "font-face", "font-face-name", "font-face-src",
        "foreignObject", "g", "glyph", "hkern", "line", "linearGradient", "marker", "metadata",
        "missing-glyph", "mpath", "path", "polygon", "polyline", "radialGradient", "rect", "stop",
        "svg", "switch", "text", "title", "tspan", "use",
    ]

    private static let svgAttributeList: [String] = [
        "accent-height", "accumulate", "additive", "alphabetic", "arabic-form", "ascent",
        "attributeName", "attributeType", "baseProfile", "bbox", "begin", "by", "calcMode",
        "cap-height", "class", "color", "color-rendering", "content", "cx", "cy", "d", "descent",
        "display", "dur", "dx", "dy", "end", "fill", "fill-opacity", "fill-rule", "font-family",
        "font-size", "font-stretch", "font-style", "font-variant", "font-weight", "from", "fx",
        "fy", "g1", "g2", "glyph-name", "gradientUnits", "hanging", "height", "horiz-adv-x",
        "horiz-origin-x", "id", "ideographic", "k", "keyPoints", "keySplines", "keyTimes", "lang",
        "marker-end", "marker-mid", "marker-start", "markerHeight", "markerUnits", "markerWidth",
        "mathematical", "max", "min", "name", "offset", "opacity", "orient", "origin",
        "overline-position", "overline-thickness", "panose-1", "path", "pathLength", "points",
        "preserveAspectRatio", "r", "refX", "refY", "repeatCount", "repeatDur",
        "requiredExtensions", "requiredFeatures", "restart", "rotate", "rx", "ry", "slope",
        "stemh", "stemv", "stop-color", "stop-opacity", "strikethrough-position",
        "strikethrough-thickness", "stroke", "stroke-dasharray", "stroke-dashoffset",
        "stroke-linecap", "stroke-linejoin", "stroke-miterlimit", "stroke-opacity", "stroke-width",
        "style", "systemLanguage", "target", "text-anchor", "to", "transform", "type", "u1", "u2",
        "underline-position", "underline-thickness", "unicode", "unicode-range", "units-per-em",
        "values", "version", "viewBox", "visibility", "width", "widths", "x", "x-height", "x1",
        "x2", "xlink:actuate", "xlink:arcrole", "xlink:href", "xlink:role", "xlink:show",
        "xlink:title", "xlink:type", "xml:lang", "xml:space", "y", "y1", "y2", "zoomAndPan",
    ]

    /// Lower-cased SVG element name → the name as SVG spells it.
    static let svgElementNames: [String: String] = caseRestoringMap(svgElementList)
    /// Lower-cased SVG attribute name → the name as SVG spells it.
    static let svgAttributeNames: [String: String] = caseRestoringMap(svgAttributeList)

    private static func caseRestoringMap(_ names: [String]) -> [String: String] {
        Dictionary(names.map { ($0.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Namespace prefixes understood in XHTML content even when the fragment does not declare
    /// them (the declaration usually sits on an ancestor outside the content).
    static let conventionalPrefixes: [String: String] = [
        "xhtml": xhtmlNamespace, "html": xhtmlNamespace, "h": xhtmlNamespace,
        "svg": svgNamespace, "math": mathMLNamespace, "mathml": mathMLNamespace, "m": mathMLNamespace,
    ]
}
