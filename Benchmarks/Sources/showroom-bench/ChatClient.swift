import AsyncHTTPClient
import BenchSupport
import Foundation
import NIOCore
import ShowroomCore

/// The public chat API over HTTP (api.md): create a session, send a message as JSON or as a
/// streamed (SSE) turn, with the timings the load generator reports.
struct ChatClient: Sendable {
    let client: HTTPClient
    let baseURL: String
    var timeout: TimeAmount = .seconds(120)

    /// Timings of one turn, in milliseconds.
    struct TurnTiming: Sendable {
        var totalMs: Double
        /// Streamed turns: first body byte (the `route` event); JSON turns: nil.
        var firstByteMs: Double?
        var status: Int
        var heartbeats = 0
        var error: String?
    }

    /// A new session at a store; returns its id and bearer token.
    func createSession(store: String, key: String, locale: String) async throws -> (id: String, token: String) {
        var req = HTTPClientRequest(url: "\(baseURL)/v1/chat/sessions")
        req.method = .POST
        req.headers.add(name: "Content-Type", value: "application/json")
        req.headers.add(name: "X-Showroom-Key", value: key)
        req.body = .bytes(ByteBuffer(string: JSONValue.object(["store_id": .string(store), "locale": .string(locale)]).jsonString()))
        let res = try await client.execute(req, timeout: timeout)
        let body = try await res.body.collect(upTo: 1 << 20)
        let json = JSONValue.parse(String(buffer: body))
        guard res.status.code == 201, let id = json?["session_id"]?.stringValue, let token = json?["session_token"]?.stringValue else {
            throw ShowroomError("session_failed", "POST /v1/chat/sessions: \(res.status.code) \(String(buffer: body).prefix(200))")
        }
        return (id, token)
    }

    /// One turn; `stream` asks for `text/event-stream` and reads until the `done` (or `error`) event.
    func turn(session: String, token: String, text: String, stream: Bool,
              onFirstByte: (@Sendable () async -> Void)? = nil) async -> TurnTiming {
        var req = HTTPClientRequest(url: "\(baseURL)/v1/chat/sessions/\(session)/messages")
        req.method = .POST
        req.headers.add(name: "Content-Type", value: "application/json")
        req.headers.add(name: "Authorization", value: "Bearer \(token)")
        if stream { req.headers.add(name: "Accept", value: "text/event-stream") }
        req.body = .bytes(ByteBuffer(string: JSONValue.object(["text": .string(text)]).jsonString()))
        let start = ContinuousClock.now
        func ms() -> Double { Self.milliseconds(ContinuousClock.now - start) }
        do {
            let res = try await client.execute(req, timeout: timeout)
            var timing = TurnTiming(totalMs: 0, firstByteMs: nil, status: Int(res.status.code))
            if !stream || res.status.code != 200 {
                let body = try await res.body.collect(upTo: 4 << 20)
                timing.totalMs = ms()
                if res.status.code != 200 { timing.error = String(String(buffer: body).prefix(200)) }
                return timing
            }
            var tail = ""
            var finished = false
            for try await chunk in res.body {
                if timing.firstByteMs == nil {
                    timing.firstByteMs = ms()
                    await onFirstByte?()
                }
                tail += String(buffer: chunk)
                while let end = tail.range(of: "\n\n") {  // one complete event (or comment)
                    let event = tail[..<end.lowerBound]
                    if event.hasPrefix(": heartbeat") { timing.heartbeats += 1 }
                    if event.hasPrefix("event: done") { finished = true }
                    if event.hasPrefix("event: error") { timing.error = String(event.prefix(200)) }
                    tail = String(tail[end.upperBound...])
                }
            }
            timing.totalMs = ms()
            if !finished && timing.error == nil { timing.error = "stream ended without done" }
            return timing
        } catch {
            return TurnTiming(totalMs: ms(), firstByteMs: nil, status: 0, error: "\(error)")
        }
    }

    static func milliseconds(_ d: Duration) -> Double {
        Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
    }

    /// An HTTP client that opens as many connections to the server as the test needs.
    static func makeHTTPClient(connections: Int) -> HTTPClient {
        var config = HTTPClient.Configuration()
        config.connectionPool = .init(idleTimeout: .seconds(120), concurrentHTTP1ConnectionsPerHostSoftLimit: connections)
        config.timeout = .init(connect: .seconds(10), read: .seconds(120))
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: config)
    }
}
