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
        if let tool = messages.last, tool["role"] == "tool", let result = JSONValue.parse(tool["content"]?.stringValue ?? "") {
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
                let sent = try #require(await server.received.last)
                #expect(sent.messages.contains { $0["role"] == "tool" } && sent.toolNames.contains("search_inventory"))
                let row = try await db.rows("SELECT llm_calls, prompt_tokens, completion_tokens, fallback FROM turns WHERE id = \(search.turnID)").first!
                let (calls, prompt, completion, fellBack) = try row.decode((Int, Int, Int, Bool).self)
                #expect(calls == 1 && prompt == 420 && completion == 9 && !fellBack)
            }
        }
    }

    @Test func aModelsOwnToolCallsRunValidatedAndAuditedAsTheModels() async throws {
        try await TestDatabase.with { db in
            try await DemoCatalog.load(into: db)
            // The model first asks for the unit's specs, then answers from the results.
            let more = ScriptedReply.toolCall("get_vehicle", arguments: #"{"store_id":"sf-bay","stock_number":"SF24001"}"#).usage(prompt: 400, completion: 20)
            try await ScriptedOpenAIServer.with([more], otherwise: Self.recorded) { server in
                let runner = try await TestRunner.make(db: db, models: ["default": try model(server)], now: { Self.now })
                let id = try await TestRunner.conversation(db: db, store: "sf-bay", locale: "en-US")
                let quote = try await runner.respond(TurnInput(conversationID: id, text: "What's the out-the-door price of SF24001?"))
                #expect(quote.guardrail == nil && !quote.fallback && quote.llmCalls == 2)
                #expect(quote.toolCalls.map(\.name) == ["quote_price", "get_vehicle"])
                let labels = try await db.rows("SELECT tool, caller FROM tool_calls WHERE turn_id = \(quote.turnID) ORDER BY id").map { try $0.decode((String, String).self) }
                #expect(labels.count == 2)
                #expect(labels.first { $0.0 == "quote_price" }.map { !$0.1.hasSuffix(":model") } == true, "\(labels)")
                #expect(labels.first { $0.0 == "get_vehicle" }?.1.hasSuffix(":model") == true, "\(labels)")
                // The model saw only the pricing agent's tools, with OpenAI-style schemas.
                let sent = await server.received
                #expect(sent.last?.toolNames.contains("quote_price") == true)
                #expect(sent.last?.toolNames.contains("floor_price") == false)
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
