import ShowroomLLM
import ShowroomTestSupport
import Testing

@Suite("FallbackChatModel over HTTP")
struct FallbackChatModelTests {
    let offline = FixedChatModel()

    func fallback(_ primary: any ChatModel) -> FallbackChatModel {
        FallbackChatModel(primary: primary, fallback: offline, validate: acceptSampleTools)
    }

    func http(_ server: ScriptedOpenAIServer) throws -> OpenAIChatModel {
        try OpenAIChatModel(profile: server.profile(timeoutSeconds: 15), client: TestClient.shared)
    }

    @Test func fallbackAnswersWhenThePrimaryIsDown() async throws {
        let port = try await unusedPort()
        let down = try OpenAIChatModel(
            profile: BackendProfile(name: "gpu", kind: .openai, baseURL: "http://127.0.0.1:\(port)/v1", model: "m"),
            client: TestClient.shared)
        let reply = try await fallback(down).complete(ask())
        #expect(reply.content == "offline answer")
        #expect(reply.backend == "fixed")
        #expect(reply.fallbackReason?.hasPrefix("transport error") == true)
        let events = try await collect(fallback(down).stream(ask()))
        #expect(events.resetIndex == nil)
        #expect(events.deltas == ["offline answer"])
        #expect(events.completed?.fallbackReason?.hasPrefix("transport error") == true)
    }

    @Test func acceptedPrimaryReplyPassesThroughUnmarked() async throws {
        try await ScriptedOpenAIServer.with([.toolCall("get_time", arguments: #"{"city":"Rome"}"#)]) { server in
            let reply = try await fallback(http(server)).complete(ask(tools: sampleTools))
            #expect(reply.toolCalls.map(\.name) == ["get_time"])
            #expect(reply.backend == "openai:scripted")
            #expect(reply.fallbackReason == nil)
            #expect(await offline.calls.count == 0)
        }
    }

    @Test func fallbackAnswersWhenValidationRejectsTheReply() async throws {
        try await ScriptedOpenAIServer.with([.unknownTool("launch_rocket"), .malformedToolArguments("get_time")]) { server in
            let model = try fallback(http(server))
            let unknown = try await model.complete(ask(tools: sampleTools))
            #expect(unknown.content == "offline answer")
            #expect(unknown.toolCalls.isEmpty)
            #expect(unknown.fallbackReason == "rejected: unknown tool launch_rocket")
            let malformed = try await model.complete(ask(tools: sampleTools))
            #expect(malformed.fallbackReason == "rejected: arguments of get_time are not a JSON object")
        }
    }

    @Test func streamThatFailsBeforeAnyTextSwitchesToTheFallbackStream() async throws {
        try await ScriptedOpenAIServer.with([.serverError(500)]) { server in
            let events = try await collect(fallback(http(server)).stream(ask()))
            #expect(events.resetIndex == nil)
            #expect(events.deltas == ["offline answer"])
            #expect(events.completed?.fallbackReason?.hasPrefix("HTTP 500") == true)
        }
    }

    @Test func streamThatBreaksMidwayIsResetAndEndsWithTheFallbackAnswer() async throws {
        try await ScriptedOpenAIServer.with([.text("A partial answer that breaks").chunked(characters: 4).truncated(afterEvents: 4)]) { server in
            let events = try await collect(fallback(http(server)).stream(ask()))
            let reset = try #require(events.resetIndex)
            #expect(events[..<reset].contains { if case .delta = $0 { true } else { false } })
            #expect(Array(events[(reset + 1)...]).deltas == ["offline answer"])
            let answer = try #require(events.completed)
            #expect(answer.content == "offline answer")
            #expect(answer.backend == "fixed")
            #expect(answer.fallbackReason?.contains("truncated") == true)
        }
    }

    @Test func streamedReplyRejectedAfterItsTextIsResetToo() async throws {
        let reply = ScriptedReply.toolCalls([ToolCall(id: "c1", name: "launch_rocket", arguments: "{}")], content: "Launching now")
        try await ScriptedOpenAIServer.with([reply.chunked(characters: 5)]) { server in
            let events = try await collect(fallback(http(server)).stream(ask(tools: sampleTools)))
            let reset = try #require(events.resetIndex)
            #expect(Array(events[..<reset]).deltas.joined() == "Launching now")
            #expect(events.completed?.fallbackReason == "rejected: unknown tool launch_rocket")
            #expect(events.completed?.toolCalls.isEmpty == true)
        }
    }
}

/// Every fault the scripted server can inject, behind the full stack the server builds.
@Suite("Fault-injected primary")
struct FaultInjectionTests {
    enum Fault: String, CaseIterable, CustomTestStringConvertible, Sendable {
        case serverError, rateLimitedLong, slow, truncated, invalidJSON, empty, malformedArguments, unknownTool, refused

        var testDescription: String { rawValue }

        var reply: ScriptedReply {
            switch self {
            case .serverError: .serverError(500)
            case .rateLimitedLong: .tooManyRequests(retryAfter: "3600")
            case .slow: .text("too late").delayed(ms: 1500)
            case .truncated: .text("This reply will be cut").chunked(characters: 3).truncated(afterEvents: 3)
            case .invalidJSON: .invalidJSON
            case .empty: .empty
            case .malformedArguments: .malformedToolArguments("get_time")
            case .unknownTool, .refused: .unknownTool()
            }
        }
    }

    func stack(_ fault: Fault, _ server: ScriptedOpenAIServer) async throws -> ChatModelStack {
        var profile = server.profile(timeoutSeconds: 0.4, maxRetries: 1)
        if fault == .refused {
            let port = try await unusedPort()
            profile.baseURL = "http://127.0.0.1:\(port)/v1"
        }
        return try ChatModelStack(profile: profile, client: TestClient.shared, fallback: FixedChatModel(),
                                  validate: acceptSampleTools)
    }

    @Test(arguments: Fault.allCases)
    func fallbackAlwaysAnswersACompleteCall(_ fault: Fault) async throws {
        try await ScriptedOpenAIServer.with([fault.reply, fault.reply], otherwise: { _ in fault.reply }) { server in
            let reply = try await stack(fault, server).model.complete(ask(tools: sampleTools))
            #expect(reply.content == "offline answer")
            #expect(reply.fallbackReason != nil)
        }
    }

    @Test(arguments: Fault.allCases)
    func fallbackAlwaysAnswersAStream(_ fault: Fault) async throws {
        try await ScriptedOpenAIServer.with([fault.reply, fault.reply], otherwise: { _ in fault.reply }) { server in
            let events = try await collect(stack(fault, server).model.stream(ask(tools: sampleTools)))
            let visible = events.resetIndex.map { Array(events[($0 + 1)...]) } ?? events
            #expect(visible.deltas.joined() == "offline answer")
            #expect(events.completed?.fallbackReason != nil)
        }
    }
}
