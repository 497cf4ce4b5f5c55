import Foundation
import ShowroomLLM

/// An in-process chat model whose replies a test scripts turn by turn: it plays a model that
/// tries to comply with whatever the customer asks (for guardrail tests).
public struct ScriptedChatModel: ChatModel {
    public let name = "scripted"
    let reply: @Sendable (ChatRequest) -> ChatResponse

    public init(_ reply: @escaping @Sendable (ChatRequest) -> ChatResponse) { self.reply = reply }

    public func complete(_ request: ChatRequest) async throws -> ChatResponse { reply(request) }

    /// The last user message of a request.
    public static func lastUser(_ r: ChatRequest) -> String { r.messages.last { $0.role == .user }?.content ?? "" }

    public static func text(_ s: String) -> ChatResponse { ChatResponse(content: s, backend: "scripted") }

    public static func call(_ name: String, _ args: String) -> ChatResponse {
        ChatResponse(content: nil, toolCalls: [ToolCall(id: "c\(UInt32.random(in: 0...UInt32.max))", name: name, arguments: args)], backend: "scripted")
    }
}
