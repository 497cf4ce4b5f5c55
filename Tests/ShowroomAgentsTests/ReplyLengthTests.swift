import Foundation
import ShowroomCore
import ShowroomData
import ShowroomLLM
import ShowroomTestSupport
import Testing
@testable import ShowroomAgents

/// A model's reply is capped by its agent's `max_tokens`, and a reply cut off at the cap ends at
/// its last whole sentence instead of mid-word.
@Suite(.enabled(if: TestDatabase.available)) struct ReplyLengthTests {
    static let now = ISO8601DateFormatter().date(from: "2026-11-25T20:00:00Z")!

    final class Requests: @unchecked Sendable {
        private let lock = NSLock()
        private var seen: [ChatRequest] = []
        func add(_ r: ChatRequest) { lock.withLock { seen.append(r) } }
        var all: [ChatRequest] { lock.withLock { seen } }
    }

    @Test func everyModelCallCarriesTheAgentsTokenCapAndACutOffReplyEndsAtASentence() async throws {
        try await TestDatabase.with { db in
            try await DemoCatalog.load(into: db)
            let requests = Requests()
            let model = ScriptedChatModel { request in
                requests.add(request)
                return ChatResponse(content: "The Model Y is in stock at our store. It charges at home overn",
                                    finishReason: "length", backend: "scripted")
            }
            let runner = try await TestRunner.make(db: db, models: ["default": model], now: { Self.now })
            let id = try await TestRunner.conversation(db: db, store: "sf-bay", locale: "en-US")
            let result = try await runner.respond(TurnInput(conversationID: id, text: "what's the range of the Tesla Model Y"))

            #expect(!requests.all.isEmpty)
            #expect(requests.all.allSatisfy { $0.maxTokens == 400 }, "catalog.yaml sets no max_tokens, so the default applies")
            let text = result.messages.last?["text"]?.stringValue ?? ""
            #expect(text.hasPrefix("The Model Y is in stock at our store."), "\(text)")
            #expect(!text.contains("overn"), "the cut-off sentence is dropped: \(text)")
            #expect(result.guardrail == nil)
        }
    }

    @Test func aReplyWithNoSentenceEndIsKeptAsWritten() {
        #expect(Runner.wholeSentences(of: "Two sentences. And a bit") == "Two sentences. ")
        #expect(Runner.wholeSentences(of: "店里有现车。续航可") == "店里有现车。")
        #expect(Runner.wholeSentences(of: "no sentence end at all") == "no sentence end at all")
        #expect(Runner.wholeSentences(of: nil) == nil)
    }
}
