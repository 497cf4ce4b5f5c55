import AsyncHTTPClient
import Foundation
import NIOCore
import ShowroomCore

/// A backend speaking the OpenAI chat-completions protocol (`POST {base_url}/chat/completions`):
/// vLLM, Ollama, llama.cpp server, Qwen (DashScope) and DeepSeek endpoints.
///
/// One attempt per call: retries, circuit breaking, fallback and metrics are wrappers
/// (`ChatModelStack` composes them). Failures are `ChatModelError`s: a non-2xx status is
/// `.http` (with `Retry-After`), no answer or a silent stream within `timeout_seconds` is
/// `.timeout`, a broken connection is `.transport`, and invalid JSON, a truncated stream or a
/// reply with neither text nor tool calls is `.malformed`.
public struct OpenAIChatModel: ChatModel {
    public let name: String
    public let profile: BackendProfile
    private let client: HTTPClient
    private let endpoint: String
    private let apiKey: String?

    /// Largest reply body read (bytes); a chat completion is far smaller.
    static let maxBodyBytes = 8 * 1024 * 1024

    /// - Parameters:
    ///   - client: the client for the profile's connection settings (`ModelHTTPClients.client(for:)`).
    ///   - environment: where `api_key_env` is looked up; passed by the composition root.
    public init(profile: BackendProfile, client: HTTPClient, environment: [String: String] = [:]) throws {
        try profile.validate()
        guard profile.kind == .openai, let base = profile.baseURL else {
            throw ShowroomError("invalid_config", "backends.\(profile.name) is not an openai profile")
        }
        self.name = "openai:\(profile.name)"
        self.profile = profile
        self.client = client
        self.endpoint = (base.hasSuffix("/") ? String(base.dropLast()) : base) + "/chat/completions"
        self.apiKey = try profile.resolvedAPIKey(environment: environment)
    }

    public func complete(_ request: ChatRequest) async throws -> ChatResponse {
        do {
            return try await IdleTimeout.run(seconds: profile.timeoutSeconds) { _ in
                let response = try await send(request, stream: false)
                let body = try await response.body.collect(upTo: Self.maxBodyBytes)
                return try OpenAIWire.completion(body.readableBytesView, backend: name)
            }
        } catch {
            throw HTTPFailure.map(error)
        }
    }

    public func stream(_ request: ChatRequest) -> AsyncThrowingStream<ChatStreamEvent, any Error> {
        AsyncThrowingStream.producing { yield in
            do {
                let reply = try await IdleTimeout.run(seconds: profile.timeoutSeconds) { progress in
                    try await streamReply(request, progress: progress) { yield(.delta($0)) }
                }
                yield(.completed(reply))
            } catch {
                throw HTTPFailure.map(error)
            }
        }
    }

    /// Reads the SSE body, yielding text as it arrives and returning the assembled reply.
    private func streamReply(_ request: ChatRequest, progress: IdleTimeout.ProgressMark,
                             text: @Sendable (String) -> Void) async throws -> ChatResponse {
        let response = try await send(request, stream: true)
        var parser = SSEDataParser()
        var assembler = OpenAIStreamAssembler()
        var received = false
        do {
            for try await buffer in response.body {
                await progress.touch()
                received = true
                for data in parser.feed(buffer.readableBytesView) {
                    let piece = try assembler.consume(data)
                    if !piece.isEmpty { text(piece) }
                }
                if assembler.isDone { break }
            }
        } catch {
            let mapped = HTTPFailure.map(error)
            // A connection that breaks after the reply began is a truncated reply, not an unreachable server.
            guard received, case .transport(let why) = mapped else { throw mapped }
            throw ChatModelError.malformed("truncated stream (\(why))")
        }
        for data in parser.finish() {
            let piece = try assembler.consume(data)
            if !piece.isEmpty { text(piece) }
        }
        var reply = try assembler.response(backend: name)
        if reply.usage == TokenUsage() { reply.usage = TokenUsage.estimate(request, reply: reply) }
        return reply
    }

    /// Sends the request; a non-2xx answer is thrown as `.http` with its `Retry-After` and body.
    private func send(_ request: ChatRequest, stream: Bool) async throws -> HTTPClientResponse {
        var http = HTTPClientRequest(url: endpoint)
        http.method = .POST
        http.headers.add(name: "Content-Type", value: "application/json")
        http.headers.add(name: "Accept", value: stream ? "text/event-stream" : "application/json")
        if let apiKey { http.headers.add(name: "Authorization", value: "Bearer \(apiKey)") }
        for (field, value) in profile.headers.sorted(by: { $0.key < $1.key }) {
            http.headers.replaceOrAdd(name: field, value: value)
        }
        http.body = .bytes(ByteBuffer(string: OpenAIWire.body(request, profile: profile, stream: stream).jsonString()))
        let response = try await client.execute(http, timeout: .milliseconds(Int64(profile.timeoutSeconds * 1000)))
        guard (200..<300).contains(Int(response.status.code)) else {
            let body = (try? await response.body.collect(upTo: 64 * 1024)).map { String(buffer: $0) } ?? ""
            throw ChatModelError.http(status: Int(response.status.code),
                                      retryAfterSeconds: HTTPFailure.retryAfterSeconds(response.headers.first(name: "Retry-After")),
                                      body: String(body.prefix(2000)))
        }
        return response
    }
}
