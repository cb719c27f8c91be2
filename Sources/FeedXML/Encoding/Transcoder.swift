#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin   // iconv lives in libiconv there: the target would need to link it
#endif

/// Bytes that do not decode in an encoding.
public struct UndecodableBytes: Error, Equatable, Sendable {
    /// The canonical name of the encoding that was decoding.
    public var encoding: String
    /// The offset of the first byte that does not decode, counted from the first byte the
    /// transcoder was given.
    public var offset: Int
    /// True when the bytes end in the middle of a character rather than holding a wrong one.
    public var truncated: Bool
}

/// What a ``Transcoder`` does with bytes that do not decode.
public enum InvalidBytePolicy: Sendable {
    /// Throw ``UndecodableBytes``.
    case fail
    /// Read each such byte as windows-1252 (in an encoding whose layout is not ASCII's, write
    /// U+FFFD for each code unit instead).
    case decodeAsWindows1252
    /// Write U+FFFD for each such byte (or code unit).
    case replace
}

/// Turns the bytes of one encoding into UTF-8, chunk by chunk: a character split across two
/// chunks is held back until the next one completes it.
///
/// UTF-8 and US-ASCII are only validated (a valid chunk comes back as the same array, no copy);
/// windows-1252 and ISO 8859-1 go through a table; everything else through glibc's iconv.
/// Not thread-safe: one transcoder per stream.
public final class Transcoder {
    private enum Backend {
        case utf8
        case ascii
        case windows1252(rejectsUndefinedBytes: Bool)
        case iconv(IconvConverter, mapsNextLineToLineFeed: Bool)
    }

    /// The canonical name of the encoding.
    public let encoding: String
    /// What to do with bytes that do not decode; may be changed between chunks.
    public var invalidBytes: InvalidBytePolicy
    /// How many bytes (or code units) the policy has repaired so far.
    public private(set) var repairedCount = 0
    /// The offset of the first repaired byte.
    public private(set) var firstRepairedOffset: Int?

    private let backend: Backend
    /// Bytes per code unit: what is skipped over when a unit does not decode.
    private let codeUnitSize: Int
    private let isASCIICompatible: Bool
    /// The start of a character that the last chunk cut short.
    private var pending: [UInt8] = []
    /// The stream offset of the first byte of `pending` (of the next chunk when it is empty).
    private var streamOffset = 0

    /// A transcoder for an encoding named by a canonical name or any alias; nil when the name
    /// is unknown, is `utf-16` or `utf-32` without a byte order, or iconv cannot read it here.
    public convenience init?(encoding: String, invalidBytes: InvalidBytePolicy = .fail) {
        guard let name = EncodingName.canonical(encoding), let entry = EncodingName.entry(name) else { return nil }
        self.init(entry: entry, invalidBytes: invalidBytes)
    }

    /// - Parameter rejectingUndefinedWindows1252Bytes: make the five bytes that windows-1252
    ///   leaves undefined fail, as the fallback step "then windows-1252" needs.
    init?(entry: EncodingEntry, invalidBytes: InvalidBytePolicy, rejectingUndefinedWindows1252Bytes: Bool = false) {
        switch entry.layout {
        case .utf16UnknownOrder, .utf32UnknownOrder: return nil
        case .utf16LittleEndian, .utf16BigEndian: codeUnitSize = 2
        case .utf32LittleEndian, .utf32BigEndian: codeUnitSize = 4
        case .asciiCompatible, .ebcdic: codeUnitSize = 1
        }
        switch entry.decoder {
        case .utf8: backend = .utf8
        case .ascii: backend = .ascii
        case .windows1252: backend = .windows1252(rejectsUndefinedBytes: rejectingUndefinedWindows1252Bytes)
        case .iconv(let iconvName, let mapsNextLine):
            guard let converter = IconvConverter(from: iconvName, to: "UTF-8") else { return nil }
            backend = .iconv(converter, mapsNextLineToLineFeed: mapsNextLine)
        }
        encoding = entry.name
        isASCIICompatible = entry.layout == .asciiCompatible
        self.invalidBytes = invalidBytes
    }

