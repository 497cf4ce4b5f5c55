import ShowroomLLM
import ShowroomTestSupport
import Testing

@Suite("Metrics over HTTP")
struct MeteredChatModelTests {
    @Test func requestsErrorsLatencyAndTokensAreRecordedByBackend() async throws {
        let recorder = RecordingMetricsFactory()
        let metrics = LLMMetrics(factory: recorder)
        try await ScriptedOpenAIServer.with([.text("a").usage(prompt: 10, completion: 3), .serverError(500),
                                             .text("b").usage(prompt: 5, completion: 2).chunked(characters: 1)]) { server in
            let model = MeteredChatModel(try OpenAIChatModel(profile: server.profile(), client: TestClient.shared), metrics: metrics)
            _ = try await model.complete(ask())
            await #expect(throws: ChatModelError.self) { try await model.complete(ask()) }
            _ = try await collect(model.stream(ask()))
        }
        let backend = ("backend", "openai:scripted")
        #expect(recorder.counter("showroom_llm_requests_total", [backend]) == 3)
        #expect(recorder.counter("showroom_llm_errors_total", [backend, ("reason", "http_5xx")]) == 1)
        #expect(recorder.counter("showroom_llm_tokens_total", [backend, ("kind", "prompt")]) == 15)
        #expect(recorder.counter("showroom_llm_tokens_total", [backend, ("kind", "completion")]) == 5)
        let latencies = recorder.timerSamples("showroom_llm_latency_seconds", [backend])
        #expect(latencies.count == 3)
        #expect(latencies.allSatisfy { $0 > 0 })
    }

    @Test func fallbacksAndRetriesAreCountedWithTheirReason() async throws {
        let recorder = RecordingMetricsFactory()
        let metrics = LLMMetrics(factory: recorder)
        try await ScriptedOpenAIServer.with([.serverError(503), .unknownTool("launch_rocket")]) { server in
            let http = try OpenAIChatModel(profile: server.profile(), client: TestClient.shared)
            let retrying = RetryingChatModel(http, policy: RetryPolicy(maxRetries: 1, baseDelaySeconds: 0.01), metrics: metrics)
            let model = FallbackChatModel(primary: retrying, fallback: FixedChatModel(), validate: acceptSampleTools, metrics: metrics)
            #expect(try await model.complete(ask(tools: sampleTools)).fallbackReason != nil)
        }
        let backend = ("backend", "openai:scripted")
        #expect(recorder.counter("showroom_llm_retries_total", [backend]) == 1)
        #expect(recorder.counter("showroom_llm_fallbacks_total", [backend, ("reason", "rejected")]) == 1)
    }
}
