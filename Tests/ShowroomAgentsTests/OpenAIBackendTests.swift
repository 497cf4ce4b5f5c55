import AsyncHTTPClient
import Foundation
import ShowroomCore
import ShowroomData
import ShowroomLLM
import ShowroomTestSupport
import Testing
@testable import ShowroomAgents

/// Turns through the openai backend over real HTTP against the scripted OpenAI-compatible
/// server: a well-behaved model's answers are used; every fault falls back to the embedded
/// backend and the turn still completes with a grounded answer.
@Suite(.enabled(if: TestDatabase.available)) struct OpenAIBackendTests {
    static let now = ISO8601DateFormatter().date(from: "2026-11-25T04:00:00Z")!

    func model(_ server: ScriptedOpenAIServer) throws -> any ChatModel {
        // Generous for a loaded test machine; the "slow" fault waits far longer than this.
        try ChatModelStack(profile: server.profile(timeoutSeconds: 6), client: HTTPClient.shared, fallback: EmbeddedChatModel()).model
    }

    /// A recorded model: answers from the latest tool result, else asks for the tool the turn needs.
    static func recorded(_ request: ScriptedOpenAIServer.ReceivedRequest) -> ScriptedReply {
        let messages = request.messages
        if let result = ScriptedReply.toolResults(in: request).last {
            if let total = result["total"]?.intValue { return ScriptedReply.text("I found \(total) vehicles for you.").usage(prompt: 420, completion: 9) }
            if let amount = result["total"]?["amount"]?.doubleValue {
                return ScriptedReply.text("The estimated out-the-door price is \(Money(amount: amount, currency: .USD)!.formatted).").usage(prompt: 480, completion: 14)
            }
            return ScriptedReply.text("Here is what I found.")
        }
        let user = messages.last { $0["role"] == "user" }?["content"]?.stringValue?.lowercased() ?? ""
        if user.contains("out-the-door") {
            return ScriptedReply.toolCall("quote_price", arguments: #"{"store_id":"sf-bay","stock_number":"SF24001"}"#).usage(prompt: 400, completion: 20)
        }
        return ScriptedReply.toolCall("search_inventory", arguments: #"{"store_id":"sf-bay","body_type":"suv","powertrain":"bev","price_max":60000}"#)
            .usage(prompt: 390, completion: 25)
    }

    @Test func aWellBehavedModelsAnswersAreUsedInOneCall() async throws {
        try await TestDatabase.with { db in
            try await DemoCatalog.load(into: db)
            try await ScriptedOpenAIServer.with(otherwise: Self.recorded) { server in
                let runner = try await TestRunner.make(db: db, models: ["default": try model(server)], now: { Self.now })
                let id = try await TestRunner.conversation(db: db, store: "sf-bay", locale: "en-US")
                let search = try await runner.respond(TurnInput(conversationID: id, text: "electric SUV under $60k"))
                // The search the router asked for ran first, so the model answered from its result at once.
                #expect(!search.fallback && search.llmCalls == 1)
                let total = try #require(search.toolCalls.first?.result?["total"]?.intValue)
                #expect(search.messages.last?["text"]?.stringValue == "I found \(total) vehicles for you.")
                #expect(!(search.messages.last?["cards"]?.arrayValue?.isEmpty ?? true))
                // The results came in the system prompt, and no tool schemas were sent.
                let sent = try #require(await server.received.last)
                let system = sent.messages.first?["content"]?.stringValue ?? ""
                #expect(system.contains(Runner.toolResultsHeading) && system.contains("search_inventory: {"))
                #expect(sent.toolNames.isEmpty && !sent.messages.contains { $0["role"] == "tool" })
                let row = try await db.rows("SELECT llm_calls, prompt_tokens, completion_tokens, fallback FROM turns WHERE id = \(search.turnID)").first!
                let (calls, prompt, completion, fellBack) = try row.decode((Int, Int, Int, Bool).self)
                #expect(calls == 1 && prompt == 420 && completion == 9 && !fellBack)
            }
        }
    }

    @Test func aModelsOwnToolCallsRunValidatedAndAuditedAsTheModels() async throws {
        try await TestDatabase.with { db in
            try await DemoCatalog.load(into: db)
            // A turn the router plans no tool for: the model gets its agent's tools, asks for the
            // store's details, then answers.
            let call = ScriptedReply.toolCall("dealer_info", arguments: #"{"store_id":"sf-bay"}"#).usage(prompt: 400, completion: 20)
            try await ScriptedOpenAIServer.with([call, .text("We are glad to help.")]) { server in
                let runner = try await TestRunner.make(db: db, models: ["default": try model(server)], now: { Self.now })
                let id = try await TestRunner.conversation(db: db, store: "sf-bay", locale: "en-US")
                let hello = try await runner.respond(TurnInput(conversationID: id, text: "hello there"))
                #expect(hello.guardrail == nil && !hello.fallback && hello.llmCalls == 2)
                #expect(hello.toolCalls.map(\.name) == ["dealer_info"])
                let labels = try await db.rows("SELECT caller FROM tool_calls WHERE turn_id = \(hello.turnID)").map { try $0.decode(String.self) }
                #expect(labels.count == 1 && labels.allSatisfy { $0.hasSuffix(":model") }, "\(labels)")
                // The model saw only the concierge's tools (and its handoffs), with OpenAI-style schemas.
                let first = try #require(await server.received.first)
                #expect(first.toolNames.contains("dealer_info") && first.toolNames.contains { $0.hasPrefix("transfer_to_") })
                #expect(!first.toolNames.contains("floor_price") && !first.toolNames.contains("quote_price"))
            }
        }
    }

    @Test(arguments: [
        ("500", ScriptedReply.serverError(500)),
        ("429", ScriptedReply.tooManyRequests(retryAfter: "1")),
        ("slow", ScriptedReply.text("too late").delayed(ms: 20000)),
        ("truncated", ScriptedReply.text("a long streamed answer that stops").truncated(afterEvents: 2)),
        ("malformed arguments", ScriptedReply.malformedToolArguments("search_inventory")),
        ("unknown tool", ScriptedReply.unknownTool()),
        ("empty", ScriptedReply.empty),
        ("invalid JSON", ScriptedReply.invalidJSON),
        ("schema-invalid call", ScriptedReply.toolCall("search_inventory", arguments: #"{"body_type":"electric car","powertrain":"F1200Z"}"#)),
    ])
    func aFaultNeverFailsATurn(_ name: String, _ fault: ScriptedReply) async throws {
        try await TestDatabase.with { db in
            try await DemoCatalog.load(into: db)
            try await ScriptedOpenAIServer.with(otherwise: { _ in fault }) { server in
                let runner = try await TestRunner.make(db: db, models: ["default": try model(server)], now: { Self.now })
                let id = try await TestRunner.conversation(db: db, store: "sf-bay", locale: "en-US")
                let r = try await runner.respond(TurnInput(conversationID: id, text: "electric SUV under $60k"))
                #expect(r.fallback, "\(name)")
                let cards = r.messages.last?["cards"]?.arrayValue ?? []
                #expect(!cards.isEmpty, "\(name): the embedded backend answered with vehicles")
                for c in cards { #expect((c["price"]?["amount"]?.doubleValue ?? .infinity) <= 60000) }
                let recorded = try await db.rows("SELECT fallback FROM turns WHERE id = \(r.turnID)").first!.decode(Bool.self)
                #expect(recorded)
                // The fallback's tool calls are not audited as the model's.
                let asModel = try await db.rows("SELECT count(*) FROM tool_calls WHERE ok AND caller LIKE '%:model'").first!.decode(Int.self)
                #expect(asModel == 0, "\(name)")
            }
        }
    }

    @Test func refusedToolCallsAreRecorded() async throws {
        try await TestDatabase.with { db in
            try await DemoCatalog.load(into: db)
            try await ScriptedOpenAIServer.with(otherwise: { _ in .toolCall("floor_price", arguments: #"{"store_id":"sf-bay","stock_number":"SF24001"}"#) }) { server in
                let runner = try await TestRunner.make(db: db, models: ["default": try model(server)], now: { Self.now })
                let id = try await TestRunner.conversation(db: db, store: "sf-bay", locale: "en-US")
                let r = try await runner.respond(TurnInput(conversationID: id, text: "what's the lowest you can go on SF24001?"))
                #expect(r.fallback)
                let refused = try await db.rows("SELECT count(*) FROM tool_calls WHERE tool = 'floor_price' AND error_code = 'refused_tool_call'").first!.decode(Int.self)
                #expect(refused >= 1)
                let ran = try await db.rows("SELECT count(*) FROM tool_calls WHERE tool = 'floor_price' AND ok").first!.decode(Int.self)
                #expect(ran == 0)
            }
        }
    }
}