    /// Decodes the next chunk into UTF-8. With `final`, a character left incomplete at the end
    /// is undecodable; without it, it waits for the next chunk.
    public func decode(_ chunk: [UInt8], final: Bool) throws(UndecodableBytes) -> [UInt8] {
        if pending.isEmpty, let unchanged = passThrough(chunk, final: final) { return unchanged }
        return try chunk.withUnsafeBufferPointer { buffer throws(UndecodableBytes) in
            try decode(buffer, final: final)
        }
    }

    /// Decodes part of an array (a document after its byte order mark).
    func decode(_ chunk: ArraySlice<UInt8>, final: Bool) throws(UndecodableBytes) -> [UInt8] {
        try chunk.withUnsafeBufferPointer { buffer throws(UndecodableBytes) in
            try decode(buffer, final: final)
        }
    }

    /// The chunk itself when it is valid UTF-8 or ASCII that this encoding reads unchanged.
    private func passThrough(_ chunk: [UInt8], final: Bool) -> [UInt8]? {
        let outcome: UTF8Validation.Outcome
        switch backend {
        case .utf8: outcome = UTF8Validation.validate(chunk)
        case .ascii: outcome = chunk.withUnsafeBufferPointer { UTF8Validation.firstNonASCII($0) }.map { .invalid(at: $0) } ?? .valid
        default: return nil
        }
        switch outcome {
        case .valid:
            streamOffset += chunk.count
            return chunk
        case .truncated(let offset) where !final:
            pending = Array(chunk[offset...])
            streamOffset += offset
            return Array(chunk[..<offset])
        case .invalid, .truncated:
            return nil
        }
    }

    private func decode(_ chunk: UnsafeBufferPointer<UInt8>, final: Bool) throws(UndecodableBytes) -> [UInt8] {
        if pending.isEmpty {
            return try decodeJoined(chunk, final: final)
        }
        let joined = pending + Array(chunk)
        pending = []
        return try joined.withUnsafeBufferPointer { buffer throws(UndecodableBytes) in
            try decodeJoined(buffer, final: final)
        }
    }

    /// Decodes `input` (pending bytes already in front), keeping back an incomplete end.
    private func decodeJoined(_ input: UnsafeBufferPointer<UInt8>, final: Bool) throws(UndecodableBytes) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(input.count + input.count / 2 + 16)
        var position = 0
        while position < input.count {
            let rest = UnsafeBufferPointer(rebasing: input[position...])
            let step = convert(rest, appendingTo: &output)
            position += step.consumed
            switch step.stop {
            case .finished:
                continue
            case .incompleteSequence where !final:
                pending = Array(input[position...])
                streamOffset += position
                return output
            case .incompleteSequence, .invalidSequence:
                let badLength = min(codeUnitSize, input.count - position)
                try repair(input[position..<(position + badLength)], at: streamOffset + position,
                           truncated: step.stop == .incompleteSequence, into: &output)
                position += badLength
            }
        }
        streamOffset += input.count
        if final, case .iconv(let converter, let mapsNextLine) = backend {
            let start = output.count
            converter.flush(appendingTo: &output)
            if mapsNextLine { Self.replaceNextLines(in: &output, from: start) }
        }
        return output
    }

    private func repair(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, at offset: Int, truncated: Bool,
                        into output: inout [UInt8]) throws(UndecodableBytes) {
        switch invalidBytes {
        case .fail:
            throw UndecodableBytes(encoding: encoding, offset: offset, truncated: truncated)
        case .decodeAsWindows1252 where isASCIICompatible:
            for byte in bytes { SingleByteTables.appendWindows1252(byte, to: &output) }
        case .decodeAsWindows1252, .replace:
            output.append(contentsOf: SingleByteTables.replacementCharacter)
        }
        repairedCount += 1
        if firstRepairedOffset == nil { firstRepairedOffset = offset }
    }

    /// Converts until the end of the input or the first byte that does not decode.
    private func convert(_ input: UnsafeBufferPointer<UInt8>, appendingTo output: inout [UInt8]) -> IconvConverter.Outcome {
        switch backend {
        case .utf8:
            switch UTF8Validation.validate(input) {
            case .valid:
                output.append(contentsOf: input)
                return .init(consumed: input.count, stop: .finished)
            case .invalid(let offset):
                output.append(contentsOf: UnsafeBufferPointer(rebasing: input[..<offset]))
                return .init(consumed: offset, stop: .invalidSequence)
            case .truncated(let offset):
                output.append(contentsOf: UnsafeBufferPointer(rebasing: input[..<offset]))
                return .init(consumed: offset, stop: .incompleteSequence)
            }
        case .ascii:
            let end = UTF8Validation.firstNonASCII(input) ?? input.count
            output.append(contentsOf: UnsafeBufferPointer(rebasing: input[..<end]))
            return .init(consumed: end, stop: end == input.count ? .finished : .invalidSequence)
        case .windows1252(let rejectsUndefinedBytes):
            return SingleByteTables.decodeWindows1252(input, rejectingUndefinedBytes: rejectsUndefinedBytes,
                                                      appendingTo: &output)
        case .iconv(let converter, let mapsNextLine):
            let start = output.count
            let outcome = converter.convert(input, appendingTo: &output)
            if mapsNextLine { Self.replaceNextLines(in: &output, from: start) }
            return outcome
        }
    }

    /// EBCDIC ends lines with NEL, which XML 1.0 does not take as a line end: make it LF.
    private static func replaceNextLines(in output: inout [UInt8], from start: Int) {
        guard output[start...].contains(0x85) else { return }
        var rewritten = Array(output[..<start])
        var index = start
        while index < output.count {
            if output[index] == 0xC2, index + 1 < output.count, output[index + 1] == 0x85 {
                rewritten.append(0x0A)
                index += 2
            } else {
                rewritten.append(output[index])
                index += 1
            }
        }
        output = rewritten
    }
}

