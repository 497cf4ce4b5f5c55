import Foundation
import Hummingbird
import ShowroomAgents
import ShowroomCore
import ShowroomData

/// The rest of the staff API: analytics (manager), the route debugger and the assist chat
/// (sales), agent definitions and reload (admin), and the store's assistant switch (manager).
struct StaffDeskController {
    let app: AppServices
    var guardian: StaffGuard { StaffGuard(app: app) }
    typealias Catalog = OpenAPICatalog

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(RouterPath(Catalog.analytics.routePath), use: analytics)
        router.post(RouterPath(Catalog.route.routePath), use: route)
        router.post(RouterPath(Catalog.assist.routePath), use: assist)
        router.get(RouterPath(Catalog.agentList.routePath), use: agents)
        router.post(RouterPath(Catalog.agentReload.routePath), use: reload)
        router.patch(RouterPath(Catalog.storeSettings.routePath), use: storeSettings)
    }

    @Sendable func analytics(_ req: Request, ctx: AppRequestContext) async throws -> Response {
        let op = Catalog.analytics
        let key = try await guardian.key(req, op)
        let q = try op.query(req)
        let stores = try await guardian.stores(key, named: q["store_id"]?.stringValue, action: op.id)
        let days = try DayRange(from: q["from"]?.stringValue, to: q["to"]?.stringValue)
        let report = try await AnalyticsRepository(db: app.db).report(days: days, stores: stores)
        var out = report.json.objectValue ?? [:]
        out["from"] = days.from.map { .string($0) } ?? .null
        out["to"] = days.to.map { .string($0) } ?? .null
        out["store_ids"] = stores.map { .array($0.map { .string($0.rawValue) }) } ?? .null
        return APIResponse.json(.object(out))
    }

    @Sendable func route(_ req: Request, ctx: AppRequestContext) async throws -> Response {
        let op = Catalog.route
        _ = try await guardian.key(req, op)
        let body = try await op.jsonBody(req, ctx: ctx, limit: app.config.maxBodyBytes)
        let decision = await app.router.route(body["text"]?.stringValue ?? "")
        return APIResponse.json(try JSONValue(encoding: decision))
    }

    @Sendable func assist(_ req: Request, ctx: AppRequestContext) async throws -> Response {
        let op = Catalog.assist
        let key = try await guardian.key(req, op)
        let body = try await op.jsonBody(req, ctx: ctx, limit: app.config.maxBodyBytes)
        let store = try await guardian.store(key, body["store_id"]?.stringValue ?? "", action: op.id)
        let conversations = ConversationRepository(db: app.db)
        let id: UUID
        if let given = body["conversation_id"]?.stringValue.flatMap(UUID.init(uuidString:)) {
            guard let summary = try await conversations.summary(given) else {
                throw ShowroomError("conversation_not_found", "No such conversation.", status: 404)
            }
            guard summary.channel == "staff", summary.storeID == store.id else {
                throw ShowroomError("conversation_mismatch",
                                    "conversation_id names a \(summary.channel) conversation of store '\(summary.storeID.rawValue)'; assist continues only its own staff conversations of the same store.",
                                    status: 409)
            }
            // An assist conversation may hold figures of its opener's role: only that key continues it.
            guard summary.staffKeyID == key.id else {
                await guardian.auth.refuse(key, action: op.id, target: given.uuidString.lowercased(), outcome: "forbidden_owner")
                throw ShowroomError("forbidden", "This assist conversation was opened by another staff key; start a new one.", status: 403)
            }
            id = given
        } else {
            id = try await conversations.create(store: store.id, channel: "staff", locale: store.locale, vehicleContext: nil,
                                                staffKey: key.id)
        }
        let input = TurnInput(conversationID: id, text: body["text"]?.stringValue ?? "", scope: .staff,
                              callerLabel: "staff:\(key.prefix)", allowedStores: key.storeScope ?? [store.id],
                              deniedTools: StaffToolPolicy.denied(app.registry, to: key.role))
        let result = try await app.runner.respond(input)
        var out = result.json.objectValue ?? [:]
        out["conversation_id"] = .string(id.uuidString.lowercased())
        out["tool_calls"] = .array(result.toolCalls.map {
            ["name": .string($0.name), "ok": .bool($0.ok), "error_code": $0.error.map { .string($0.code) } ?? .null]
        })
        return APIResponse.json(.object(out))
    }

    @Sendable func agents(_ req: Request, ctx: AppRequestContext) async throws -> Response {
        _ = try await guardian.key(req, Catalog.agentList)
        return APIResponse.json(["agents": Self.json(await app.agents.catalog)])
    }

    @Sendable func reload(_ req: Request, ctx: AppRequestContext) async throws -> Response {
        let op = Catalog.agentReload
        let key = try await guardian.key(req, op)
        // The agents serve every store: a key limited to some stores may not change them for all.
        guard key.storeScope == nil else {
            await guardian.auth.refuse(key, action: op.id, target: nil, outcome: "forbidden_store")
            throw ShowroomError("forbidden_store", "Reloading agents affects every store; it needs an admin key not limited to stores.",
                                status: 403)
        }
        let catalog: AgentCatalog
        do {
            catalog = try await app.agents.reload()
        } catch let e as ShowroomError {
            await guardian.auth.audit(key, action: op.id, target: nil, detail: ["refused": .string(e.message)])
            throw ShowroomError("reload_failed", "The agent definitions in force stay: \(e.message)", status: 409)
        }
        await guardian.auth.audit(key, action: op.id, target: nil, detail: .array(catalog.agents.keys.sorted().map { .string($0) }))
        return APIResponse.json(["agents": Self.json(catalog)])
    }

    @Sendable func storeSettings(_ req: Request, ctx: AppRequestContext) async throws -> Response {
        let op = Catalog.storeSettings
        let key = try await guardian.key(req, op)
        let store = try await guardian.store(key, try op.pathValue("store_id", ctx).stringValue ?? "", action: op.id)
        let body = try await op.jsonBody(req, ctx: ctx, limit: app.config.maxBodyBytes)
        if let quiet = body["quiet_hours"]?.stringValue { _ = try QuietHours(quiet) }
        let repo = StoreRepository(db: app.db)
        if !body.isEmpty {
            try await repo.updateSettings(store.id, patch: .object(body))
            await app.stores.invalidate()
            await guardian.auth.audit(key, action: op.id, target: store.id.rawValue, detail: .object(body))
        }
        let updated = try await repo.require(store.id)
        return APIResponse.json(["store_id": .string(store.id.rawValue), "settings": updated.settings])
    }

    /// Agent definitions by id.
    static func json(_ catalog: AgentCatalog) -> JSONValue {
        .array(catalog.agents.values.sorted { $0.id < $1.id }.map { a in
            [
                "id": .string(a.id), "display_name": .object(a.displayName.mapValues { .string($0) }),
                "instructions": .string(a.instructions), "tools": .array(a.tools.map { .string($0) }),
                "handoffs": .array(a.handoffs.map { .string($0) }), "backend": .string(a.backend),
                "max_steps": .number(Double(a.maxSteps)), "temperature": .number(a.temperature),
            ]
        })
    }
}
