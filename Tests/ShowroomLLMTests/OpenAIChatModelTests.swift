import Foundation
import ShowroomCore
import ShowroomLLM
import ShowroomTestSupport
import Testing

@Suite("OpenAIChatModel over HTTP")
struct OpenAIChatModelTests {
    func model(_ server: ScriptedOpenAIServer, timeout: Double = 5, parallel: Bool? = nil) throws -> OpenAIChatModel {
        try OpenAIChatModel(profile: server.profile(timeoutSeconds: timeout, parallelToolCalls: parallel), client: TestClient.shared)
    }

    @Test func plainReplyComesBackAsTextNamedAfterTheProfile() async throws {
        try await ScriptedOpenAIServer.with([.text("Hello from the model")]) { server in
            let reply = try await model(server).complete(ask("hi"))
            #expect(reply.content == "Hello from the model")
            #expect(reply.toolCalls.isEmpty)
            #expect(reply.finishReason == "stop")
            #expect(reply.backend == "openai:scripted")
            let sent = try #require(await server.received.first)
            #expect(sent.body["model"] == "scripted")
            #expect(sent.messages.map { $0["role"] } == ["system", "user"])
            #expect(sent.messages.last?["content"] == "hi")
            #expect(sent.body["stream"] == nil)
            #expect(sent.body["tools"] == nil)
        }
    }

