import FeedXML

/// The rules of one format, driven by the session's event stream. Roles are the rules' own
/// small numbers (each rules type has a `Role` enum); the session stores them in frames.
protocol FormatRules: AnyObject {
    /// What a child element of `parent` is (`index`: its position among same-named siblings), or nil for an element no rule looks at (its whole
    /// subtree is skipped). Reports what is wrong with the child's place (undefined, duplicate).
    func childRole(_ name: XMLName, index: Int, parent: inout Frame, location: XMLLocation, session: ValidationSession) -> UInt8?
    /// True when the role's text is collected for `end`.
    func collectsText(_ role: UInt8) -> Bool
    /// The element started; its attributes are readable only now.
    func start(_ frame: inout Frame, attributes: XMLAttributes, session: ValidationSession)
    /// The element ended (it is still the session's innermost frame); `text` is its own text
    /// when `collectsText` said so.
    func end(_ frame: Frame, text: ArraySlice<UInt8>, session: ValidationSession)
    /// The document ended.
    func finish(session: ValidationSession)
}
