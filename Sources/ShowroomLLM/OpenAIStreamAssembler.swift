import Foundation
import ShowroomCore

/// Assembles a streamed chat completion from its SSE `data` payloads.
///
/// Text deltas are returned as they come; tool calls arrive in fragments keyed by `index`
/// (the first carries id and name, later ones pieces of the arguments text) and are joined
/// here. Usage arrives in a last chunk with no choices when `stream_options.include_usage`
/// was honoured. The stream is complete at `[DONE]`, or when the body ends after a
/// `finish_reason`; anything shorter is a truncated stream.
struct OpenAIStreamAssembler {
    private struct PartialCall {
        var id = ""
        var name = ""
        var arguments = ""
    }

    private var content = ""
    private var calls: [PartialCall] = []
    private var finishReason: String?
    private var usage: TokenUsage?
    /// `[DONE]` arrived.
    private(set) var isDone = false

    /// Consumes one event's data; returns the text it adds (possibly empty).
    mutating func consume(_ data: String) throws -> String {
        if data.trimmingCharacters(in: .whitespaces) == "[DONE]" {
            isDone = true
            return ""
        }
        guard let chunk = JSONValue.parse(data), chunk.objectValue != nil else {
            throw ChatModelError.malformed("invalid JSON in stream: \(data.prefix(120))")
        }
        if let error = chunk["error"], !error.isNull {
            throw ChatModelError.malformed("server error in stream: \(OpenAIWire.errorMessage(error))")
        }
        if let u = OpenAIWire.usage(chunk["usage"]) { usage = u }
        guard let choice = chunk["choices"]?.arrayValue?.first(where: { ($0["index"]?.intValue ?? 0) == 0 }) else {
            return ""
        }
        if let reason = choice["finish_reason"]?.stringValue { finishReason = reason }
        let delta = choice["delta"] ?? [:]
        for fragment in delta["tool_calls"]?.arrayValue ?? [] { merge(fragment) }
        if let legacy = delta["function_call"], !legacy.isNull {
            merge(["index": 0, "function": legacy])
        }
        let text = OpenAIWire.content(delta["content"]) ?? ""
        content += text
        return text
    }

    /// The assembled reply; throws `.malformed` for a truncated stream, a nameless tool call
    /// or an empty reply.
    func response(backend: String) throws -> ChatResponse {
        guard isDone || finishReason != nil else { throw ChatModelError.malformed("truncated stream") }
        let toolCalls = try calls.enumerated().map { index, call in
            guard !call.name.isEmpty else { throw ChatModelError.malformed("tool call \(index) has no function name") }
            return ToolCall(id: call.id.isEmpty ? "call_\(index)" : call.id, name: call.name,
                            arguments: call.arguments.isEmpty ? "{}" : call.arguments)
        }
        let reply = ChatResponse(content: content.isEmpty ? nil : content, toolCalls: toolCalls,
                                 usage: usage ?? .init(), finishReason: finishReason, backend: backend)
        guard !reply.isEmpty else { throw ChatModelError.malformed("empty reply") }
        return reply
    }

    /// Joins one tool-call fragment into the call it belongs to: by `index`, else by `id`,
    /// else (no index, no id) the latest call. Indexes arrive in order; a wild one (say 9999)
    /// starts the next call instead of allocating thousands.
    private mutating func merge(_ fragment: JSONValue) {
        let id = fragment["id"]?.stringValue ?? ""
        let slot: Int
        if let index = fragment["index"]?.intValue, index >= 0 {
            slot = min(index, calls.count)
        } else if !id.isEmpty {
            slot = calls.firstIndex { $0.id == id } ?? calls.count
        } else {
            slot = max(calls.count - 1, 0)
        }
        while calls.count <= slot { calls.append(PartialCall()) }
        if calls[slot].id.isEmpty { calls[slot].id = id }
        let function = fragment["function"] ?? [:]
        if let name = function["name"]?.stringValue, !name.isEmpty, name != calls[slot].name {
            calls[slot].name += name
        }
        switch function["arguments"] {
        case .string(let piece)?: calls[slot].arguments += piece
        case let object?  where !object.isNull: calls[slot].arguments = object.jsonString()
        default: break
        }
    }
}
