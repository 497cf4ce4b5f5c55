import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import ShowroomAgents
import ShowroomCore
import ShowroomData
import ShowroomTestSupport
import Testing
@testable import ShowroomServer

/// The public chat API of api.md over the real app and a real database with the demo catalog.
@Suite(.enabled(if: TestDatabase.available)) struct ChatAPITests {
    static let origin = "http://localhost:8080"

    /// The app over a database with the demo catalog; `live` serves it on a real socket (the peer
    /// address is then 127.0.0.1), `configure` adjusts the test's configuration, `now` is the app's clock.
    func withApp(rateLimit: Bool = false, live: Bool = false, configure: @escaping @Sendable (inout ServerConfig) -> Void = { _ in },
                 now: @escaping @Sendable () -> Date = { Date() },
                 _ body: @escaping @Sendable (any TestClientProtocol, Database) async throws -> Void) async throws {
        try await TestDatabase.with { db in
            try await DemoCatalog.load(into: db)
            var config = ServerConfig()
            config.agentsDir = TestDatabase.repoRoot.appendingPathComponent("agents").path
            config.rateLimit.enabled = rateLimit
            config.rateLimit.perSessionPerMinute = 2
            configure(&config)
            let router = try await CatalogTurnRouter.load(db: db)
            let services = try ShowroomApp.services(config: config, db: db, router: router, models: [:], logger: Logger(label: "test"), now: now)
            let app = Application(router: ShowroomApp.router(services))
            try await app.test(live ? .live : .router) { client in try await body(client, db) }
        }
    }

    static func json(_ v: JSONValue) -> ByteBuffer { ByteBuffer(string: v.jsonString()) }
    static func parse(_ r: TestResponse) -> JSONValue { JSONValue.parse(String(buffer: r.body)) ?? .null }

    func session(_ c: any TestClientProtocol, store: String = "sh-pudong", key: String = "pk_demo_sh_pudong", extra: [String: JSONValue] = [:]) async throws -> (String, String) {
        var body: [String: JSONValue] = ["store_id": .string(store)]
        body.merge(extra) { $1 }
        let r = try await c.execute(uri: "/v1/chat/sessions", method: .post,
                                    headers: [HTTPField.Name("X-Showroom-Key")!: key, .origin: Self.origin, .contentType: "application/json"],
                                    body: Self.json(.object(body)))
        #expect(r.status == .created)
        let j = Self.parse(r)
        return (try #require(j["session_id"]?.stringValue), try #require(j["session_token"]?.stringValue))
    }

    @Test func sessionsNeedTheStoresKeyAndAnAllowedOrigin() async throws {
        try await withApp { c, _ in
            let wrongKey = try await c.execute(uri: "/v1/chat/sessions", method: .post,
                                               headers: [HTTPField.Name("X-Showroom-Key")!: "pk_demo_sf_bay", .contentType: "application/json"],
                                               body: Self.json(["store_id": "sh-pudong"]))
            #expect(wrongKey.status == .unauthorized)
            #expect(Self.parse(wrongKey)["error"]?["code"] == "invalid_key")
            let stranger = try await c.execute(uri: "/v1/chat/sessions", method: .post,
                                               headers: [HTTPField.Name("X-Showroom-Key")!: "pk_demo_sh_pudong", .origin: "http://evil.example", .contentType: "application/json"],
                                               body: Self.json(["store_id": "sh-pudong"]))
            #expect(stranger.status == .forbidden)
            #expect(stranger.headers[.accessControlAllowOrigin] == nil)
            let preflight = try await c.execute(uri: "/v1/chat/sessions", method: .options, headers: [.origin: "http://evil.example"])
            #expect(preflight.headers[.accessControlAllowOrigin] == nil)
            let good = try await c.execute(uri: "/v1/chat/sessions", method: .options, headers: [.origin: Self.origin])
            #expect(good.headers[.accessControlAllowOrigin] == Self.origin)
            let (_, token) = try await session(c)
            #expect(token.hasPrefix("v1."))
        }
    }

    @Test func aVehiclePageSessionGreetsAboutThatCar() async throws {
        try await withApp { c, _ in
            let r = try await c.execute(uri: "/v1/chat/sessions", method: .post,
                                        headers: [HTTPField.Name("X-Showroom-Key")!: "pk_demo_sh_pudong", .contentType: "application/json"],
                                        body: Self.json(["store_id": "sh-pudong", "locale": "zh-CN", "stock_number": "SH24001"]))
            let greeting = Self.parse(r)["greeting"]
            #expect(greeting?["cards"]?.arrayValue?.first?["stock_number"] == "SH24001")
            #expect(greeting?["text"]?.stringValue?.contains("宋L") == true)
        }
    }

    @Test func aTokenReadsOnlyItsOwnSession() async throws {
        try await withApp { c, _ in
            let (a, _) = try await session(c)
            let (_, tokenB) = try await session(c)
            let other = try await c.execute(uri: "/v1/chat/sessions/\(a)/messages", method: .get, headers: [.authorization: "Bearer \(tokenB)"])
            #expect(other.status == .forbidden)
            let none = try await c.execute(uri: "/v1/chat/sessions/\(a)/messages", method: .get)
            #expect(none.status == .unauthorized)
            let forged = try await c.execute(uri: "/v1/chat/sessions/\(a)/messages", method: .get, headers: [.authorization: "Bearer v1.\(a).sh-pudong.9999999999.AAAA"])
            #expect(forged.status == .unauthorized)
        }
    }

    @Test func badInputGets4xxInTheErrorShape() async throws {
        try await withApp { c, _ in
            let (id, token) = try await session(c)
            let auth: HTTPFields = [.authorization: "Bearer \(token)", .contentType: "application/json"]
            let cases: [(ByteBuffer, HTTPResponse.Status, String)] = [
                (ByteBuffer(string: "{\"text\": "), .badRequest, "invalid_json"),
                (ByteBuffer(bytes: [0x7B, 0x22, 0x74, 0x22, 0x3A, 0x22, 0xFF, 0xFE, 0x22, 0x7D]), .badRequest, "invalid_utf8"),
                (ByteBuffer(string: "[1,2]"), .badRequest, "invalid_json"),
                (ByteBuffer(string: "{\"text\": \"\"}"), .badRequest, "empty_message"),
                (Self.json(["text": .string(String(repeating: "车", count: 2001))]), .contentTooLarge, "message_too_long"),
                (ByteBuffer(string: "{\"text\": \"" + String(repeating: "a", count: 70_000) + "\"}"), .contentTooLarge, "body_too_large"),
                // NUL cannot be stored (schemathesis found a 500): refused in the text and in each form field.
                (ByteBuffer(string: #"{"text": "a\u0000b"}"#), .badRequest, "invalid_text"),
                (ByteBuffer(string: #"{"booking": {"start": "2026-12-02T10:00:00+08:00", "name": "A\u0000", "phone": "13900000000", "consent": true}}"#),
                 .badRequest, "invalid_text"),
                (ByteBuffer(string: #"{"booking": {"start": "2026-12-02T10:00:00+08:00", "name": "A", "phone": "139", "consent": true, "stock_number": "\u0000"}}"#),
                 .badRequest, "invalid_text"),
                (Self.json(["booking": ["start": "2026-12-02T10:00:00+08:00", "name": .string(String(repeating: "名", count: 101)),
                                        "phone": "13900000000", "consent": true]]), .badRequest, "invalid_arguments"),
            ]
            for (body, status, code) in cases {
                let r = try await c.execute(uri: "/v1/chat/sessions/\(id)/messages", method: .post, headers: auth, body: body)
                #expect(r.status == status, "\(code)")
                #expect(Self.parse(r)["error"]?["code"]?.stringValue == code)
            }
            let unknown = try await c.execute(uri: "/v1/chat/sessions/not-a-uuid/messages", method: .post, headers: auth, body: Self.json(["text": "hi"]))
            #expect(unknown.status == .notFound)
        }
    }

    @Test func jsonAndStreamedAnswersCarryTheSameCards() async throws {
        try await withApp { c, _ in
            let (id, token) = try await session(c)
            let headers: HTTPFields = [.authorization: "Bearer \(token)", .contentType: "application/json"]
            let plain = try await c.execute(uri: "/v1/chat/sessions/\(id)/messages", method: .post, headers: headers,
                                            body: Self.json(["text": "20万以内的纯电SUV有哪些"]))
            #expect(plain.status == .ok)
            let answer = Self.parse(plain)
            #expect(answer["intent"] == "vehicle_search" && answer["agent"] == "catalog")
            let plainCards = answer["messages"]?.arrayValue?.last?["cards"]
            var sse = headers
            sse[.accept] = "text/event-stream"
            let streamed = try await c.execute(uri: "/v1/chat/sessions/\(id)/messages", method: .post, headers: sse,
                                               body: Self.json(["text": "20万以内的纯电SUV有哪些"]))
            #expect(streamed.headers[.contentType]?.hasPrefix("text/event-stream") == true)
            let events = String(buffer: streamed.body).components(separatedBy: "\n\n").compactMap { block -> (String, JSONValue)? in
                let lines = block.split(separator: "\n")
                guard let e = lines.first(where: { $0.hasPrefix("event: ") }), let d = lines.first(where: { $0.hasPrefix("data: ") }) else { return nil }
                return (String(e.dropFirst(7)), JSONValue.parse(String(d.dropFirst(6))) ?? .null)
            }
            let names = events.map(\.0)
            #expect(names.first == "route" && names.last == "done")
            #expect(names.contains("tool") && names.contains("delta") && names.contains("card"))
            let done = try #require(events.last?.1)
            #expect(done["messages"]?.arrayValue?.last?["cards"] == plainCards)
            let deltas = events.filter { $0.0 == "delta" }.compactMap { $0.1["text"]?.stringValue }.joined()
            #expect(deltas == done["messages"]?.arrayValue?.last?["text"]?.stringValue)
            let transcript = Self.parse(try await c.execute(uri: "/v1/chat/sessions/\(id)/messages", method: .get, headers: headers))
            let roles = transcript["messages"]?.arrayValue?.compactMap { $0["role"]?.stringValue }
            #expect(roles == ["assistant", "user", "assistant", "user", "assistant"])
        }
    }

    @Test func sessionsAreRateLimitedWithRetryAfter() async throws {
        try await withApp(rateLimit: true) { c, _ in
            let (id, token) = try await session(c)
            let headers: HTTPFields = [.authorization: "Bearer \(token)", .contentType: "application/json"]
            var statuses: [HTTPResponse.Status] = []
            var retryAfter: String?
            for _ in 0..<3 {
                let r = try await c.execute(uri: "/v1/chat/sessions/\(id)/messages", method: .post, headers: headers, body: Self.json(["text": "你好"]))
                statuses.append(r.status)
                if r.status == .tooManyRequests { retryAfter = r.headers[.retryAfter] }
            }
            #expect(statuses == [.ok, .ok, .tooManyRequests])
            #expect(Int(retryAfter ?? "") ?? 0 >= 1)
        }
    }

    func post(_ c: any TestClientProtocol, _ uri: String, token: String, _ body: JSONValue) async throws -> TestResponse {
        try await c.execute(uri: uri, method: .post, headers: [.authorization: "Bearer \(token)", .contentType: "application/json"],
                            body: Self.json(body))
    }

    @Test func aSessionMovedToAnotherCarsPageTalksAboutThatCarOnce() async throws {
        try await withApp { c, db in
            let (id, token) = try await session(c, extra: ["locale": "zh-CN"])
            let first = try await post(c, "/v1/chat/sessions/\(id)/vehicle", token: token, ["stock_number": "SH24001", "locale": "zh-CN"])
            #expect(first.status == .ok)
            let message = Self.parse(first)["message"]
            #expect(message?["cards"]?.arrayValue?.first?["stock_number"] == "SH24001")
            #expect(message?["text"]?.stringValue?.contains("宋L") == true)
            #expect(message?["text"]?.stringValue?.contains("欢迎") == false)
            let again = try await post(c, "/v1/chat/sessions/\(id)/vehicle", token: token, ["stock_number": "sh24001"])
            #expect(Self.parse(again)["message"] == .null)
            let transcript = Self.parse(try await c.execute(uri: "/v1/chat/sessions/\(id)/messages", method: .get,
                                                            headers: [.authorization: "Bearer \(token)"]))
            #expect(transcript["messages"]?.arrayValue?.count == 2)
            #expect(transcript["vehicle"]?["stock_number"] == "SH24001")
            let rows = try await db.rows("SELECT profile->>'focus_stock' FROM conversations WHERE id = \(UUID(uuidString: id)!)")
            #expect(try rows.first?.decode(String?.self) == "SH24001")
            // The next turn is about that car: "这台车落地价多少" prices SH24001.
            let turn = Self.parse(try await post(c, "/v1/chat/sessions/\(id)/messages", token: token, ["text": "这台车落地价多少"]))
            let quote = turn["messages"]?.arrayValue?.last?["cards"]?.arrayValue?.first { $0["type"] == "quote" }
            #expect(quote?["lines"]?.arrayValue?.first?["amount"]?.doubleValue == 189_800)
            let unknown = try await post(c, "/v1/chat/sessions/\(id)/vehicle", token: token, ["stock_number": "NOPE1"])
            #expect(unknown.status == .notFound)
            let other = try await session(c)
            let foreign = try await post(c, "/v1/chat/sessions/\(id)/vehicle", token: other.1, ["stock_number": "SH24001"])
            #expect(foreign.status == .forbidden)
        }
    }

    @Test func aSoldCarsPageSaysItIsSoldAndOffersNoTestDriveTimes() async throws {
        try await withApp { c, db in
            let r = try await c.execute(uri: "/v1/chat/sessions", method: .post,
                                        headers: [HTTPField.Name("X-Showroom-Key")!: "pk_demo_sh_pudong", .contentType: "application/json"],
                                        body: Self.json(["store_id": "sh-pudong", "locale": "zh-CN", "stock_number": "SH24040"]))
            let j = Self.parse(r)
            let greeting = try #require(j["greeting"])
            let text = greeting["text"]?.stringValue ?? ""
            #expect(text.contains("已售出") && !text.contains("预约试驾") && !text.contains("售价"))
            #expect(greeting["actions"]?.arrayValue?.contains { $0["type"] == "book_test_drive" } == false)
            let similar = greeting["cards"]?.arrayValue?.compactMap { $0["stock_number"]?.stringValue } ?? []
            #expect(!similar.isEmpty && !similar.contains("SH24040"))
            let statuses = try await db.rows("SELECT status FROM inventory_units WHERE stock_number = ANY(\(similar))")
                .map { try $0.decode(String.self) }
            #expect(statuses.allSatisfy { $0 == "available" })
            let id = try #require(j["session_id"]?.stringValue), token = try #require(j["session_token"]?.stringValue)
            let slots = try await c.execute(uri: "/v1/chat/sessions/\(id)/slots?stock_number=SH24040", method: .get,
                                            headers: [.authorization: "Bearer \(token)"])
            #expect(slots.status == .conflict)
            #expect(Self.parse(slots)["error"]?["code"] == "vehicle_unavailable")
            let english = Self.parse(try await c.execute(
                uri: "/v1/chat/sessions", method: .post,
                headers: [HTTPField.Name("X-Showroom-Key")!: "pk_demo_sh_pudong", .contentType: "application/json"],
                body: Self.json(["store_id": "sh-pudong", "locale": "en", "stock_number": "SH24040"])))
            #expect(english["greeting"]?["text"]?.stringValue?.contains("has been sold") == true)
        }
    }

    @Test func testDriveSlotsStartAnHourAfterTheAppsClockInTheStoresTimeZone() async throws {
        // sh-pudong: 45-minute drives on a grid from opening, Mon-Sat 09:00-21:00, Sun 09:30-18:30 (Shanghai).
        let clock = TestClock("2026-11-28T00:10:00Z")  // Saturday 08:10 in Shanghai (00:10 UTC)
        try await withApp(now: clock.now) { c, _ in
            let (id, token) = try await session(c)
            func slots() async throws -> [String] {
                let r = try await c.execute(uri: "/v1/chat/sessions/\(id)/slots?stock_number=SH24001", method: .get,
                                            headers: [.authorization: "Bearer \(token)"])
                #expect(r.status == .ok)
                #expect(Self.parse(r)["timezone"] == "Asia/Shanghai")
                return Self.parse(r)["slots"]?.arrayValue?.compactMap(\.stringValue) ?? []
            }
            // 09:00 is less than an hour away: the first slot is 09:45, the day's last 20:15.
            let morning = try await slots()
            #expect(morning.first == "2026-11-28T09:45:00+08:00")
            #expect(morning.contains("2026-11-28T20:15:00+08:00") && !morning.contains("2026-11-28T09:00:00+08:00"))
            // Saturday 20:30 in Shanghai: nothing is left that day; Sunday opens at 09:30.
            clock.set("2026-11-28T12:30:00Z")
            #expect(try await slots().first == "2026-11-29T09:30:00+08:00")
        }
    }

    @Test func theBearerSchemeIsCaseInsensitive() async throws {
        try await withApp { c, _ in
            let (id, token) = try await session(c)
            for scheme in ["bearer", "BEARER", "Bearer"] {
                let r = try await c.execute(uri: "/v1/chat/sessions/\(id)/messages", method: .get, headers: [.authorization: "\(scheme) \(token)"])
                #expect(r.status == .ok, "\(scheme)")
            }
            let basic = try await c.execute(uri: "/v1/chat/sessions/\(id)/messages", method: .get, headers: [.authorization: "Basic \(token)"])
            #expect(basic.status == .unauthorized)
        }
    }

    @Test func theLimitPerIPCountsEachForwardedClientBehindATrustedProxy() async throws {
        try await withApp(rateLimit: true, live: true, configure: {
            $0.rateLimit.perIPPerMinute = 3
            $0.trustedProxies = try! TrustedProxies(parsing: ["127.0.0.1/32", "::1/128"])
        }) { c, _ in
            let (id, token) = try await session(c)
            func get(_ forwarded: String) async throws -> TestResponse {
                try await c.execute(uri: "/v1/chat/sessions/\(id)/messages", method: .get,
                                    headers: [.authorization: "Bearer \(token)", .xForwardedFor: forwarded])
            }
            var statuses: [HTTPResponse.Status] = []
            for _ in 0..<4 { statuses.append(try await get("203.0.113.7").status) }
            #expect(statuses == [.ok, .ok, .ok, .tooManyRequests])
            let limited = try await get("203.0.113.7")
            #expect(Int(limited.headers[.retryAfter] ?? "") ?? 0 >= 1)
            #expect(Self.parse(limited)["error"]?["code"] == "rate_limited")
            // Another customer behind the same proxy has a bucket of its own.
            #expect(try await get("198.51.100.4").status == .ok)
        }
    }

    @Test func forwardedAddressesFromAnUntrustedPeerAreIgnored() async throws {
        try await withApp(rateLimit: true, live: true, configure: { $0.rateLimit.perIPPerMinute = 2 }) { c, _ in
            let (id, token) = try await session(c)
            var statuses: [HTTPResponse.Status] = []
            for i in 0..<3 {
                statuses.append(try await c.execute(uri: "/v1/chat/sessions/\(id)/messages", method: .get,
                                                    headers: [.authorization: "Bearer \(token)", .xForwardedFor: "198.51.100.\(i)"]).status)
            }
            #expect(statuses == [.ok, .ok, .tooManyRequests])
        }
    }

    @Test func anExpiredTokenIsRefusedWithTokenExpired() async throws {
        try await withApp(configure: { $0.sessionTTLSeconds = 0 }) { c, _ in
            let (id, token) = try await session(c)
            let r = try await c.execute(uri: "/v1/chat/sessions/\(id)/messages", method: .get, headers: [.authorization: "Bearer \(token)"])
            #expect(r.status == .unauthorized)
            #expect(Self.parse(r)["error"]?["code"] == "token_expired")
        }
        let tokens = SessionToken(secret: "s")
        let id = UUID(), now = Date(timeIntervalSince1970: 1_800_000_000)
        let token = tokens.issue(session: id, store: "sh-pudong", ttl: 60, now: now)
        #expect(try tokens.verify(token, session: id, now: now.addingTimeInterval(59)) == "sh-pudong")
        #expect(throws: ShowroomError.self) { try tokens.verify(token, session: id, now: now.addingTimeInterval(60)) }
    }

    @Test func aToolErrorInAChineseReplyIsInChinese() async throws {
        try await withApp { c, _ in
            let (id, token) = try await session(c, extra: ["locale": "zh-CN"])
            let turn = Self.parse(try await post(c, "/v1/chat/sessions/\(id)/messages", token: token, ["text": "SH24040 落地价多少"]))
            let text = turn["messages"]?.arrayValue?.last?["text"]?.stringValue ?? ""
            #expect(text.contains("售出"), "\(text)")
            #expect(!text.contains("available") && !text.contains("SH24040 is"), "\(text)")
        }
    }

    @Test func aCancelledTurnKeepsTheCustomersMessageAndGetsItsRow() async throws {
        try await withApp { c, db in
            let (id, token) = try await session(c)
            let conversation = try #require(UUID(uuidString: id))
            // The customer's message is stored before the turn runs: a turn that never finishes keeps it.
            let turnID = UUID()
            try await db.execute("""
                INSERT INTO tool_calls (conversation_id, turn_id, store_id, caller, tool, arguments, ok, duration_ms)
                VALUES (\(conversation), \(turnID), 'sh-pudong', 'widget:pricing', 'quote_price', '{}'::jsonb, true, 1)
                """)
            try await ConversationRepository(db: db).recordCancelledTurn(conversation, turnID: turnID, intent: "price_quote", agent: "pricing")
            try await ConversationRepository(db: db).recordCancelledTurn(conversation, turnID: turnID, intent: "price_quote", agent: "pricing")
            let turns = try await db.rows("SELECT guardrail FROM turns WHERE id = \(turnID)").map { try $0.decode(String?.self) }
            #expect(turns == ["cancelled"])
            let dangling = try await db.rows("""
                SELECT count(*) FROM tool_calls t WHERE t.conversation_id = \(conversation)
                AND NOT EXISTS (SELECT 1 FROM turns x WHERE x.id = t.turn_id)
                """).first?.decode(Int.self)
            #expect(dangling == 0)
            // A finished turn stores the customer's message once, before the answer.
            _ = try await post(c, "/v1/chat/sessions/\(id)/messages", token: token, ["text": "你好"])
            let roles = try await db.rows("SELECT role FROM messages WHERE conversation_id = \(conversation) ORDER BY seq")
                .map { try $0.decode(String.self) }
            #expect(roles == ["assistant", "user", "assistant"])
        }
    }
}
