import Foundation
import HTTPTypes
import Hummingbird
import MCP
import NIOCore
import ShowroomCore
import ShowroomData
import ShowroomTestSupport
import Testing
@testable import ShowroomServer

/// `POST /mcp` as a JSON-RPC client sees it: initialize, tools/list by role, tools/call with
/// tool errors as results, JSON-RPC errors for bad calls, Host checks and staff keys.
@Suite(.enabled(if: TestDatabase.available)) struct MCPControllerTests {
    static func rpc(_ h: StaffHarness, key: String?, _ method: String, _ params: JSONValue = [:], id: Int = 1,
                    headers extra: HTTPFields = [:]) async throws -> (status: Int, json: JSONValue) {
        var headers: HTTPFields = [.accept: "application/json, text/event-stream"]
        for f in extra { headers[f.name] = f.value }
        let r = try await h.call(.post, "/mcp", key: key,
                                 json: ["jsonrpc": "2.0", "id": .number(Double(id)), "method": .string(method), "params": params],
                                 headers: headers)
        return (r.status, JSONValue.parse(r.text) ?? .null)
    }

    @Test func initializeAndListToolsByRole() async throws {
        try await StaffHarness.with { h in
            let hello = try await Self.rpc(h, key: "salesSH", "initialize", [
                "protocolVersion": "2025-06-18", "capabilities": [:], "clientInfo": ["name": "test", "version": "1"],
            ])
            #expect(hello.status == 200)
            #expect(hello.json["result"]?["serverInfo"]?["name"] == "showroom")
            #expect(hello.json["result"]?["capabilities"]?["tools"] != nil)

            let sales = try await Self.rpc(h, key: "salesSH", "tools/list")
            let salesTools = Set(sales.json["result"]?["tools"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? [])
            #expect(salesTools.contains("search_inventory"))
            #expect(!salesTools.contains("floor_price"))
            let manager = try await Self.rpc(h, key: "managerSH", "tools/list")
            let managerTools = manager.json["result"]?["tools"]?.arrayValue ?? []
            #expect(managerTools.contains { $0["name"] == "floor_price" })
            #expect(managerTools.allSatisfy { $0["inputSchema"]?["type"] == "object" })
        }
    }

    @Test func callsRunThroughTheRegistryWithinTheKeysStores() async throws {
        try await StaffHarness.with { h in
            let found = try await Self.rpc(h, key: "salesSH", "tools/call",
                                           ["name": "search_inventory", "arguments": ["store_id": "sh-test", "body_type": "suv"]])
            #expect(found.status == 200)
            let result = try #require(found.json["result"])
            #expect(result["isError"] == false)
            let vehicles = result["structuredContent"]?["vehicles"]?.arrayValue ?? []
            #expect(vehicles.map { $0["stock_number"] } == ["SHT003"])
            #expect(result["content"]?.arrayValue?.first?["type"] == "text")

            let elsewhere = try await Self.rpc(h, key: "salesSH", "tools/call",
                                               ["name": "search_inventory", "arguments": ["store_id": "sf-test"]])
            #expect(elsewhere.json["result"]?["isError"] == true)
            #expect(elsewhere.json["result"]?["content"]?.arrayValue?.first?["text"]?.stringValue?.contains("forbidden_store") == true)

            let floor = try await Self.rpc(h, key: "salesSH", "tools/call",
                                           ["name": "floor_price", "arguments": ["store_id": "sh-test", "stock_number": "SHT001"]])
            #expect(floor.json["result"]?["isError"] == true)
            #expect(floor.json["result"]?["content"]?.arrayValue?.first?["text"]?.stringValue?.contains("forbidden_role") == true)
            let allowed = try await Self.rpc(h, key: "managerSH", "tools/call",
                                             ["name": "floor_price", "arguments": ["store_id": "sh-test", "stock_number": "SHT001"]])
            #expect(allowed.json["result"]?["structuredContent"]?["floor"] == 199000)

            let badArgs = try await Self.rpc(h, key: "salesSH", "tools/call",
                                             ["name": "search_inventory", "arguments": ["store_id": "sh-test", "limit": 500]])
            #expect(badArgs.json["result"]?["isError"] == true)
            let audited = try await h.db.rows("SELECT tool, ok, error_code FROM tool_calls ORDER BY id").map {
                try $0.decode((String, Bool, String?).self)
            }
            #expect(audited.map(\.0) == ["search_inventory", "search_inventory", "floor_price", "floor_price", "search_inventory"])
            #expect(audited.map(\.2) == [nil, "forbidden_store", "forbidden_role", nil, "invalid_arguments"])
        }
    }

    @Test func badCallsAreJSONRPCErrors() async throws {
        try await StaffHarness.with { h in
            let unknownTool = try await Self.rpc(h, key: "adminAll", "tools/call", ["name": "launch_rocket"])
            #expect(unknownTool.json["error"]?["code"] == -32602)
            let noName = try await Self.rpc(h, key: "adminAll", "tools/call", ["arguments": [:]])
            #expect(noName.json["error"]?["code"] == -32602)
            let badArguments = try await Self.rpc(h, key: "adminAll", "tools/call", ["name": "dealer_info", "arguments": "x"])
            #expect(badArguments.json["error"]?["code"] == -32602)
            let bareInitialize = try await Self.rpc(h, key: "adminAll", "initialize", ["protocolVersion": "2025-06-18"])
            #expect(bareInitialize.json["error"]?["code"] == -32602)
            let unknownMethod = try await Self.rpc(h, key: "adminAll", "resources/explode")
            #expect(unknownMethod.json["error"]?["code"] == -32601)
            let garbage = try await h.call(.post, "/mcp", key: "adminAll", body: "{nope",
                                           headers: [.accept: "application/json", .contentType: "application/json"])
            #expect(garbage.status == 400)
            #expect(JSONValue.parse(garbage.text)?["error"]?["code"] == -32700)
            #expect(JSONValue.parse(garbage.text)?["id"] == .null)
            let noVersion = try await h.call(.post, "/mcp", key: "adminAll", body: #"{"id":1,"method":"tools/list"}"#,
                                             headers: [.accept: "application/json", .contentType: "application/json"])
            #expect(noVersion.status == 400)
            #expect(JSONValue.parse(noVersion.text)?["error"]?["code"] == -32600)
            #expect(JSONValue.parse(noVersion.text)?["id"] == 1)
        }
    }

    @Test func theHostOfTheRequestReachesTheRebindingCheck() {
        let validator = MCPController.originValidator(["localhost", "127.0.0.1"])
        let context = HTTPValidationContext(httpMethod: "POST", isInitializationRequest: false, supportedProtocolVersions: [])
        for (authority, allowed) in [("evil.example.com", false), ("localhost:8080", true), ("127.0.0.1", true),
                                     ("localhost.evil.com", false)] {
            let req = Request(head: HTTPRequest(method: .post, scheme: "http", authority: authority, path: "/mcp"),
                              body: RequestBody(buffer: ByteBuffer()))
            let mcp = MCPController.mcpRequest(req, body: Data())
            #expect(mcp.header("Host") == authority)
            let refused = validator.validate(mcp, context: context)
            #expect((refused == nil) == allowed, "\(authority)")
            if !allowed { #expect(refused?.statusCode == 421) }
        }
    }

    @Test func keysAndOriginsAreChecked() async throws {
        try await StaffHarness.with { h in
            let anonymous = try await Self.rpc(h, key: nil, "tools/list")
            #expect(anonymous.status == 401)
            #expect(anonymous.json["error"]?["code"] == "unauthorized")
            let origin = try await Self.rpc(h, key: "adminAll", "tools/list", headers: [.origin: "https://evil.example.com"])
            #expect(origin.status == 403)
            let get = try await h.call(.get, "/mcp", key: "adminAll")
            #expect(get.status == 405)
        }
    }
}
