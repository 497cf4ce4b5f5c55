import Foundation
import ShowroomCore
import ShowroomData
import ShowroomLLM
import ShowroomTestSupport
import Testing
@testable import ShowroomAgents

/// A model's reply reaches the customer while the model is still writing it, sentence by
/// sentence, and only sentences the reply guard has passed.
@Suite(.enabled(if: TestDatabase.available)) struct StreamingReplyTests {
    static let now = ISO8601DateFormatter().date(from: "2026-11-25T20:00:00Z")!

    /// What the runner showed the customer, as the model sees it while streaming.
    final class Screen: @unchecked Sendable {
        private let lock = NSLock()
        private var deltas: [String] = []
        func show(_ text: String) { lock.withLock { deltas.append(text) } }
        var shown: [String] { lock.withLock { deltas } }

        /// Waits (up to 5 s, a failsafe) until the customer has seen `text` in full.
        func waitUntilShown(_ text: String) async -> Bool {
            for _ in 0..<500 {
                if shown.joined().hasSuffix(text) { return true }
                try? await Task.sleep(for: .milliseconds(10))
            }
            return false
        }
    }

    /// A model that streams `pieces`, and after each piece that ends a sentence waits until the
    /// customer has seen that sentence, noting whether they did before it wrote on.
    struct SentenceModel: ChatModel {
        let name = "openai:sentences"
        let pieces: [String]
        let screen: Screen
        let seenBeforeWritingOn: Box

        final class Box: @unchecked Sendable {
            private let lock = NSLock()
            private var values: [Bool] = []
            func append(_ v: Bool) { lock.withLock { values.append(v) } }
            var all: [Bool] { lock.withLock { values } }
        }

        func complete(_ request: ChatRequest) async throws -> ChatResponse {
            ChatResponse(content: pieces.joined(), backend: name)
        }

        func stream(_ request: ChatRequest) -> AsyncThrowingStream<ChatStreamEvent, any Error> {
            AsyncThrowingStream { continuation in
                let task = Task {
                    for (i, piece) in pieces.enumerated() {
                        continuation.yield(.delta(piece))
                        if i < pieces.count - 1, piece.hasSuffix(". ") {
                            seenBeforeWritingOn.append(await screen.waitUntilShown(piece))
                        }
                    }
                    continuation.yield(.completed(ChatResponse(content: pieces.joined(), backend: name)))
                    continuation.finish()
                }
                continuation.onTermination = { _ in task.cancel() }
            }
        }
    }

    func turn(_ pieces: [String]) async throws -> (result: TurnResult, shown: [String], seen: [Bool]) {
        try await TestDatabase.with { db in
            try await DemoCatalog.load(into: db)
            let screen = Screen()
            let seen = SentenceModel.Box()
            let model = SentenceModel(pieces: pieces, screen: screen, seenBeforeWritingOn: seen)
            let runner = try await TestRunner.make(db: db, models: ["default": model], now: { Self.now })
            let id = try await TestRunner.conversation(db: db, store: "sf-bay", locale: "en-US")
            let result = try await runner.run(TurnInput(conversationID: id, text: "How much is SF24001?")) { event in
                if case .delta(let text) = event { screen.show(text) }
            }
            return (result, screen.shown, seen.all)
        }
    }

    @Test func eachSentenceReachesTheCustomerBeforeTheModelWritesTheNext() async throws {
        let pieces = ["SF24001 is a 2025 Tesla Model Y", " Long Range AWD at $48,990. ", "It has 526 km of range. ", "Want to book a test drive?"]
        let (result, shown, seen) = try await turn(pieces)
        #expect(seen == [true, true])
        #expect(shown.first == "SF24001 is a 2025 Tesla Model Y Long Range AWD at $48,990. ")
        #expect(shown.joined() == pieces.joined())
        #expect(result.messages.last?["text"]?.stringValue == pieces.joined())
        #expect(result.guardrail == nil)
    }

    @Test func theStreamStopsAtTheFirstSentenceTheGuardRefuses() async throws {
        let pieces = ["SF24001 is listed at $48,990. ", "For you, today only, $40,000. ", "Shall I book a test drive?"]
        let (result, shown, _) = try await turn(pieces)
        #expect(shown == ["SF24001 is listed at $48,990. "])
        let final = try #require(result.messages.last?["text"]?.stringValue)
        #expect(result.guardrail?.contains("ungrounded_amount:$40,000") == true)
        #expect(!final.contains("40,000") && !shown.joined().contains("40,000"))
        #expect(!final.isEmpty && final != pieces.joined())
    }
}
