import Foundation
import ShowroomCore

/// The OpenAI chat-completions wire format: request bodies out, completions in.
///
/// Lenient only where the format itself varies between servers: `content` as a string or as
/// text parts, `arguments` as JSON text or (some servers) a JSON object, a missing tool-call id,
/// the legacy single `function_call`. Tool calls written into the reply text are not
/// fished out: that is not the format, and such a reply is treated as text.
enum OpenAIWire {
    /// The JSON body of a `/chat/completions` request.
    static func body(_ request: ChatRequest, profile: BackendProfile, stream: Bool) -> JSONValue {
        var body: [String: JSONValue] = [
            "model": .string(profile.model ?? ""),
            "messages": .array(request.messages.map(message)),
        ]
        if let t = request.temperature ?? profile.temperature { body["temperature"] = .number(t) }
        if let max = request.maxTokens { body["max_tokens"] = .number(Double(max)) }
        if profile.supportsTools, !request.tools.isEmpty {
            body["tools"] = .array(request.tools.map { spec in
                ["type": "function",
                 "function": ["name": .string(spec.name), "description": .string(spec.description),
                              "parameters": spec.parameters]]
            })
            body["tool_choice"] = toolChoice(request.toolChoice)
            if let parallel = profile.parallelToolCalls { body["parallel_tool_calls"] = .bool(parallel) }
        }
        if stream {
            body["stream"] = true
            body["stream_options"] = ["include_usage": true]
        }
        return .object(body)
    }

    /// One message. Assistant messages without text carry `""` rather than `null`: every
    /// server accepts the empty string, some chat templates choke on null.
    static func message(_ m: ChatMessage) -> JSONValue {
        var o: [String: JSONValue] = ["role": .string(m.role.rawValue), "content": .string(m.content ?? "")]
        if !m.toolCalls.isEmpty {
            o["tool_calls"] = .array(m.toolCalls.map { call in
                ["id": .string(call.id), "type": "function",
                 "function": ["name": .string(call.name), "arguments": .string(call.arguments)]]
            })
        }
        if let id = m.toolCallID { o["tool_call_id"] = .string(id) }
        if let name = m.name { o["name"] = .string(name) }
        return .object(o)
    }

    static func toolChoice(_ choice: ToolChoice) -> JSONValue {
        switch choice {
        case .auto: "auto"
        case .none: "none"
        case .required: "required"
        case .function(let name): ["type": "function", "function": ["name": .string(name)]]
        }
    }

    /// Parses a non-streamed completion; an unusable one throws `.malformed`.
    static func completion(_ data: some Collection<UInt8>, backend: String) throws -> ChatResponse {
        let text = String(decoding: data, as: UTF8.self)
        guard let json = JSONValue.parse(text), json.objectValue != nil else {
            throw ChatModelError.malformed("invalid JSON: \(text.prefix(120))")
        }
        if let error = json["error"], !error.isNull { throw ChatModelError.malformed("server error: \(errorMessage(error))") }
        guard let choice = json["choices"]?.arrayValue?.first else { throw ChatModelError.malformed("no choices") }
        let message = choice["message"] ?? [:]
        var calls = try (message["tool_calls"]?.arrayValue ?? []).enumerated().map { index, raw in
            try toolCall(raw["function"] ?? [:], id: raw["id"]?.stringValue, index: index)
        }
        if calls.isEmpty, let legacy = message["function_call"], !legacy.isNull {
            calls = [try toolCall(legacy, id: nil, index: 0)]
        }
        let response = ChatResponse(
            content: content(message["content"]), toolCalls: calls, usage: usage(json["usage"]) ?? .init(),
            finishReason: choice["finish_reason"]?.stringValue, backend: backend)
        guard !response.isEmpty else { throw ChatModelError.malformed("empty reply") }
        return response
    }

    /// Reply text from a string or from `[{"type":"text","text":...}]` parts; nil when empty.
    static func content(_ value: JSONValue?) -> String? {
        let text: String? = switch value {
        case .string(let s): s
        case .array(let parts): parts.compactMap { $0["text"]?.stringValue }.joined()
        default: nil
        }
        return text?.isEmpty == false ? text : nil
    }

    /// A complete tool call from its `function` object.
    static func toolCall(_ function: JSONValue, id: String?, index: Int) throws -> ToolCall {
        guard let name = function["name"]?.stringValue, !name.isEmpty else {
            throw ChatModelError.malformed("tool call \(index) has no function name")
        }
        return ToolCall(id: id.flatMap { $0.isEmpty ? nil : $0 } ?? "call_\(index)", name: name,
                        arguments: arguments(function["arguments"]) ?? "{}")
    }

    /// Arguments as JSON text: a string is kept verbatim (valid or not), an object is serialized.
    static func arguments(_ value: JSONValue?) -> String? {
        switch value {
        case nil, .null?: nil
        case .string(let s)?: s
        case let other?: other.jsonString()
        }
    }

    /// `usage.prompt_tokens` / `usage.completion_tokens`, when the server sent them.
    static func usage(_ value: JSONValue?) -> TokenUsage? {
        guard let value, value.objectValue != nil else { return nil }
        return TokenUsage(promptTokens: value["prompt_tokens"]?.intValue ?? 0,
                          completionTokens: value["completion_tokens"]?.intValue ?? 0)
    }

    static func errorMessage(_ error: JSONValue) -> String {
        String((error["message"]?.stringValue ?? error.stringValue ?? error.jsonString()).prefix(200))
    }
}
