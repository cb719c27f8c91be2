import CLibXML2

/// Checks markup that a writer is about to copy into a document unescaped (Atom's inline XHTML,
/// inline XML content): one stray `<` or undeclared entity there would break the whole feed.
public enum XMLFragment {
    /// True when `markup` is well-formed, namespace-correct element content: balanced tags, only
    /// the five predefined entities and character references, every prefix declared within it.
    ///
    /// It is parsed inside a wrapper element with libxml2 and no DTD, so nothing is loaded or
    /// expanded; a fragment that closed the wrapper early leaves a document with two roots or an
    /// unmatched end tag, which fails too.
    public static func isWellFormed(_ markup: String) -> Bool {
        var handler = xmlSAXHandler()
        // SAX2 with no callbacks: libxml2 checks syntax and namespaces and reports to `serror`,
        // which drops the messages (without it they would go to stderr).
        handler.initialized = XML_SAX2_MAGIC
        handler.serror = { _, _ in }
        guard let context = xmlCreatePushParserCtxt(&handler, nil, nil, 0, nil) else { return false }
        defer {
            if let document = context.pointee.myDoc { xmlFreeDoc(document) }
            xmlFreeParserCtxt(context)
        }
        xmlCtxtUseOptions(context, Int32(XML_PARSE_NONET.rawValue))
        let document = "<fragment>" + XMLCharacterFilter.droppingForbidden(markup) + "</fragment>"
        let status = document.withCString { pointer in
            xmlParseChunk(context, pointer, Int32(clamping: document.utf8.count), 1)
        }
        return status == 0 && context.pointee.wellFormed != 0 && context.pointee.nsWellFormed != 0
    }
}
