import ShowroomLLM
import ShowroomTestSupport
import Testing

@Suite("CircuitBreakerChatModel over HTTP")
struct CircuitBreakerChatModelTests {
    func guarded(_ server: ScriptedOpenAIServer, threshold: Int, coolDown: Duration) throws -> CircuitBreakerChatModel {
        let http = try OpenAIChatModel(profile: server.profile(), client: TestClient.shared)
        return CircuitBreakerChatModel(http, breaker: CircuitBreaker(failureThreshold: threshold, coolDown: coolDown))
    }

    @Test func opensAfterConsecutiveFailuresAndThenFailsFastWithoutCallingTheServer() async throws {
        try await ScriptedOpenAIServer.with([.serverError(), .serverError(), .serverError(), .text("unused")]) { server in
            let model = try guarded(server, threshold: 3, coolDown: .seconds(30))
            for _ in 0..<3 { await #expect(throws: ChatModelError.self) { try await model.complete(ask()) } }
            #expect(await model.breaker.state == .open)
            await #expect(throws: ChatModelError.circuitOpen) { try await model.complete(ask()) }
            let (_, streamError) = await collectUntilFailure(model.stream(ask()))
            #expect(streamError as? ChatModelError == .circuitOpen)
            #expect(await server.received.count == 3)  // failed fast: the server was not called again
        }
    }

    @Test func halfOpensAfterTheCoolDownAndASuccessfulTrialClosesIt() async throws {
        try await ScriptedOpenAIServer.with([.serverError(), .serverError(), .text("back again"), .text("and again")]) { server in
            let model = try guarded(server, threshold: 2, coolDown: .milliseconds(300))
            for _ in 0..<2 { await #expect(throws: ChatModelError.self) { try await model.complete(ask()) } }
            await #expect(throws: ChatModelError.circuitOpen) { try await model.complete(ask()) }
            try await Task.sleep(for: .milliseconds(400))
            #expect(await model.breaker.state == .halfOpen)
            #expect(try await model.complete(ask()).content == "back again")
            #expect(await model.breaker.state == .closed)
            #expect(try await model.complete(ask()).content == "and again")
        }
    }

    @Test func failedTrialReopensForAnotherCoolDown() async throws {
        try await ScriptedOpenAIServer.with([.serverError(), .serverError(), .text("unused")]) { server in
            let model = try guarded(server, threshold: 1, coolDown: .milliseconds(200))
            await #expect(throws: ChatModelError.self) { try await model.complete(ask()) }
            try await Task.sleep(for: .milliseconds(250))
            await #expect(throws: ChatModelError.http(status: 500, retryAfterSeconds: nil, body: #"{"error":{"message":"scripted failure"}}"#)) {
                try await model.complete(ask())
            }
            #expect(await model.breaker.state == .open)
            await #expect(throws: ChatModelError.circuitOpen) { try await model.complete(ask()) }
            #expect(await server.received.count == 2)
        }
    }

    @Test func halfOpenLetsExactlyOneTrialThrough() async throws {
        try await ScriptedOpenAIServer.with([.serverError(), .text("slow trial").delayed(ms: 300)]) { server in
            let model = try guarded(server, threshold: 1, coolDown: .milliseconds(100))
            await #expect(throws: ChatModelError.self) { try await model.complete(ask()) }
            try await Task.sleep(for: .milliseconds(150))
            async let trial = model.complete(ask())
            try await Task.sleep(for: .milliseconds(100))
            await #expect(throws: ChatModelError.circuitOpen) { try await model.complete(ask()) }
            #expect(try await trial.content == "slow trial")
            #expect(await model.breaker.state == .closed)
        }
    }

    @Test func clientErrorsDoNotOpenTheCircuit() async throws {
        try await ScriptedOpenAIServer.with([.serverError(400), .serverError(422), .text("fine")]) { server in
            let model = try guarded(server, threshold: 2, coolDown: .seconds(30))
            for _ in 0..<2 { await #expect(throws: ChatModelError.self) { try await model.complete(ask()) } }
            #expect(await model.breaker.state == .closed)
            #expect(try await model.complete(ask()).content == "fine")
        }
    }

    @Test func successResetsTheFailureCount() async throws {
        try await ScriptedOpenAIServer.with([.serverError(), .text("ok"), .serverError(), .text("still closed")]) { server in
            let model = try guarded(server, threshold: 2, coolDown: .seconds(30))
            await #expect(throws: ChatModelError.self) { try await model.complete(ask()) }
            _ = try await model.complete(ask())
            await #expect(throws: ChatModelError.self) { try await model.complete(ask()) }
            #expect(try await model.complete(ask()).content == "still closed")
        }
    }
}
