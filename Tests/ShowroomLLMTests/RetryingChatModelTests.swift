import ShowroomLLM
import ShowroomTestSupport
import Testing

@Suite("RetryingChatModel over HTTP")
struct RetryingChatModelTests {
    func retrying(_ server: ScriptedOpenAIServer, retries: Int = 2, timeout: Double = 5,
                  cap: Double = 10) throws -> RetryingChatModel {
        let http = try OpenAIChatModel(profile: server.profile(timeoutSeconds: timeout), client: TestClient.shared)
        return RetryingChatModel(http, policy: RetryPolicy(maxRetries: retries, baseDelaySeconds: 0.01, retryAfterCapSeconds: cap))
    }

    @Test func serverErrorThenSuccessIsRetriedToSuccess() async throws {
        try await ScriptedOpenAIServer.with([.serverError(500), .serverError(502), .text("third time lucky")]) { server in
            let reply = try await retrying(server).complete(ask())
            #expect(reply.content == "third time lucky")
            #expect(await server.received.count == 3)
        }
    }

    @Test func retriesStopAfterMaxRetries() async throws {
        try await ScriptedOpenAIServer.with([.serverError(500), .serverError(500), .serverError(500), .text("never")]) { server in
            let error = await #expect(throws: ChatModelError.self) { try await retrying(server, retries: 2).complete(ask()) }
            guard case .http(500, _, _)? = error else { Issue.record("got \(String(describing: error))"); return }
            #expect(await server.received.count == 3)
        }
    }

    @Test func retryAfterIsHonoured() async throws {
        try await ScriptedOpenAIServer.with([.tooManyRequests(retryAfter: "1"), .text("after the pause")]) { server in
            let start = ContinuousClock.now
            let reply = try await retrying(server).complete(ask())
            #expect(reply.content == "after the pause")
            #expect(ContinuousClock.now - start >= .seconds(1))
            #expect(await server.received.count == 2)
        }
    }

    @Test func retryAfterBeyondTheCapFailsAtOnce() async throws {
        try await ScriptedOpenAIServer.with([.tooManyRequests(retryAfter: "120"), .text("too late")]) { server in
            let start = ContinuousClock.now
            let error = await #expect(throws: ChatModelError.self) { try await retrying(server, cap: 5).complete(ask()) }
            guard case .http(429, 120?, _)? = error else { Issue.record("got \(String(describing: error))"); return }
            // It gives up at once instead of waiting the 120 s asked for (a loose bound: CI machines are busy).
            #expect(ContinuousClock.now - start < .seconds(30))
            #expect(await server.received.count == 1)
        }
    }

    @Test func clientErrorsAndMalformedRepliesAreNotRetried() async throws {
        try await ScriptedOpenAIServer.with([.serverError(400), .invalidJSON, .text("unused")]) { server in
            let model = try retrying(server)
            await #expect(throws: ChatModelError.self) { try await model.complete(ask()) }
            await #expect(throws: ChatModelError.self) { try await model.complete(ask()) }
            #expect(await server.received.count == 2)
        }
    }

    @Test func timeoutIsRetried() async throws {
        try await ScriptedOpenAIServer.with([.text("slow").delayed(ms: 6000), .text("fast")]) { server in
            let reply = try await retrying(server, timeout: 2).complete(ask())
            #expect(reply.content == "fast")
        }
    }

    @Test func streamIsRetriedWhileNothingWasYielded() async throws {
        try await ScriptedOpenAIServer.with([.serverError(503), .text("streamed after retry").chunked(characters: 5)]) { server in
            let events = try await collect(retrying(server).stream(ask()))
            #expect(events.deltas.joined() == "streamed after retry")
            #expect(events.completed?.content == "streamed after retry")
            #expect(await server.received.count == 2)
        }
    }

    @Test func streamIsNeverRetriedAfterItsFirstDelta() async throws {
        try await ScriptedOpenAIServer.with([.text("cut short here").chunked(characters: 2).truncated(afterEvents: 3),
                                             .text("would repeat text")]) { server in
            let (events, error) = await collectUntilFailure(try retrying(server).stream(ask()))
            #expect(!events.deltas.isEmpty)
            #expect(error != nil)
            #expect(await server.received.count == 1)
        }
    }
}
