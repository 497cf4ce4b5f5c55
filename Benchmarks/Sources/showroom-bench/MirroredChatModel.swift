import ShowroomAgents
import ShowroomLLM
import ShowroomTestSupport

/// A well-behaved model for the openai backend benchmark: before each request goes over HTTP
/// to the scripted server, the answer the embedded backend would give (the right tool with the
/// right arguments, then a grounded reply) is queued there, so the server plays what a good
/// model would say. Turns run one at a time, so the queue and the requests stay in step.
struct MirroredChatModel: ChatModel {
    let inner: any ChatModel
    let server: ScriptedOpenAIServer
    let embedded = EmbeddedChatModel()

    var name: String { inner.name }

    func complete(_ request: ChatRequest) async throws -> ChatResponse {
        let answer = try await embedded.complete(request)
        await server.enqueue(answer.toolCalls.isEmpty ? .text(answer.content ?? "") : .toolCalls(answer.toolCalls))
        return try await inner.complete(request)
    }
}
