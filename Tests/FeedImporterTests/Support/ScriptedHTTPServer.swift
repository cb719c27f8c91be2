import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix

/// One request as the server received it.
struct RecordedRequest: Sendable {
    var method: HTTPMethod
    var uri: String
    var headers: HTTPHeaders

    func header(_ name: String) -> String? { headers.first(name: name) }
}

/// What the server does with one request.
struct ScriptedResponse: Sendable {
    enum Delivery: Sendable {
        /// Head, body and end, then the connection is closed.
        case complete
        /// Nothing at all: the request is read and never answered.
        case neverAnswer
        /// The head and the first `bytes` bytes of the body, then nothing more.
        case stallAfter(bytes: Int)
    }

    var status: HTTPResponseStatus
    var headers: [(String, String)]
    var body: [UInt8]
    var coding: ContentCoding?
    var delivery: Delivery

    init(status: HTTPResponseStatus = .ok, headers: [(String, String)] = [], body: [UInt8] = [],
         coding: ContentCoding? = nil, delivery: Delivery = .complete) {
        self.status = status
        self.headers = headers
        self.body = body
        self.coding = coding
        self.delivery = delivery
    }

    /// A 200 with a feed.
    static func feed(_ document: String, contentType: String = "application/rss+xml; charset=utf-8",
                     headers: [(String, String)] = [], coding: ContentCoding? = nil) -> ScriptedResponse {
        ScriptedResponse(headers: [("Content-Type", contentType)] + headers, body: Array(document.utf8), coding: coding)
    }

    static func redirect(_ status: HTTPResponseStatus, to location: String) -> ScriptedResponse {
        ScriptedResponse(status: status, headers: [("Location", location)])
    }

    static func status(_ status: HTTPResponseStatus) -> ScriptedResponse {
        ScriptedResponse(status: status, headers: [("Content-Type", "text/plain")], body: Array("\(status.reasonPhrase)\n".utf8))
    }

    static let neverAnswer = ScriptedResponse(delivery: .neverAnswer)
}

/// An HTTP/1.1 server on 127.0.0.1 (a port the system picks) that answers each path with a
/// scripted response, records every request, and counts how many requests are open at once.
///
/// Each connection carries one exchange (`Connection: close`), so "open requests" is "connections
/// with a request received and not yet closed". Responses can be held back by a gate until a
/// number of requests are waiting together, which proves concurrency without any timing.
final class ScriptedHTTPServer: Sendable {
    typealias Route = @Sendable (RecordedRequest) -> ScriptedResponse

    private struct State {
        var routes: [String: Route] = [:]
        var requests: [RecordedRequest] = []
        var openRequests = 0
        var mostOpenRequests = 0
        var gate: Gate?
        var openChannels: [ObjectIdentifier: any Channel] = [:]
    }

    /// Holds responses until `size` requests wait together, or the last of `expected` arrived.
    private struct Gate {
        var size: Int
        var expected: Int
        var arrived = 0
        var held: [(ScriptedResponse, any Channel)] = []
    }

    private let state = NIOLockedValueBox(State())
    private let listener: NIOLockedValueBox<(any Channel)?> = NIOLockedValueBox(nil)

    private init() {}

