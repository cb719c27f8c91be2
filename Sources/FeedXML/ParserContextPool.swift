import CLibXML2
import Synchronization

/// libxml2 push-parser contexts kept between parses, each with the name table that matches its
/// dictionary.
///
/// A context's dictionary hands out one pointer per name for the life of the context, and the
/// name table is keyed by those pointers; building both anew cost a small feed about a sixth of
/// its parse. Only contexts whose parse ended normally come back, and only while their dictionary
/// stays small, so a hostile document never leaves anything behind for the next one.
final class ParserContextPool: Sendable {
    static let shared = ParserContextPool()

    /// A context lent to one parser; it belongs to that parser alone until returned.
    struct Lease: @unchecked Sendable {
        let ctxt: xmlParserCtxtPtr
        let names: XMLNameTable
        /// `ctxt.options` as libxml2 set it at creation, before ours were applied: restored on
        /// reuse, because `xmlCtxtUseOptions` only ever adds some flags.
        let initialOptions: Int32
    }

    /// Room for the concurrent parses of an import; more are freed as they end.
    private static let capacity = 8
    /// Past this many dictionary entries or names a context is freed rather than kept.
    private static let maxDictionaryEntries = 2048
    private static let maxNames = 512

    private let idle = Mutex<[Lease]>([])

    /// A context from an earlier parse, ready for a new document, or nil when none is idle.
    /// The caller points the context's `userData` at its own state.
    func take(documentName: String) -> Lease? {
        guard let lease = idle.withLock({ $0.popLast() }) else { return nil }
        guard xmlCtxtResetPush(lease.ctxt, nil, 0, documentName, nil) == 0 else {
            xmlFreeParserCtxt(lease.ctxt)
            return nil
        }
        lease.ctxt.pointee.options = lease.initialOptions
        return lease
    }

    /// Takes back a context whose parse ended normally; frees it when it grew large or the pool
    /// is full.
    func giveBack(_ lease: Lease) {
        let ctxt = lease.ctxt
        let small = ctxt.pointee.dict.map { xmlDictSize($0) <= Self.maxDictionaryEntries } ?? false
            && lease.names.count <= Self.maxNames
        guard small else {
            xmlFreeParserCtxt(ctxt)
            return
        }
        // Drops the input buffers and the document now rather than while the context waits.
        xmlCtxtReset(ctxt)
        ctxt.pointee.userData = nil
        let kept = idle.withLock { leases -> Bool in
            guard leases.count < Self.capacity else { return false }
            leases.append(lease)
            return true
        }
        if !kept { xmlFreeParserCtxt(ctxt) }
    }
}
