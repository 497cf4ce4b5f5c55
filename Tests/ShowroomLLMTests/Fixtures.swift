import ShowroomCore
import ShowroomLLM
import ShowroomTestSupport

/// A stand-in for the embedded backend: always answers `text`, counting its calls.
struct FixedChatModel: ChatModel {
    let name: String
    let text: String
    let calls = CallCounter()

    init(name: String = "fixed", text: String = "offline answer") {
        self.name = name
        self.text = text
    }

    func complete(_ request: ChatRequest) async throws -> ChatResponse {
        await calls.increment()
        return ChatResponse(content: text, finishReason: "stop", backend: name)
    }
}

actor CallCounter {
    private(set) var count = 0
    func increment() { count += 1 }
}

/// Collects every event of a stream (rethrowing its failure).
func collect(_ stream: AsyncThrowingStream<ChatStreamEvent, any Error>) async throws -> [ChatStreamEvent] {
    var events: [ChatStreamEvent] = []
    for try await event in stream { events.append(event) }
    return events
}

/// Collects events until the stream fails; returns them with the failure (nil when it finished).
func collectUntilFailure(_ stream: AsyncThrowingStream<ChatStreamEvent, any Error>) async -> ([ChatStreamEvent], (any Error)?) {
    var events: [ChatStreamEvent] = []
    do {
        for try await event in stream { events.append(event) }
        return (events, nil)
    } catch {
        return (events, error)
    }
}

extension [ChatStreamEvent] {
    var deltas: [String] { compactMap { if case .delta(let t) = $0 { t } else { nil } } }
    var completed: ChatResponse? { last.flatMap { if case .completed(let r) = $0 { r } else { nil } } }
    var resetIndex: Int? { firstIndex { if case .reset = $0 { true } else { false } } }
}

/// A request with one user message.
func ask(_ text: String = "hello", tools: [ToolSpec] = []) -> ChatRequest {
    ChatRequest(messages: [.system("You are terse."), .user(text)], tools: tools)
}

/// Two generic tools for tool-calling tests.
let sampleTools = [
    ToolSpec(name: "get_time", description: "Current time in a city",
             parameters: ["type": "object", "properties": ["city": ["type": "string"]], "required": ["city"]]),
    ToolSpec(name: "get_weather", description: "Weather in a city",
             parameters: ["type": "object", "properties": ["city": ["type": "string"]], "required": ["city"]]),
]

/// Accepts only calls to `sampleTools` whose arguments are a JSON object (what ShowroomAgents checks, in small).
let acceptSampleTools: @Sendable (ChatResponse) -> String? = { reply in
    for call in reply.toolCalls {
        guard sampleTools.contains(where: { $0.name == call.name }) else { return "unknown tool \(call.name)" }
        guard JSONValue.parse(call.arguments)?.objectValue != nil else { return "arguments of \(call.name) are not a JSON object" }
    }
    return nil
}

/// A port nothing listens on: a scripted server's, after it stopped.
func unusedPort() async throws -> Int {
    try await ScriptedOpenAIServer.with { $0.port }
}
