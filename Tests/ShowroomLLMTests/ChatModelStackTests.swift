import ShowroomLLM
import ShowroomTestSupport
import Testing

@Suite("ChatModelStack over HTTP")
struct ChatModelStackTests {
    @Test func embeddedProfileIsTheFallbackItself() throws {
        let stack = try ChatModelStack(profile: BackendProfile(name: "embedded", kind: .embedded), client: TestClient.shared,
                                       fallback: FixedChatModel(name: "embedded"))
        #expect(stack.model.name == "embedded")
        #expect(stack.breaker == nil)
    }

    @Test func openaiProfileRetriesThenBreaksTheCircuitAndFallsBackQuickly() async throws {
        try await ScriptedOpenAIServer.with(otherwise: { _ in .serverError(500) }) { server in
            var profile = server.profile(maxRetries: 1)
            profile.circuitFailureThreshold = 2
            let stack = try ChatModelStack(profile: profile, client: TestClient.shared, fallback: FixedChatModel())
            let first = try await stack.model.complete(ask())
            #expect(first.content == "offline answer")
            #expect(first.fallbackReason?.hasPrefix("HTTP 500") == true)
            #expect(await server.received.count == 2)
            #expect(await stack.breaker?.state == .open)
            let second = try await stack.model.complete(ask())
            #expect(second.fallbackReason == "circuit open")
            #expect(await server.received.count == 2)
        }
    }

    @Test func healthyServerAnswersThroughTheWholeStack() async throws {
        try await ScriptedOpenAIServer.with([.text("from the GPU").chunked(characters: 4)]) { server in
            let stack = try ChatModelStack(profile: server.profile(), client: TestClient.shared, fallback: FixedChatModel())
            let events = try await collect(stack.model.stream(ask()))
            #expect(events.deltas.joined() == "from the GPU")
            #expect(events.completed?.backend == "openai:scripted")
            #expect(events.completed?.fallbackReason == nil)
        }
    }
}
