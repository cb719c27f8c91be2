extension KeyedEncodingContainer {
    /// The contract omits empty lists; this writes a list only when it has elements.
    mutating func encodeUnlessEmpty<T: Encodable>(_ values: [T], forKey key: Key) throws {
        if !values.isEmpty { try encode(values, forKey: key) }
    }
}

extension KeyedDecodingContainer {
    /// A list the document may omit: absent reads as empty.
    func decodeList<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> [T] {
        try decodeIfPresent([T].self, forKey: key) ?? []
    }
}
