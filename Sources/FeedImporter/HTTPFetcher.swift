import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

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
    case timedOut(seconds: Int)
    case bodyTooLarge(limit: Int)
    case transport(String)

    public var description: String {
        switch self {
        case .invalidURL(let url): return "not an http or https URL: \(url)"
        case .tooManyRedirects(let limit): return "more than \(limit) redirects"
        case .redirectLoop(let url): return "redirect loop at \(url)"
        case .status(let code, let reason): return "HTTP \(code) \(reason)"
        case .timedOut(let seconds): return "no complete answer within \(seconds) s"
        case .bodyTooLarge(let limit): return "the body is larger than \(limit) bytes"
        case .transport(let message): return message
        }
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
            timeout: .init(connect: .nanoseconds(Int64(options.connectTimeout.components.seconds) * 1_000_000_000
                                                 + options.connectTimeout.components.attoseconds / 1_000_000_000)),
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
        let deadline = NIODeadline.now() + .nanoseconds(Int64(options.totalTimeout.components.seconds) * 1_000_000_000)
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
                throw Self.describe(error, seconds: Int(options.totalTimeout.components.seconds))
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
                                       conditions: conditions, contentLocation: location)
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
                    throw Self.describe(error, seconds: Int(options.totalTimeout.components.seconds))
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

    private static func describe(_ error: any Error, seconds: Int) -> HTTPFetchError {
        if let clientError = error as? HTTPClientError {
            if clientError == .deadlineExceeded || clientError == .readTimeout || clientError == .connectTimeout {
                return .timedOut(seconds: seconds)
            }
            if clientError == .connectTimeout { return .timedOut(seconds: seconds) }
            return .transport("\(clientError)")
        }
        if error is NIOTooManyBytesError { return .transport("body too large") }
        return .transport(String(describing: error).prefix(200).description)
    }
}
