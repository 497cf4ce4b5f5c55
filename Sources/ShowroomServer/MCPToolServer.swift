import Foundation
import Logging
import MCP
import ShowroomAgents
import ShowroomCore
import ShowroomData

/// The tool registry as an MCP server (swift-sdk `Server`) for one staff key: `tools/list`
/// shows the tools the key's role may use (`StaffToolPolicy`), `tools/call` runs them through
/// `ToolRegistry.call` limited to the key's stores.
///
/// Tool failures (bad arguments, refused role or store, no such vehicle) are tool results
/// with `isError: true`, so a model can read and fix them; an unknown tool name or malformed
/// params are JSON-RPC errors (-32602). Params are taken as raw JSON and checked here, because
/// the SDK's typed decoding turns every malformed params into a generic -32603.
public enum MCPToolServer {
    /// `tools/call` with params read as raw JSON.
    enum CallToolRaw: MCP.Method {
        static let name = CallTool.name
        typealias Parameters = Value
        typealias Result = CallTool.Result
    }

    /// `tools/list` with params read as raw JSON.
    enum ListToolsRaw: MCP.Method {
        static let name = ListTools.name
        typealias Parameters = Value
        typealias Result = ListTools.Result
    }

    public static let serverName = "showroom"
    public static let version = "1.0.0"

    /// A server whose handlers act for `key`. `label` names the caller in the tool-call audit.
    public static func make(registry: ToolRegistry, db: Database, key: StaffKey, label: String) async -> Server {
        let server = Server(
            name: serverName, version: version, title: "Showroom dealership tools",
            instructions: "Inventory search, vehicle details, model comparison and dealer info for the stores this key may act for. Pass store_id (e.g. sh-pudong).",
            capabilities: .init(tools: .init(listChanged: false)))
        /// A revoked key stops working in a session that outlives the revocation (`showroom mcp`).
        @Sendable func requireActive() async throws {
            let active: Bool
            do { active = try await StaffKeyRepository(db: db).isActive(key.id) } catch {
                throw MCPError.internalError("The staff key could not be checked: the database is unavailable")
            }
            guard active else { throw MCPError.invalidRequest("The staff key \(key.prefix) has been revoked") }
        }
        await server.withMethodHandler(ListToolsRaw.self) { params in
            try await requireActive()
            if params != .null, params.objectValue == nil { throw MCPError.invalidParams("params must be an object") }
            if let cursor = params.objectValue?["cursor"], cursor != .null, cursor.stringValue == nil {
                throw MCPError.invalidParams("cursor must be a string")
            }
            return ListTools.Result(tools: StaffToolPolicy.visible(registry, to: key.role).map(mcpTool))
        }
        await server.withMethodHandler(CallToolRaw.self) { params in
            try await requireActive()
            guard let object = params.objectValue, let name = object["name"]?.stringValue else {
                throw MCPError.invalidParams("params.name (the tool name) is required")
            }
            let arguments = object["arguments"] ?? .null
            guard arguments == .null || arguments.objectValue != nil else {
                throw MCPError.invalidParams("params.arguments must be an object")
            }
            guard let tool = registry.tool(named: name, scope: .staff) else {
                throw MCPError.invalidParams("Unknown tool: \(name)")
            }
            guard StaffToolPolicy.allows(key.role, tool) else {
                let least = StaffToolPolicy.leastRole(for: tool)
                let refusal = ShowroomError("forbidden_role", "The tool '\(name)' needs the \(least.rawValue) role; this key has \(key.role.rawValue).", status: 403)
                try? await AuditRepository(db: db).recordToolCall(
                    conversationID: nil, turnID: nil, storeID: (try? json(arguments))?["store_id"]?.stringValue, caller: label,
                    tool: name, arguments: (try? json(arguments))?.jsonString() ?? "{}", result: nil, ok: false,
                    errorCode: refusal.code, durationMs: 0)
                return CallTool.Result(content: [.text(text: refusal.json.jsonString(), annotations: nil, _meta: nil)], isError: true)
            }
            let caller = ToolCaller(db: db, scope: .staff, label: label, allowedStores: key.storeScope)
            let outcome = await registry.call(name: name, arguments: try json(arguments == .null ? .object([:]) : arguments),
                                              caller: caller)
            if let result = outcome.result {
                return CallTool.Result(content: [.text(text: result.jsonString(), annotations: nil, _meta: nil)], structuredContent: try? value(result), isError: false)
            }
            return CallTool.Result(content: [.text(text: outcome.modelText, annotations: nil, _meta: nil)], isError: true)
        }
        return server
    }

    static func mcpTool(_ t: any ShowroomAgents.Tool) -> MCP.Tool {
        MCP.Tool(name: t.name, description: t.description, inputSchema: (try? value(t.schema)) ?? .object([:]))
    }

    static func value(_ json: JSONValue) throws -> Value {
        try JSONDecoder().decode(Value.self, from: JSONEncoder().encode(json))
    }

    static func json(_ value: Value) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(value))
    }
}
