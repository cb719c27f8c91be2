import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// Limits and manners of one HTTP client. The defaults are what a polite feed reader uses.
public struct HTTPFetchOptions: Sendable {
    /// Time to establish a connection.
    public var connectTimeout: Duration
    /// Time for the whole exchange, redirects and body included: a stalled server cannot hold a
    /// fetch longer than this.
    public var totalTimeout: Duration
    /// The largest body accepted (after decompression).
    public var maxBodyBytes: Int
    /// Redirects followed before giving up.
    public var maxRedirects: Int
    public var userAgent: String

    public init(connectTimeout: Duration = .seconds(10), totalTimeout: Duration = .seconds(60),
                maxBodyBytes: Int = 20 << 20, maxRedirects: Int = 5,
                userAgent: String = "Syndication-feed/\(SyndicationRelease.version) (+https://github.com/syndication)") {
        self.connectTimeout = connectTimeout
        self.totalTimeout = totalTimeout
        self.maxBodyBytes = maxBodyBytes
        self.maxRedirects = maxRedirects
        self.userAgent = userAgent
    }
}

/// The release the tool reports in its User-Agent and `--version`.
public enum SyndicationRelease {
    public static let version = "0.1.0"
}

/// Validators from an earlier fetch, sent back so an unchanged feed costs a 304 and no body.
public struct HTTPConditions: Sendable, Hashable {
    public var etag: String?
    public var lastModified: String?

    public init(etag: String? = nil, lastModified: String? = nil) {
        self.etag = etag
        self.lastModified = lastModified
    }
}

/// What one fetch found.
public struct HTTPFetchResult: Sendable {
    public enum Outcome: Sendable {
        /// 200: the body, with the Content-Type it came with.
        case fetched(body: [UInt8], contentType: String?)
        /// 304: unchanged since the validators sent.
        case notModified
        /// 410: the feed is gone for good.
        case gone
    }

    public var outcome: Outcome
    /// The address the answer finally came from.
    public var finalURL: String
    public var status: Int
    /// The new address when every redirect on the way was permanent (301, 308): the caller
    /// should remember it instead of the old one.
    public var permanentAddress: String?
    /// The validators the answer carried (`ETag`, `Last-Modified`), for the next conditional GET;
    /// a 304 may carry none, and then the ones sent stay valid.
    public var conditions: HTTPConditions
    /// The `Content-Location` header, when the server sent one (the document's own address).
    public var contentLocation: String?
}

/// Why a fetch failed. One line each, for the user.
public enum HTTPFetchError: Error, Sendable, Hashable, CustomStringConvertible {
    case invalidURL(String)
    case tooManyRedirects(limit: Int)
    case redirectLoop(String)
    case status(Int, String)
    /// No connection within the connect timeout.
    case connectTimedOut(after: Duration)
    /// No complete answer (head and body, redirects included) within the total timeout.
    case timedOut(after: Duration)
    case bodyTooLarge(limit: Int)
    case transport(String)

    public var description: String {
        switch self {
        case .invalidURL(let url): return "not an http or https URL: \(url)"
        case .tooManyRedirects(let limit): return "more than \(limit) redirects"
        case .redirectLoop(let url): return "redirect loop at \(url)"
        case .status(let code, let reason): return "HTTP \(code) \(reason)"
        case .connectTimedOut(let limit): return "no connection within \(Self.seconds(limit))"
        case .timedOut(let limit): return "no complete answer within \(Self.seconds(limit))"
        case .bodyTooLarge(let limit): return "the body is larger than \(limit) bytes"
        case .transport(let message): return message
        }
    }

    /// The HTTP status of the answer that caused the failure, when there was one.
    public var httpStatus: Int? {
        if case .status(let code, _) = self { return code }
        return nil
    }

    /// "10 s", "0.5 s".
    private static func seconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        if attoseconds == 0 { return "\(seconds) s" }
        let value = Double(seconds) + Double(attoseconds) / 1e18
        return "\((value * 1000).rounded() / 1000) s"
    }
}

/// Fetches feeds over HTTP and HTTPS through AsyncHTTPClient: conditional GET, gzip and deflate,
/// a bounded body, a total deadline, and redirects followed here (not by the client) so that a
/// permanent move can be told apart from a temporary one.
public final class HTTPFetcher: Sendable {
    private let client: HTTPClient
    public let options: HTTPFetchOptions

