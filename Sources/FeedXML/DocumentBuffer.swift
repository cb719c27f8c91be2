/// A whole document's bytes, held with a zero byte just past the last one (in the array's spare
/// capacity, not among its elements).
///
/// libxml2 reads its input up to a terminating zero byte. Handed bytes without one, its push
/// parser first copies the whole document into a buffer of its own; handed a `DocumentBuffer`,
/// `XMLStreamParser.finish(last:from:)` lets it read the bytes where they lie. Build one where
/// the document is read (from a file, from a response body): the copy into it replaces
/// libxml2's.
public struct DocumentBuffer: Sendable {
    /// The document. The zero byte after it is never one of its elements; this stays true
    /// because the array is never mutated here, and a mutated copy gets storage of its own.
    public let bytes: [UInt8]

    /// Copies `bytes`, followed by the zero byte.
    public init<Bytes: Collection>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        let count = bytes.count
        self.bytes = [UInt8](unsafeUninitializedCapacity: count + 1) { storage, initialized in
            var i = 0
            if bytes.withContiguousStorageIfAvailable({ (source: UnsafeBufferPointer<UInt8>) -> Void in
                if let from = source.baseAddress, let to = storage.baseAddress { to.initialize(from: from, count: count) }
            }) == nil {
                for byte in bytes {
                    storage[i] = byte
                    i += 1
                }
            }
            storage[count] = 0
            initialized = count
        }
    }

    public var count: Int { bytes.count }

    /// Runs `body` on the bytes from `start` on; the byte at `pointer + count` is the zero.
    func withTerminatedBytes<R>(from start: Int, _ body: (UnsafePointer<UInt8>, Int) -> R) -> R? {
        guard start >= 0, start < bytes.count else { return nil }
        return bytes.withUnsafeBufferPointer { all in
            all.baseAddress.map { body($0 + start, all.count - start) }
        }
    }
}