/// One glibc iconv conversion descriptor.
final class IconvConverter {
    enum Stop: Equatable {
        case finished
        case invalidSequence
        case incompleteSequence
    }

    struct Outcome {
        var consumed: Int
        var stop: Stop
    }

    private let descriptor: iconv_t
    private var scratch = [UInt8](repeating: 0, count: 16_384)

    init?(from source: String, to target: String) {
        guard let descriptor = iconv_open(target, source), descriptor != iconv_t(bitPattern: -1) else { return nil }
        self.descriptor = descriptor
    }

    deinit { iconv_close(descriptor) }

    /// Returns to the initial shift state (for stateful encodings such as ISO-2022-JP).
    func reset() {
        _ = iconv(descriptor, nil, nil, nil, nil)
    }

    /// Writes out a character the converter holds back (CP1255 and CP1258 wait for a combining
    /// mark to follow a letter) and returns to the initial state.
    func flush(appendingTo output: inout [UInt8]) {
        let scratchCount = scratch.count
        let produced = scratch.withUnsafeMutableBytes { scratchBytes in
            var outputPointer: UnsafeMutablePointer<CChar>? = scratchBytes.baseAddress?.assumingMemoryBound(to: CChar.self)
            var outputLeft = scratchCount
            _ = iconv(descriptor, nil, nil, &outputPointer, &outputLeft)
            return scratchCount - outputLeft
        }
        output.append(contentsOf: scratch[..<produced])
    }

    /// Converts as much of `input` as decodes, appending the result.
    func convert(_ input: UnsafeBufferPointer<UInt8>, appendingTo output: inout [UInt8]) -> Outcome {
        guard let inputBase = input.baseAddress, !input.isEmpty else { return Outcome(consumed: 0, stop: .finished) }
        var inputPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: inputBase)
            .assumingMemoryBound(to: CChar.self)
        var inputLeft = input.count
        let scratchCount = scratch.count
        while true {
            let (result, code, produced) = scratch.withUnsafeMutableBytes { scratchBytes in
                var outputPointer: UnsafeMutablePointer<CChar>? = scratchBytes.baseAddress?.assumingMemoryBound(to: CChar.self)
                var outputLeft = scratchCount
                let result = iconv(descriptor, &inputPointer, &inputLeft, &outputPointer, &outputLeft)
                return (result, errno, scratchCount - outputLeft)
            }
            output.append(contentsOf: scratch[..<produced])
            let consumed = input.count - inputLeft
            if result != -1 { return Outcome(consumed: consumed, stop: .finished) }
            switch code {
            case E2BIG: continue
            case EINVAL: return Outcome(consumed: consumed, stop: .incompleteSequence)
            default: return Outcome(consumed: consumed, stop: .invalidSequence)
            }
        }
    }
}
