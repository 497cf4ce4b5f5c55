import Foundation
import Hummingbird
import ShowroomCore
import ShowroomData

/// `/v1/staff/conversations`: transcripts with per-turn details, and live takeover.
///
/// Takeover sets the status to `staff` (the runner then answers customers with a "staff will
/// reply" notice instead of the assistant); a staff reply is appended as a `role: "staff"`
/// message, which the widget picks up on its next poll of the transcript; release sets the
/// status back to `active` and the assistant answers again.
struct StaffConversationsController {
    let app: AppServices
    var guardian: StaffGuard { StaffGuard(app: app) }
    typealias Catalog = OpenAPICatalog

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(RouterPath(Catalog.conversationList.routePath), use: list)
        router.get(RouterPath(Catalog.conversationGet.routePath), use: get)
        router.post(RouterPath(Catalog.takeover.routePath), use: takeover)
        router.post(RouterPath(Catalog.staffReply.routePath), use: reply)
        router.post(RouterPath(Catalog.release.routePath), use: release)
    }

    var repo: ConversationRepository { ConversationRepository(db: app.db) }

    @Sendable func list(_ req: Request, ctx: AppRequestContext) async throws -> Response {
        let op = Catalog.conversationList
        let key = try await guardian.key(req, op)
        let q = try op.query(req)
        let stores = try await guardian.stores(key, named: q["store_id"]?.stringValue, action: op.id)
        let limit = q["limit"]?.intValue ?? 50, offset = q["offset"]?.intValue ?? 0
        let (total, conversations) = try await repo.list(
            stores: stores, status: q["status"]?.stringValue, channel: q["channel"]?.stringValue,
            days: try DayRange(from: q["from"]?.stringValue, to: q["to"]?.stringValue), limit: limit, offset: offset)
        return APIResponse.json([
            "total": .number(Double(total)), "limit": .number(Double(limit)), "offset": .number(Double(offset)),
            "conversations": .array(conversations.map(\.json)),
        ])
    }

    @Sendable func get(_ req: Request, ctx: AppRequestContext) async throws -> Response {
        let (key, summary) = try await conversation(req, ctx, Catalog.conversationGet)
        async let messages = repo.messages(summary.id)
        async let turns = repo.turnDetails(summary.id)
        let redaction = StaffRedaction(registry: app.registry, role: key.role)
        let (shown, withheld) = redaction.turns(try await turns)
        return APIResponse.json([
            "conversation": summary.json, "messages": .array(redaction.messages(try await messages, withheld: withheld)),
            "turns": .array(shown),
        ])
    }

    @Sendable func takeover(_ req: Request, ctx: AppRequestContext) async throws -> Response {
        try await move(req, ctx, Catalog.takeover, to: "staff")
    }

    @Sendable func release(_ req: Request, ctx: AppRequestContext) async throws -> Response {
        try await move(req, ctx, Catalog.release, to: "active")
    }

    @Sendable func reply(_ req: Request, ctx: AppRequestContext) async throws -> Response {
        let op = Catalog.staffReply
        let (key, summary) = try await conversation(req, ctx, op)
        let body = try await op.jsonBody(req, ctx: ctx, limit: app.config.maxBodyBytes)
        guard summary.status != "closed" else { throw Self.closed }
        let text = (body["text"]?.stringValue ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let saved = try await repo.append(summary.id, messages: [StoredMessage(role: "staff", agent: nil, text: text)],
                                          status: "staff")
        await guardian.auth.audit(key, action: op.id, target: summary.id.uuidString.lowercased())
        return APIResponse.json(["message": saved.first?.json ?? .null, "status": "staff"], status: .created)
    }

    func move(_ req: Request, _ ctx: AppRequestContext, _ op: OpenAPIOperation, to status: String) async throws -> Response {
        let (key, summary) = try await conversation(req, ctx, op)
        guard let previous = try await repo.transition(summary.id, to: status) else {
            throw ShowroomError("conversation_not_found", "No such conversation.", status: 404)
        }
        await guardian.auth.audit(key, action: op.id, target: summary.id.uuidString.lowercased(),
                                  detail: ["from": .string(previous), "to": .string(status)])
        return APIResponse.json(["conversation_id": .string(summary.id.uuidString.lowercased()), "status": .string(status),
                                 "previous_status": .string(previous)])
    }

    /// The conversation named by the path, after the key's role and store checks.
    func conversation(_ req: Request, _ ctx: AppRequestContext, _ op: OpenAPIOperation) async throws
        -> (StaffKey, ConversationRepository.Summary)
    {
        let key = try await guardian.key(req, op)
        guard let id = try op.pathValue("conversation_id", ctx).stringValue.flatMap(UUID.init(uuidString:)),
              let summary = try await repo.summary(id) else {
            throw ShowroomError("conversation_not_found", "No such conversation.", status: 404)
        }
        try await guardian.allow(key, summary.storeID, action: op.id)
        return (key, summary)
    }

    static let closed = ShowroomError("conversation_closed", "The conversation is closed.", status: 409)
}
