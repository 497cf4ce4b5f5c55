import ShowroomCore
import ShowroomLLM

extension ScriptedOpenAIServer.Reply {
    /// The non-streamed body (`chat.completion`).
    func completionBody(model: String) -> String {
        guard case .message(let content, let calls) = kind else { return #"{"id":"chatcmpl-scripted","choices":["# }
        var message: [String: JSONValue] = ["role": "assistant", "content": content.map { .string($0) } ?? .null]
        if !calls.isEmpty { message["tool_calls"] = .array(calls.map(Self.callJSON)) }
        var body: [String: JSONValue] = [
            "id": "chatcmpl-scripted", "object": "chat.completion", "created": 0, "model": .string(model),
            "choices": [["index": 0, "message": .object(message), "finish_reason": .string(finishReason)]],
        ]
        if let usage { body["usage"] = Self.usageJSON(usage) }
        return JSONValue.object(body).jsonString()
    }

    /// The streamed events' data (`chat.completion.chunk`s, then `[DONE]`), OpenAI style:
    /// a role chunk, text pieces, each tool call's head then argument pieces, the finish chunk,
    /// a usage chunk when asked for.
    func streamEvents(model: String, includeUsage: Bool) -> [String] {
        func chunk(_ delta: JSONValue, finish: String? = nil) -> String {
            JSONValue.object([
                "id": "chatcmpl-scripted", "object": "chat.completion.chunk", "created": 0, "model": .string(model),
                "choices": [["index": 0, "delta": delta, "finish_reason": finish.map { .string($0) } ?? .null]],
            ]).jsonString()
        }
        guard case .message(let content, let calls) = kind else {
            return [chunk(["role": "assistant"]), #"{"choices":[{"index":0,"delta":{"content":"oops"#, "[DONE]"]
        }
        var events = [chunk(["role": "assistant", "content": ""])]
        for piece in Self.pieces(content ?? "", size: chunkCharacters) { events.append(chunk(["content": .string(piece)])) }
        for (index, call) in calls.enumerated() {
            let head: JSONValue = ["index": .number(Double(index)), "id": .string(call.id), "type": "function",
                                   "function": ["name": .string(call.name), "arguments": ""]]
            events.append(chunk(["tool_calls": [head]]))
            for piece in Self.pieces(call.arguments, size: chunkCharacters) {
                events.append(chunk(["tool_calls": [["index": .number(Double(index)), "function": ["arguments": .string(piece)]]]]))
            }
        }
        events.append(chunk([:], finish: finishReason))
        if includeUsage, let usage {
            events.append(JSONValue.object(["id": "chatcmpl-scripted", "object": "chat.completion.chunk", "model": .string(model),
                                            "choices": [], "usage": Self.usageJSON(usage)]).jsonString())
        }
        events.append("[DONE]")
        return events
    }

    private var finishReason: String {
        if case .message(_, let calls) = kind, !calls.isEmpty { return "tool_calls" }
        return "stop"
    }

    private static func callJSON(_ call: ToolCall) -> JSONValue {
        ["id": .string(call.id), "type": "function", "function": ["name": .string(call.name), "arguments": .string(call.arguments)]]
    }

    private static func usageJSON(_ usage: TokenUsage) -> JSONValue {
        ["prompt_tokens": .number(Double(usage.promptTokens)), "completion_tokens": .number(Double(usage.completionTokens)),
         "total_tokens": .number(Double(usage.promptTokens + usage.completionTokens))]
    }

    /// `text` in pieces of `size` characters (whole characters, so UTF-8 is never split here).
    public static func pieces(_ text: String, size: Int) -> [String] {
        var pieces: [String] = []
        var rest = Substring(text)
        while !rest.isEmpty {
            pieces.append(String(rest.prefix(size)))
            rest = rest.dropFirst(size)
        }
        return pieces
    }
}
