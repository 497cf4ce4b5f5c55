import Foundation
import HTTPTypes
import Hummingbird
import Logging
import MCP
import NIOCore
import ShowroomCore
import ShowroomData

/// `POST /mcp`: the tool registry over MCP Streamable HTTP, stateless (JSON answers, no
/// sessions), authenticated by a staff key.
///
/// Each request gets its own `Server` and `StatelessHTTPServerTransport` (an SDK server accepts
/// `initialize` once in its life, and one shared transport would mix concurrent clients).
/// Host and Origin are checked first against `mcp_allowed_hosts` (DNS-rebinding protection;
/// Hummingbird keeps Host in `head.authority`, so it is copied across explicitly), then the key.
struct MCPController {
    let app: AppServices

    /// Requests above this are refused with 413.
    static let maxBody = 1024 * 1024

    func addRoutes(to router: Router<AppRequestContext>) {
        router.post("mcp", use: handle)
        for method in [HTTPRequest.Method.get, .delete, .put, .patch] {
            router.on("mcp", method: method) { _, _ in
                Self.response(MCP.HTTPResponse.error(statusCode: 405, .invalidRequest("Method Not Allowed: use POST"),
                                                     extraHeaders: ["Allow": "POST"]))
            }
        }
    }

    /// Allowed `Host` values (any port) and browser origins for the configured host names.
    static func originValidator(_ hosts: [String]) -> OriginValidator {
        OriginValidator(allowedHosts: hosts.flatMap { [$0, "\($0):*"] },
                        allowedOrigins: hosts.flatMap { ["http://\($0)", "http://\($0):*", "https://\($0)", "https://\($0):*"] })
    }

    @Sendable func handle(_ req: Request, ctx: AppRequestContext) async throws -> Response {
        var request = req
        let buffer: ByteBuffer
        do { buffer = try await request.collectBody(upTo: Self.maxBody) } catch {
            throw ShowroomError("body_too_large", "The request body is larger than \(Self.maxBody) bytes.", status: 413)
        }
        let mcpRequest = Self.mcpRequest(req, body: Data(buffer.readableBytesView))
        let context = HTTPValidationContext(httpMethod: "POST", isInitializationRequest: false,
                                            supportedProtocolVersions: Version.supported)
        if let refused = Self.originValidator(app.config.mcpAllowedHosts).validate(mcpRequest, context: context) {
            return Self.response(refused)
        }
        let key: StaffKey
        do {
            key = try await StaffAuth(db: app.db).require(req, role: .sales, action: "mcp")
        } catch let e as ShowroomError where e.status == 401 {
            return APIResponse.error(e, headers: [.wwwAuthenticate: "Bearer"])
        }
        try await StaffGuard(app: app).limit(key)
        if let refusal = JSONRPCEnvelope.refusal(mcpRequest.body ?? Data()) { return APIResponse.json(refusal, status: .badRequest) }
        if let refused = Self.invalidInitialize(mcpRequest.body ?? Data()) { return refused }
        let server = await MCPToolServer.make(registry: app.registry, db: app.db, key: key, label: "mcp:\(key.prefix)")
        let transport = StatelessHTTPServerTransport(validationPipeline: StandardValidationPipeline(validators: [
            AcceptHeaderValidator(mode: .jsonOnly), ContentTypeValidator(), ProtocolVersionValidator(),
        ]), logger: ctx.logger)
        try await server.start(transport: transport)
        let answer = await transport.handleRequest(mcpRequest)
        await server.stop()
        return Self.response(answer)
    }

    /// A JSON-RPC -32602 answer for an `initialize` whose params lack protocolVersion, capabilities or
    /// clientInfo (the SDK would answer a generic -32603 for what is the client's mistake).
    static func invalidInitialize(_ body: Data) -> Response? {
        guard let message = JSONValue.parse(String(decoding: body, as: UTF8.self)), message["method"] == "initialize",
              let id = message["id"], id.stringValue != nil || id.intValue != nil else { return nil }
        let p = message["params"]
        guard p?["protocolVersion"]?.stringValue == nil || p?["capabilities"]?.objectValue == nil
                || p?["clientInfo"]?["name"]?.stringValue == nil || p?["clientInfo"]?["version"]?.stringValue == nil else { return nil }
        let answer: JSONValue = ["jsonrpc": "2.0", "id": id, "error": [
            "code": -32602, "message": "Invalid params: initialize needs protocolVersion, capabilities and clientInfo {name, version}",
        ]]
        return APIResponse.json(answer)
    }

    /// The SDK's framework-neutral request, with Host copied from the request's authority.
    static func mcpRequest(_ req: Request, body: Data) -> MCP.HTTPRequest {
        var headers: [String: String] = [:]
        for field in req.headers {
            let name = field.name.canonicalName
            headers[name] = headers[name].map { "\($0), \(field.value)" } ?? field.value
        }
        if let authority = req.head.authority { headers["host"] = authority }
        return MCP.HTTPRequest(method: req.method.rawValue, headers: headers, body: body, path: req.uri.path)
    }

    static func response(_ answer: MCP.HTTPResponse) -> Response {
        var fields = HTTPFields()
        for (name, value) in answer.headers {
            if let n = HTTPField.Name(name) { fields[n] = value }
        }
        let body = answer.bodyData.map { ByteBuffer(bytes: $0) } ?? ByteBuffer()
        return Response(status: .init(code: answer.statusCode), headers: fields, body: .init(byteBuffer: body))
    }
}