    /// Starts a server; stop it with `stop()` (or use `withScriptedServer`).
    static func start() async throws -> ScriptedHTTPServer {
        let server = ScriptedHTTPServer()
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                server.opened(channel)
                return channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    try channel.pipeline.syncOperations.addHandler(ScriptedRequestHandler(server: server))
                }
            }
            .bind(host: "127.0.0.1", port: 0)
            .get()
        server.listener.withLockedValue { $0 = channel }
        return server
    }

    var port: Int { listener.withLockedValue { $0?.localAddress?.port ?? 0 } }

    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    /// Answers `path` (the request target, query included) with `response`.
    func route(_ path: String, _ response: ScriptedResponse) {
        route(path) { _ in response }
    }

    /// Answers `path` with what `respond` makes of each request.
    func route(_ path: String, _ respond: @escaping Route) {
        state.withLockedValue { $0.routes[path] = respond }
    }

    /// Holds every response until `size` requests are waiting together, or until the last of
    /// `expected` requests has arrived.
    func holdResponses(untilWaiting size: Int, expected: Int) {
        state.withLockedValue { $0.gate = Gate(size: size, expected: expected) }
    }

    var requests: [RecordedRequest] { state.withLockedValue { $0.requests } }

    func requests(to path: String) -> [RecordedRequest] { requests.filter { $0.uri == path } }

    /// The most requests that were open at the same moment.
    var mostOpenRequests: Int { state.withLockedValue { $0.mostOpenRequests } }

    /// Closes the listener and every connection still open (stalled ones included).
    func stop() async {
        let channel = listener.withLockedValue { $0 }
        try? await channel?.close().get()
        let open = state.withLockedValue { Array($0.openChannels.values) }
        for child in open { try? await child.close().get() }
    }

    // MARK: Called from the channels

    private func opened(_ channel: any Channel) {
        let key = ObjectIdentifier(channel)
        state.withLockedValue { $0.openChannels[key] = channel }
        channel.closeFuture.whenComplete { [self] _ in
            state.withLockedValue { _ = $0.openChannels.removeValue(forKey: key) }
        }
    }

    fileprivate func received(_ head: HTTPRequestHead, on channel: any Channel) {
        let request = RecordedRequest(method: head.method, uri: head.uri, headers: head.headers)
        let release: [(ScriptedResponse, any Channel)] = state.withLockedValue { state in
            state.requests.append(request)
            state.openRequests += 1
            state.mostOpenRequests = max(state.mostOpenRequests, state.openRequests)
            let response = state.routes[request.uri].map { $0(request) } ?? .status(.notFound)
            guard var gate = state.gate else { return [(response, channel)] }
            gate.arrived += 1
            gate.held.append((response, channel))
            var released: [(ScriptedResponse, any Channel)] = []
            if gate.held.count >= gate.size || gate.arrived >= gate.expected {
                released = gate.held
                gate.held = []
            }
            state.gate = gate
            return released
        }
        for (response, target) in release { send(response, on: target) }
    }

    fileprivate func closed(afterRequest: Bool) {
        guard afterRequest else { return }
        state.withLockedValue { $0.openRequests -= 1 }
    }

    private func send(_ response: ScriptedResponse, on channel: any Channel) {
        if case .neverAnswer = response.delivery { return }
        let body = response.coding.map { $0.encode(response.body) } ?? response.body
        var headers = HTTPHeaders(response.headers)
        if let coding = response.coding { headers.replaceOrAdd(name: "Content-Encoding", value: coding.headerValue) }
        if response.status != .notModified { headers.replaceOrAdd(name: "Content-Length", value: String(body.count)) }
        headers.replaceOrAdd(name: "Connection", value: "close")
        let head = HTTPResponseHead(version: .http1_1, status: response.status, headers: headers)
        channel.write(HTTPServerResponsePart.head(head), promise: nil)
        if case .stallAfter(let count) = response.delivery {
            channel.writeAndFlush(HTTPServerResponsePart.body(.byteBuffer(ByteBuffer(bytes: body.prefix(count)))),
                                  promise: nil)
            return
        }
        if !body.isEmpty {
            channel.write(HTTPServerResponsePart.body(.byteBuffer(ByteBuffer(bytes: body))), promise: nil)
        }
        channel.writeAndFlush(HTTPServerResponsePart.end(nil)).whenComplete { _ in
            channel.close(promise: nil)
        }
    }
}

/// Starts a server, runs `body` with it, and stops it however `body` ends.
func withScriptedServer<Result>(_ body: (ScriptedHTTPServer) async throws -> Result) async throws -> Result {
    let server = try await ScriptedHTTPServer.start()
    do {
        let result = try await body(server)
        await server.stop()
        return result
    } catch {
        await server.stop()
        throw error
    }
}

/// Reads requests off one connection and hands each complete one to the server.
private final class ScriptedRequestHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let server: ScriptedHTTPServer
    private var head: HTTPRequestHead?
    private var receivedRequest = false

    init(server: ScriptedHTTPServer) {
        self.server = server
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
        case .body:
            break
        case .end:
            guard let head else { return }
            self.head = nil
            receivedRequest = true
            server.received(head, on: context.channel)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        server.closed(afterRequest: receivedRequest)
        receivedRequest = false
        context.fireChannelInactive()
    }
}
