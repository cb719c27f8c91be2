import FeedXML

/// An open element the rules look at. Elements the rules never look at (foreign markup,
/// inline XHTML, the inside of undefined elements) get no frame: the session only counts their depth.
struct Frame {
    var name: XMLName
    /// What the element is to the format's rules; its meaning belongs to the rules object.
    var role: UInt8
    var position: SourcePosition
    /// 1-based position among the parent's children of the same name.
    var index: Int
    /// Where its text starts in the session's text buffer, or -1 when it collects none.
    var textStart: Int
    /// An absolute base URL (an `xml:base`, or the document's address) is in scope.
    var hasBase: Bool
    /// Roles of the children seen so far (bit n for role n; roles stay below 128).
    var childRoles = RoleSet()
    /// How many child elements it has, of any kind.
    var childElements = 0
    /// Per-name child counts, for the children's path indices.
    var childNameCounts: [(id: Int, count: Int)] = []
    /// An attribute a rule needs again when the element ends (content type, isPermaLink).
    var attributeA: String?
    /// A small mode a rule sets at the start (text construct type, …).
    var mode: UInt8 = 0
    /// Marks rules set (see the static masks).
    var flags: UInt8 = 0

    /// A child element was already reported, so later ones are not.
    static let reportedChildFlag: UInt8 = 1
    /// atom:content has a src attribute.
    static let hasSourceFlag: UInt8 = 2

    mutating func nextIndex(for name: XMLName) -> Int {
        for i in childNameCounts.indices where childNameCounts[i].id == name.id {
            childNameCounts[i].count += 1
            return childNameCounts[i].count
        }
        childNameCounts.append((name.id, 1))
        return 1
    }
}

/// A set of small role numbers.
struct RoleSet {
    private var low: UInt64 = 0
    private var high: UInt64 = 0

    func contains(_ role: UInt8) -> Bool {
        role < 64 ? low & (1 << UInt64(role)) != 0 : high & (1 << UInt64(role - 64)) != 0
    }

    /// Inserts the role; false when it was already there.
    @discardableResult
    mutating func insert(_ role: UInt8) -> Bool {
        let had = contains(role)
        if role < 64 { low |= 1 << UInt64(role) } else { high |= 1 << UInt64(role & 63) }
        return !had
    }
}
