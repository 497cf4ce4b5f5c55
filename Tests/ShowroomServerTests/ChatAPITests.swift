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

    func withApp(rateLimit: Bool = false, _ body: @escaping @Sendable (any TestClientProtocol, Database) async throws -> Void) async throws {
        try await TestDatabase.with { db in
            try await DemoCatalog.load(into: db)
            var config = ServerConfig()
            config.agentsDir = TestDatabase.repoRoot.appendingPathComponent("agents").path
            config.rateLimit.enabled = rateLimit
            config.rateLimit.perSessionPerMinute = 2
            let router = try await CatalogTurnRouter.load(db: db)
            let services = try ShowroomApp.services(config: config, db: db, router: router, models: [:], logger: Logger(label: "test"))
            let app = Application(router: ShowroomApp.router(services))
            try await app.test(.router) { client in try await body(client, db) }
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
}
