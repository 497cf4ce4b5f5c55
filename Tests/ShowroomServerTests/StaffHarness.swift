import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import ShowroomAgents
import ShowroomCore
import ShowroomData
import ShowroomLLM
import ShowroomTestSupport
@testable import ShowroomServer

/// A migrated scratch database with `StaffFixture`, the real router of the app over it (the
/// embedded backend, a keyword router, agent definitions written for the test), and staff keys
/// of each role and scope. `live` runs a real HTTP server (for what the router test path fakes, like Host).
struct StaffHarness: Sendable {
    let client: any TestClientProtocol
    let db: Database
    let services: AppServices
    /// Secrets by name: salesSH, managerSH, adminAll, salesAll, managerSF.
    let keys: [String: String]

    /// `models` become backend profiles of those names, and the agents use `backend`.
    static func with(live: Bool = false, backend: String = "embedded", models: [String: any ChatModel] = [:],
                     now: @escaping @Sendable () -> Date = { Date() }, staffPerKeyPerMinute: Int? = nil,
                     _ body: @escaping @Sendable (StaffHarness) async throws -> Void) async throws {
        do { try await run(live: live, backend: backend, models: models, now: now, staffPerKeyPerMinute: staffPerKeyPerMinute, body) } catch {
            print("StaffHarness: \(String(reflecting: error))")
            throw error
        }
    }

    static func run(live: Bool, backend: String, models: [String: any ChatModel], now: @escaping @Sendable () -> Date,
                    staffPerKeyPerMinute: Int?, _ body: @escaping @Sendable (StaffHarness) async throws -> Void) async throws {
        try await TestDatabase.with { db in
            try await StaffFixture.load(into: db)
            let agents = try writeAgents(backend: backend)
            defer { try? FileManager.default.removeItem(at: agents) }
            var config = ServerConfig()
            config.agentsDir = agents.path
            config.rateLimit.enabled = staffPerKeyPerMinute != nil  // off unless a test measures the staff limit
            config.rateLimit.staffPerKeyPerMinute = staffPerKeyPerMinute ?? 0
            for name in models.keys { config.backends[name] = ["kind": "embedded"] }
            let services = try ShowroomApp.services(config: config, db: db, router: KeywordRouter(), models: models,
                                                    logger: Logger(label: "test"), now: now)
            let repo = StaffKeyRepository(db: db)
            var keys: [String: String] = [:]
            for (name, role, stores) in [("salesSH", StaffRole.sales, ["sh-test"]), ("managerSH", .manager, ["sh-test"]),
                                         ("adminAll", .admin, []), ("salesAll", .sales, []), ("managerSF", .manager, ["sf-test"])] {
                keys[name] = try await repo.create(role: role, stores: stores.map { StoreID($0) }, label: name).secret
            }
            let app = Application(router: ShowroomApp.router(services))
            let fixedKeys = keys
            try await app.test(live ? .live : .router) { client in
                try await body(StaffHarness(client: client, db: db, services: services, keys: fixedKeys))
            }
        }
    }

    /// Sends a request as the named key (or without one) and returns status, headers and body text.
    @discardableResult
    func call(_ method: HTTPRequest.Method, _ uri: String, key: String? = nil, json: JSONValue? = nil, body: String? = nil,
              headers extra: HTTPFields = [:]) async throws -> (status: Int, headers: HTTPFields, text: String) {
        var headers = extra
        if let key { headers[.authorization] = "Bearer \(keys[key] ?? key)" }
        var buffer: ByteBuffer?
        if let json {
            headers[.contentType] = "application/json"
            buffer = ByteBuffer(string: json.jsonString())
        } else if let body {
            buffer = ByteBuffer(string: body)
        }
        let response = try await client.executeRequest(uri: uri, method: method, headers: headers, body: buffer)
        return (Int(response.status.code), response.headers, String(buffer: response.body))
    }

    /// Like `call`, parsing the body as JSON.
    func json(_ method: HTTPRequest.Method, _ uri: String, key: String? = nil, json body: JSONValue? = nil) async throws
        -> (status: Int, json: JSONValue)
    {
        let r = try await call(method, uri, key: key, json: body)
        return (r.status, JSONValue.parse(r.text) ?? .null)
    }

    /// Five agents over the registry's tools, all on one backend profile.
    static func writeAgents(backend: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("staff-agents-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let agents: [(String, String, String)] = [
            ("concierge", "[dealer_info]", "[catalog, recommendation, pricing, booking]"),
            ("catalog", "[search_inventory, get_vehicle, compare_models]", "[pricing, booking, concierge]"),
            ("recommendation", "[search_inventory, get_vehicle]", "[catalog]"),
            ("pricing", "[get_vehicle, floor_price]", "[catalog]"),
            ("booking", "[dealer_info, get_vehicle, find_leads]", "[catalog]"),
        ]
        for (id, tools, handoffs) in agents {
            let yaml = """
                id: \(id)
                display_name: {en: \(id.capitalized), zh: \(id)}
                backend: \(backend)
                max_steps: 3
                tools: \(tools)
                handoffs: \(handoffs)
                instructions: Test agent \(id).
                """
            try yaml.write(to: dir.appendingPathComponent("\(id).yaml"), atomically: true, encoding: .utf8)
        }
        return dir
    }
}

/// Routes by keywords: an escalation word → human_handoff, "price" → price_quote, "suv"/"find" →
/// vehicle_search, else greeting.
struct KeywordRouter: TurnRouter {
    func route(_ text: String) async -> RouteDecision {
        let t = text.lowercased()
        if t.contains("转人工") || t.contains("human") { return RouteDecision(intent: .humanHandoff, confidence: 1, slots: Slots()) }
        if t.contains("price") { return RouteDecision(intent: .priceQuote, confidence: 0.9, slots: Slots()) }
        if t.contains("suv") || t.contains("find") {
            var s = Slots()
            s.bodyType = .suv
            return RouteDecision(intent: .vehicleSearch, confidence: 0.9, slots: s)
        }
        return RouteDecision(intent: .greeting, confidence: 0.8, slots: Slots())
    }

    func route(_ text: String, context: RouteContext) async -> RouteDecision { await route(text) }

    func mentions(_ text: String) async -> [String] { [] }
}
