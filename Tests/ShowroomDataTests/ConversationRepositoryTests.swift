import Foundation
import ShowroomCore
import ShowroomTestSupport
import Testing
@testable import ShowroomData

@Suite(.enabled(if: TestDatabase.available)) struct ConversationRepositoryTests {
    func turn(_ id: UUID) -> TurnRecord {
        TurnRecord(id: id, intent: "vehicle_search", agent: "catalog", confidence: 0.9, slots: ["seats_min": 7], backend: "embedded",
                   fallback: false, llmCalls: 0, promptTokens: 0, completionTokens: 0, llmMs: 0, totalMs: 12,
                   timings: ["total_ms": 12], guardrail: nil)
    }

    @Test func anAppendWritesTheTurnItsMessagesInOrderAndTheProfileTogether() async throws {
        try await TestDatabase.with { db in
            try await MiniCatalog.load(into: db)
            let repo = ConversationRepository(db: db)
            let id = try await repo.create(store: "sh-test", channel: "widget", locale: "zh-CN", vehicleContext: nil)
            try await repo.append(id, messages: [StoredMessage(role: "assistant", agent: "concierge", text: "您好")])
            let turnID = UUID()
            let saved = try await repo.append(id, messages: [
                StoredMessage(turnID: turnID, role: "user", agent: nil, text: "那七座的呢"),
                StoredMessage(turnID: turnID, role: "assistant", agent: "catalog", text: "为您找到 2 台", cards: [["type": "vehicle"]]),
            ], turn: turn(turnID), profile: ["seats_min": 7], status: "active")
            #expect(saved.map(\.seq) == [1, 2])
            let rows = try await db.rows("SELECT seq, role, agent, turn_id, cards::text FROM messages WHERE conversation_id = \(id) ORDER BY seq")
                .map { try $0.decode((Int, String, String?, UUID?, String).self) }
            #expect(rows.map(\.0) == [0, 1, 2])
            #expect(rows.map(\.1) == ["assistant", "user", "assistant"])
            #expect(rows[1].2 == nil && rows[2].2 == "catalog")
            #expect(rows[0].3 == nil && rows[1].3 == turnID && rows[2].3 == turnID)
            #expect(JSONValue.parse(rows[2].4) == [["type": "vehicle"]])
            let conv = try await db.rows("SELECT next_seq, turn_count, profile::text FROM conversations WHERE id = \(id)").first!
                .decode((Int, Int, String).self)
            #expect(conv.0 == 3 && conv.1 == 1 && JSONValue.parse(conv.2) == ["seats_min": 7])
            let turns = try await db.rows("SELECT count(*) FROM turns WHERE id = \(turnID) AND conversation_id = \(id)").first!.decode(Int.self)
            #expect(turns == 1)
        }
    }

    @Test func anAppendToAnUnknownConversationIs404AndWritesNothing() async throws {
        try await TestDatabase.with { db in
            let repo = ConversationRepository(db: db)
            let ghost = UUID()
            await #expect(throws: ShowroomError.self) {
                try await repo.append(ghost, messages: [StoredMessage(turnID: ghost, role: "user", agent: nil, text: "hi")], turn: turn(ghost))
            }
            let written = try await db.rows("SELECT (SELECT count(*) FROM messages) + (SELECT count(*) FROM turns)").first!.decode(Int.self)
            #expect(written == 0)
        }
    }

    @Test func concurrentAppendsToOneConversationNeitherLoseNorDuplicateASequenceNumber() async throws {
        try await TestDatabase.with { db in
            try await MiniCatalog.load(into: db)
            let repo = ConversationRepository(db: db)
            let id = try await repo.create(store: "sh-test", channel: "widget", locale: "en", vehicleContext: nil)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for i in 0..<20 {
                    group.addTask {
                        let t = UUID()
                        try await repo.append(id, messages: [StoredMessage(turnID: t, role: "user", agent: nil, text: "q\(i)"),
                                                             StoredMessage(turnID: t, role: "assistant", agent: "catalog", text: "a\(i)")],
                                              turn: turn(t))
                    }
                }
                try await group.waitForAll()
            }
            let seqs = try await db.rows("SELECT seq FROM messages WHERE conversation_id = \(id) ORDER BY seq").map { try $0.decode(Int.self) }
            #expect(seqs == Array(0..<40))
            // Each turn's two messages are adjacent (one statement each).
            let pairs = try await db.rows("SELECT max(seq) - min(seq) FROM messages WHERE conversation_id = \(id) GROUP BY turn_id")
                .map { try $0.decode(Int.self) }
            #expect(pairs.count == 20 && pairs.allSatisfy { $0 == 1 })
        }
    }
}
