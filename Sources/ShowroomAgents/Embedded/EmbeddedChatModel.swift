import Foundation
import ShowroomCore
import ShowroomLLM

/// The offline, deterministic backend: plans tool calls from the router's intent and slots
/// and writes grounded replies from tool results, in the customer's language.
///
/// It reads the turn from `metadata["plan"]` (a `PlanContext`) and this turn's tool results
/// from the messages, so the runner's loop is the same for every backend.
public struct EmbeddedChatModel: ChatModel {
    public let name = "embedded"

    public init() {}

    public func complete(_ request: ChatRequest) async throws -> ChatResponse {
        guard let plan = try? request.metadata["plan"]?.decode(as: PlanContext.self) else {
            return ChatResponse(content: "How can I help you with your next car?", backend: name)
        }
        // Results the runner ran before asking a model server travel in the metadata (see `Runner`).
        let prefetched = (try? request.metadata["prefetched"]?.decode(as: [ChatMessage].self)) ?? []
        let outcomes = TurnOutcomes(messages: request.messages + prefetched)
        let offered = Set(request.tools.map(\.name))
        if let (tool, args) = EmbeddedPlanner.next(plan, outcomes, offered: offered) {
            let call = ToolCall(id: "emb_\(outcomes.entries.count + 1)_\(tool)", name: tool, arguments: args.jsonString())
            return ChatResponse(content: nil, toolCalls: [call], finishReason: "tool_calls", backend: name)
        }
        return ChatResponse(content: EmbeddedWriter.reply(plan, outcomes), finishReason: "stop", backend: name)
    }

    /// A grounded reply from the plan and this turn's results, without planning more calls
    /// (the guardrails' replacement for a reply that failed its checks).
    public static func groundedReply(plan: PlanContext, messages: [ChatMessage]) -> String {
        EmbeddedWriter.reply(plan, TurnOutcomes(messages: messages))
    }
}
