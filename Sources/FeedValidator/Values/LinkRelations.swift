/// The link relations a simple `rel` name may take without a warning: those RFC 4287 §7.1
/// registers and those the IANA "Link Relations" registry added since (RFC 5005, RFC 5988,
/// RFC 8288, WebSub, …). Absolute IRIs are extensions and need no registration.
enum LinkRelations {
    static let registered: Set<String> = [
        "about", "acl", "alternate", "amphtml", "appendix", "apple-touch-icon", "apple-touch-startup-image",
        "archives", "author", "blocked-by", "bookmark", "c2pa-manifest", "canonical", "chapter", "cite-as",
        "collection", "compression-dictionary", "contents", "convertedfrom", "copyright", "create-form",
        "current", "describedby", "describes", "disclosure", "dns-prefetch", "duplicate", "edit",
        "edit-form", "edit-media", "enclosure", "external", "first", "geofeed", "glossary", "help", "hosts",
        "hub", "ice-server", "icon", "index", "intervalafter", "intervalbefore", "intervalcontains",
        "intervaldisjoint", "intervalduring", "intervalequals", "intervalfinishedby", "intervalfinishes",
        "intervalin", "intervalmeets", "intervalmetby", "intervaloverlappedby", "intervaloverlaps",
        "intervalstartedby", "intervalstarts", "item", "last", "latest-version", "license", "linkset",
        "lrdd", "manifest", "mask-icon", "me", "media-feed", "memento", "micropub", "modulepreload",
        "monitor", "monitor-group", "next", "next-archive", "nofollow", "noopener", "noreferrer", "opener",
        "openid2.local_id", "openid2.provider", "original", "p3pv1", "payment", "pingback", "preconnect",
        "predecessor-version", "prefetch", "preload", "prerender", "prev", "prev-archive", "preview",
        "previous", "privacy-policy", "profile", "publication", "related", "replies", "restconf",
        "ruleinput", "search", "section", "self", "service", "service-desc", "service-doc", "service-meta",
        "sip-trunking-capability", "sponsored", "start", "status", "stylesheet", "subsection",
        "successor-version", "sunset", "tag", "terms-of-service", "timegate", "timemap", "type", "ugc", "up",
        "version-history", "via", "webmention", "working-copy", "working-copy-of",
    ]

    /// The IANA registry's own IRIs for the registered names (RFC 4287 §4.2.7.2).
    static let ianaPrefix = "http://www.iana.org/assignments/relation/"
}