    public init(options: HTTPFetchOptions = HTTPFetchOptions()) {
        self.options = options
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: .nanoseconds(options.connectTimeout.clampedNanoseconds)),
            decompression: .enabled(limit: .ratio(200)))
        configuration.httpVersion = .automatic
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    /// Closes the client's connections; call once when done.
    public func shutdown() async {
        try? await client.shutdown()
    }

    /// Fetches `url`, sending `conditions`; follows redirects up to the limit.
    public func fetch(_ url: String, conditions: HTTPConditions = HTTPConditions()) async throws(HTTPFetchError) -> HTTPFetchResult {
        guard let first = URL(string: url), let scheme = first.scheme?.lowercased(), scheme == "http" || scheme == "https",
              first.host != nil else {
            throw .invalidURL(url)
        }
        let deadline = NIODeadline.now() + .nanoseconds(options.totalTimeout.clampedNanoseconds)
        var current = url
        var visited: Set<String> = [url]
        var allPermanent = true
        var redirects = 0
        while true {
            var request = HTTPClientRequest(url: current)
            request.headers.add(name: "User-Agent", value: options.userAgent)
            request.headers.add(name: "Accept", value: "application/atom+xml, application/rss+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5")
            request.headers.add(name: "Accept-Encoding", value: "gzip, deflate")
            if let etag = conditions.etag { request.headers.add(name: "If-None-Match", value: etag) }
            if let lastModified = conditions.lastModified { request.headers.add(name: "If-Modified-Since", value: lastModified) }

            let response: HTTPClientResponse
            do {
                response = try await client.execute(request, deadline: deadline)
            } catch {
                throw describe(error)
            }
            let status = Int(response.status.code)
            let headers = response.headers
            if [301, 302, 303, 307, 308].contains(status) {
                guard let location = headers.first(name: "Location"),
                      let next = URL(string: location, relativeTo: URL(string: current))?.absoluteString else {
                    throw .status(status, "redirect without a usable Location")
                }
                redirects += 1
                if redirects > options.maxRedirects { throw .tooManyRedirects(limit: options.maxRedirects) }
                if !visited.insert(next).inserted { throw .redirectLoop(next) }
                if status != 301 && status != 308 { allPermanent = false }
                current = next
                continue
            }
            let validators = HTTPConditions(etag: headers.first(name: "ETag"), lastModified: headers.first(name: "Last-Modified"))
            let moved = redirects > 0 && allPermanent ? current : nil
            let location = headers.first(name: "Content-Location")
            switch status {
            case 304:
                return HTTPFetchResult(outcome: .notModified, finalURL: current, status: status, permanentAddress: moved,
                                       conditions: validators, contentLocation: location)
            case 410:
                return HTTPFetchResult(outcome: .gone, finalURL: current, status: status, permanentAddress: moved,
                                       conditions: validators, contentLocation: location)
            case 200...299:
                let body: ByteBuffer
                do {
                    body = try await Self.collect(response.body, upTo: options.maxBodyBytes, deadline: deadline)
                } catch is NIOTooManyBytesError {
                    throw .bodyTooLarge(limit: options.maxBodyBytes)
                } catch {
                    throw describe(error)
                }
                return HTTPFetchResult(outcome: .fetched(body: Array(buffer: body), contentType: headers.first(name: "Content-Type")),
                                       finalURL: current, status: status, permanentAddress: moved,
                                       conditions: validators, contentLocation: location)
            default:
                throw .status(status, response.status.reasonPhrase)
            }
        }
    }

    /// The client's deadline covers the response head only; the body is raced against the same
    /// deadline here, so a server that stalls mid-body cannot hold the fetch.
    private static func collect(_ body: HTTPClientResponse.Body, upTo limit: Int, deadline: NIODeadline) async throws -> ByteBuffer {
        try await withThrowingTaskGroup(of: ByteBuffer?.self) { group in
            group.addTask { try await body.collect(upTo: limit) }
            group.addTask {
                let remaining = deadline - NIODeadline.now()
                try await Task.sleep(nanoseconds: UInt64(max(remaining.nanoseconds, 0)))
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let buffer = first else {
                throw HTTPClientError.deadlineExceeded
            }
            return buffer
        }
    }

    private func describe(_ error: any Error) -> HTTPFetchError {
        if let clientError = error as? HTTPClientError {
            switch clientError {
            case .deadlineExceeded, .readTimeout, .writeTimeout:
                return .timedOut(after: options.totalTimeout)
            case .connectTimeout, .socksHandshakeTimeout, .tlsHandshakeTimeout:
                return .connectTimedOut(after: options.connectTimeout)
            default:
                return .transport(String(describing: clientError))
            }
        }
        if error is NIOTooManyBytesError { return .bodyTooLarge(limit: options.maxBodyBytes) }
        if let io = error as? IOError {
            return .transport("cannot connect: \(String(cString: strerror(io.errnoCode)))")
        }
        if let connection = error as? NIOConnectionError {
            if let dnsError = connection.dnsAError ?? connection.dnsAAAAError {
                return .transport("cannot resolve \(connection.host): \(Self.oneLine(dnsError))")
            }
            if let first = connection.connectionErrors.first {
                return .transport("cannot connect to \(connection.host):\(connection.port): \(Self.oneLine(first.error))")
            }
        }
        return .transport(Self.oneLine(error))
    }

    private static func oneLine(_ error: any Error) -> String {
        if let io = error as? IOError { return String(cString: strerror(io.errnoCode)) }
        if let unknown = error as? SocketAddressError.UnknownHost { return unknown.errorDescription }
        let text = String(describing: error).split(whereSeparator: \.isNewline).joined(separator: " ")
        return String(text.prefix(200))
    }
}

extension Duration {
    /// The duration in whole nanoseconds, for NIO's `TimeAmount`; negative durations count as zero
    /// and huge ones as the largest amount.
    var clampedNanoseconds: Int64 {
        let (seconds, attoseconds) = components
        guard seconds >= 0, attoseconds >= 0 else { return 0 }
        let (whole, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        if overflow { return .max }
        let (sum, overflowAgain) = whole.addingReportingOverflow(attoseconds / 1_000_000_000)
        return overflowAgain ? .max : sum
    }
}
