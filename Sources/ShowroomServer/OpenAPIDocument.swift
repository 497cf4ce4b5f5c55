import HTTPTypes
import Hummingbird
import ShowroomCore
import ShowroomData

/// Renders `OpenAPICatalog` as an OpenAPI 3.1 document and serves it at `GET /openapi.json`.
///
/// Error replies are added from each operation's shape, so every operation documents the
/// answers the shared code paths really give: 400 (bad parameters or body), 401/403 (keys,
/// roles, stores, origins), 404, 413 (body over the limit), 429 (public rate limits), 503.
enum OpenAPIDocument {
    static func build(_ operations: [OpenAPIOperation] = OpenAPICatalog.documented, version: String = "1.0.0") -> JSONValue {
        var paths: [String: JSONValue] = [:]
        for op in operations {
            var item = paths[op.path]?.objectValue ?? [:]
            item[op.method] = operation(op)
            paths[op.path] = .object(item)
        }
        return [
            "openapi": "3.1.0",
            "info": [
                "title": "Showroom API",
                "version": .string(version),
                "description": """
                    The public widget API (publishable key, then a per-session bearer token), the staff API (staff keys \
                    with roles sales < manager < admin, optionally limited to stores) and operations endpoints. Errors are \
                    always {"error": {"code", "message"}}. The tool registry is also served over the Model Context Protocol \
                    at POST /mcp (Streamable HTTP, JSON-RPC 2.0, staff key) and by `showroom mcp` over stdio; that protocol \
                    is described by its own specification, not here.
                    """,
            ],
            "servers": [["url": "/"]],
            "tags": .array(["chat", "inventory", "leads", "conversations", "analytics", "assist", "agents", "stores", "operations"]
                .map { ["name": .string($0)] }),
            "paths": .object(paths),
            "components": [
                "schemas": .object(OpenAPISchema.components),
                "securitySchemes": [
                    "publishableKey": ["type": "apiKey", "in": "header", "name": "X-Showroom-Key",
                                       "description": "The store's publishable key (pk_...)."],
                    "sessionToken": ["type": "http", "scheme": "bearer",
                                     "description": "The session_token of POST /v1/chat/sessions; valid for that session only."],
                    "staffKey": ["type": "http", "scheme": "bearer", "bearerFormat": "sk_...",
                                 "description": "A staff key from `showroom keys create --role sales|manager|admin [--store ID]`."],
                ],
            ],
        ]
    }

    static func operation(_ op: OpenAPIOperation) -> JSONValue {
        var o: [String: JSONValue] = [
            "operationId": .string(op.id), "tags": [.string(op.tag)], "summary": .string(op.summary),
        ]
        var description = op.description
        if let role = op.leastRole { description += (description.isEmpty ? "" : "\n\n") + "Least role: \(role.rawValue)." }
        if !description.isEmpty { o["description"] = .string(description) }
        switch op.auth {
        case .none: o["security"] = []
        case .publishableKey: o["security"] = [["publishableKey": []]]
        case .sessionToken: o["security"] = [["sessionToken": []]]
        case .staff: o["security"] = [["staffKey": []]]
        }
        // Machine-readable for clients and the fuzzer's per-role runs (the description says it in words).
        if let role = op.leastRole { o["x-least-role"] = .string(role.rawValue) }
        if !op.params.isEmpty {
            o["parameters"] = .array(op.params.map {
                var p: [String: JSONValue] = ["name": .string($0.name), "in": .string($0.location.rawValue),
                                              "required": .bool($0.required), "schema": $0.schema]
                if !$0.description.isEmpty { p["description"] = .string($0.description) }
                return .object(p)
            })
        }
        if !op.body.isEmpty {
            o["requestBody"] = ["required": true, "content": .object(op.body.mapValues { ["schema": $0] })]
        }
        var responses: [String: JSONValue] = [:]
        for r in op.replies {
            var reply: [String: JSONValue] = ["description": .string(r.description)]
            if !r.content.isEmpty { reply["content"] = .object(r.content.mapValues { ["schema": $0] }) }
            responses[String(r.status)] = .object(reply)
        }
        func error(_ status: Int, _ text: String) {
            if responses[String(status)] == nil {
                responses[String(status)] = ["description": .string(text),
                                             "content": ["application/json": ["schema": OpenAPISchema.ref("Error")]]]
            }
        }
        if !op.params.isEmpty || !op.body.isEmpty { error(400, "Invalid parameters or body (the message names the field).") }
        switch op.auth {
        case .none: break
        case .publishableKey:
            error(401, "Missing or wrong publishable key.")
            error(403, "The browser's Origin is not allowed for the store.")
            error(404, "No such store or vehicle.")
            error(429, "Rate limited; see Retry-After.")
        case .sessionToken:
            error(401, "Missing, invalid or expired session token.")
            error(403, "The browser's Origin is not allowed for the store.")
            error(404, "No such session.")
            error(429, "Rate limited; see Retry-After.")
        case .staff(let role):
            error(401, "Missing, unknown or revoked staff key.")
            error(403, "The key's role is below \(role.rawValue), or the key may not act for the store.")
            error(404, "No such resource or store.")
            error(429, "The key's requests per minute are spent; see Retry-After.")
        }
        if !op.body.isEmpty { error(413, "The body is larger than the limit.") }
        if op.auth != .none { error(503, "The database is unavailable; retry later.") }
        o["responses"] = .object(responses)
        return .object(o)
    }

    /// Serves the document, and answers 405 with `Allow` for methods a documented path does not have
    /// (the router alone would answer 404).
    static func addRoutes(to router: Router<AppRequestContext>, operations: [OpenAPIOperation] = OpenAPICatalog.all) {
        let text = build(operations + OpenAPICatalog.documentedOnly).jsonString()
        router.get("openapi.json") { _, _ in
            APIResponse.text(text, contentType: "application/json; charset=utf-8")
        }
        var methods: [String: Set<String>] = [:]
        var routes: [String: String] = [:]
        for op in operations {
            methods[op.path, default: []].insert(op.method.uppercased())
            routes[op.path] = op.routePath
        }
        for (path, have) in methods {
            let allow = have.sorted().joined(separator: ", ")
            for method in ["GET", "POST", "PUT", "PATCH", "DELETE", "TRACE", "QUERY"] where !have.contains(method) {
                guard let m = HTTPRequest.Method(method), let route = routes[path] else { continue }
                router.on(RouterPath(route), method: m) { _, _ in
                    APIResponse.error(ShowroomError("method_not_allowed", "\(method) is not allowed here; use \(allow).", status: 405),
                                      headers: [.allow: allow])
                }
            }
        }
    }
}