    @Test func requestCarriesToolsChoiceParallelFlagTemperatureAndMaxTokens() async throws {
        try await ScriptedOpenAIServer.with([.text("ok")]) { server in
            var request = ask("time?", tools: sampleTools)
            request.toolChoice = .function("get_time")
            request.temperature = 0.25
            request.maxTokens = 128
            request.messages += [
                .assistant(nil, toolCalls: [ToolCall(id: "call_9", name: "get_time", arguments: #"{"city":"Paris"}"#)]),
                .tool(id: "call_9", name: "get_time", result: #"{"time":"10:00"}"#),
            ]
            _ = try await model(server, parallel: true).complete(request)
            let body = try #require(await server.received.first).body
            #expect(body["tools"]?.arrayValue?.count == 2)
            #expect(body["tools"]?.arrayValue?.first?["type"] == "function")
            #expect(body["tools"]?.arrayValue?.first?["function"]?["parameters"] == sampleTools[0].parameters)
            #expect(body["tool_choice"] == ["type": "function", "function": ["name": "get_time"]])
            #expect(body["parallel_tool_calls"] == true)
            #expect(body["temperature"] == 0.25)
            #expect(body["max_tokens"] == 128)
            let assistant = try #require(body["messages"]?.arrayValue?[2])
            #expect(assistant["content"] == "")
            #expect(assistant["tool_calls"]?.arrayValue?.first?["function"]?["arguments"] == #"{"city":"Paris"}"#)
            let tool = try #require(body["messages"]?.arrayValue?[3])
            #expect(tool["role"] == "tool")
            #expect(tool["tool_call_id"] == "call_9")
        }
    }

    @Test func profileWithoutToolSupportSendsNoTools() async throws {
        try await ScriptedOpenAIServer.with([.text("ok")]) { server in
            let model = try OpenAIChatModel(profile: server.profile(supportsTools: false), client: TestClient.shared)
            _ = try await model.complete(ask(tools: sampleTools))
            let body = try #require(await server.received.first).body
            #expect(body["tools"] == nil)
            #expect(body["tool_choice"] == nil)
        }
    }

    @Test func twoParallelToolCallsArriveInOrderWithTheirArguments() async throws {
        let calls = [ToolCall(id: "call_a", name: "get_time", arguments: #"{"city":"Oslo"}"#),
                     ToolCall(id: "call_b", name: "get_weather", arguments: #"{"city":"Lima"}"#)]
        try await ScriptedOpenAIServer.with([.toolCalls(calls)]) { server in
            let reply = try await model(server).complete(ask(tools: sampleTools))
            #expect(reply.toolCalls == calls)
            #expect(reply.content == nil)
            #expect(reply.finishReason == "tool_calls")
        }
    }

    @Test func aStreamWithoutUsageGetsAnEstimateAndTheServersCountWinsWhenSent() async throws {
        let text = "SF24001 is $48,990. 你好，欢迎！"
        try await ScriptedOpenAIServer.with([.text(text).chunked(characters: 4), .text(text).chunked(characters: 4).usage(prompt: 120, completion: 7)]) { server in
            let estimated = try #require(try await collect(model(server).stream(ask())).completed)
            // "你好，欢迎！" is 6 CJK tokens, the rest 19 characters ≈ 5: an estimate, not zero.
            #expect(estimated.usage.completionTokens == 11)
            #expect(estimated.usage.promptTokens > 0)
            let counted = try #require(try await collect(model(server).stream(ask())).completed)
            #expect(counted.usage == TokenUsage(promptTokens: 120, completionTokens: 7))
        }
    }

    @Test func streamedTextDeltasArriveInOrderAndAssemble() async throws {
        let text = "The quick brown fox jumps over the lazy dog. 你好，欢迎！"
        try await ScriptedOpenAIServer.with([.text(text).chunked(characters: 3)]) { server in
            let events = try await collect(model(server).stream(ask()))
            #expect(events.deltas == ScriptedReply.pieces(text, size: 3))
            #expect(events.deltas.joined() == text)
            #expect(events.completed?.content == text)
            #expect(events.resetIndex == nil)
            let sent = try #require(await server.received.first)
            #expect(sent.isStream)
            #expect(sent.body["stream_options"]?["include_usage"] == true)
        }
    }

    @Test func streamedToolCallArgumentsAssembleByIndex() async throws {
        let calls = [ToolCall(id: "call_a", name: "get_time", arguments: #"{"city": "Buenos Aires", "format": "24h"}"#),
                     ToolCall(id: "call_b", name: "get_weather", arguments: #"{"city": "Reykjavík"}"#)]
        try await ScriptedOpenAIServer.with([.toolCalls(calls).chunked(characters: 5)]) { server in
            let events = try await collect(model(server).stream(ask(tools: sampleTools)))
            #expect(events.deltas.isEmpty)
            let reply = try #require(events.completed)
            #expect(reply.toolCalls == calls)
            #expect(reply.finishReason == "tool_calls")
        }
    }

    @Test func usageIsParsedFromPlainAndStreamedReplies() async throws {
        try await ScriptedOpenAIServer.with([.text("a").usage(prompt: 42, completion: 7),
                                             .text("b").usage(prompt: 50, completion: 9)]) { server in
            let plain = try await model(server).complete(ask())
            #expect(plain.usage == TokenUsage(promptTokens: 42, completionTokens: 7))
            let streamed = try await collect(model(server).stream(ask()))
            #expect(streamed.completed?.usage == TokenUsage(promptTokens: 50, completionTokens: 9))
        }
    }

    @Test func serverErrorBecomesHTTPErrorWithBody() async throws {
        try await ScriptedOpenAIServer.with([.serverError(503)]) { server in
            let error = await #expect(throws: ChatModelError.self) { try await model(server).complete(ask()) }
            guard case .http(503, nil, let body)? = error else { Issue.record("got \(String(describing: error))"); return }
            #expect(body.contains("scripted failure"))
        }
    }

    @Test func rateLimitCarriesRetryAfterSeconds() async throws {
        try await ScriptedOpenAIServer.with([.tooManyRequests(retryAfter: "7")]) { server in
            let error = await #expect(throws: ChatModelError.self) { try await model(server).complete(ask()) }
            guard case .http(429, let after, _)? = error else { Issue.record("got \(String(describing: error))"); return }
            #expect(after == 7)
        }
    }

    @Test func slowServerTimesOutWithinTheProfileTimeout() async throws {
        try await ScriptedOpenAIServer.with([.text("late").delayed(ms: 8000)]) { server in
            // A timeout error (not the late reply) shows the client gave up before the server answered.
            await #expect(throws: ChatModelError.timeout) { try await model(server, timeout: 1.5).complete(ask()) }
        }
    }

    @Test func silentStreamTimesOutButSteadyStreamDoesNot() async throws {
        // Eight chunks 50 ms apart stay inside a 5 s timeout even on a loaded machine; a 20 s
        // silence does not.
        let steady = ScriptedReply.text("abcdefgh").chunked(characters: 1, delayMs: 50)
        let silent = ScriptedReply.text("abcdefgh").chunked(characters: 4, delayMs: 20000)
        try await ScriptedOpenAIServer.with([steady, silent]) { server in
            let model = try model(server, timeout: 5)
            let events = try await collect(model.stream(ask()))
            #expect(events.completed?.content == "abcdefgh")
            let (partial, error) = await collectUntilFailure(model.stream(ask()))
            #expect(error as? ChatModelError == .timeout)
            #expect(partial.completed == nil)
        }
    }

    @Test func truncatedStreamFailsAsMalformedAfterItsFirstDeltas() async throws {
        try await ScriptedOpenAIServer.with([.text("Hello there, how are you?").chunked(characters: 3).truncated(afterEvents: 3)]) { server in
            let (events, error) = await collectUntilFailure(try model(server).stream(ask()))
            #expect(events.deltas == ["Hel", "lo "])
            guard case .malformed(let why)? = error as? ChatModelError else { Issue.record("got \(String(describing: error))"); return }
            #expect(why.contains("truncated"))
        }
    }

    @Test func invalidJSONIsMalformedPlainAndStreamed() async throws {
        try await ScriptedOpenAIServer.with([.invalidJSON, .invalidJSON]) { server in
            let error = await #expect(throws: ChatModelError.self) { try await model(server).complete(ask()) }
            guard case .malformed? = error else { Issue.record("got \(String(describing: error))"); return }
            let (_, streamError) = await collectUntilFailure(try model(server).stream(ask()))
            guard case .malformed? = streamError as? ChatModelError else { Issue.record("got \(String(describing: streamError))"); return }
        }
    }

    @Test func emptyReplyIsMalformedPlainAndStreamed() async throws {
        try await ScriptedOpenAIServer.with([.empty, .empty]) { server in
            await #expect(throws: ChatModelError.malformed("empty reply")) { try await model(server).complete(ask()) }
            let (_, error) = await collectUntilFailure(try model(server).stream(ask()))
            #expect(error as? ChatModelError == .malformed("empty reply"))
        }
    }

    @Test func oddToolCallsArePassedOnVerbatimForTheCallerToJudge() async throws {
        try await ScriptedOpenAIServer.with([.malformedToolArguments("get_time"), .unknownTool("launch_rocket")]) { server in
            let bad = try await model(server).complete(ask(tools: sampleTools))
            #expect(bad.toolCalls.first?.arguments == #"{"budget": 30000, "body_type": "#)
            let unknown = try await model(server).complete(ask(tools: sampleTools))
            #expect(unknown.toolCalls.first?.name == "launch_rocket")
        }
    }

    @Test func refusedConnectionIsATransportError() async throws {
        let port = try await unusedPort()
        let profile = BackendProfile(name: "down", kind: .openai, baseURL: "http://127.0.0.1:\(port)/v1", model: "m")
        let start = ContinuousClock.now
        let error = await #expect(throws: ChatModelError.self) {
            try await OpenAIChatModel(profile: profile, client: TestClient.shared).complete(ask())
        }
        guard case .transport? = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(ContinuousClock.now - start < .seconds(10))  // no retries, no waiting for a timeout
    }

    @Test func apiKeyFromTheNamedVariableAndExtraHeadersAreSent() async throws {
        try await ScriptedOpenAIServer.with([.text("ok")]) { server in
            var profile = server.profile()
            profile.apiKeyEnv = "SCRIPTED_API_KEY"
            profile.headers = ["X-Tenant": "dealer-7"]
            let model = try OpenAIChatModel(profile: profile, client: TestClient.shared,
                                            environment: ["SCRIPTED_API_KEY": "sk-test-123"])
            _ = try await model.complete(ask())
            let headers = try #require(await server.received.first).headers
            #expect(headers["authorization"] == "Bearer sk-test-123")
            #expect(headers["x-tenant"] == "dealer-7")
        }
    }
}
