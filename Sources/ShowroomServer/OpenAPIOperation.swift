import Foundation
import Hummingbird
import NIOCore
import ShowroomCore
import ShowroomData

/// One documented HTTP operation: the single description that both `/openapi.json` renders
/// and the staff handlers validate requests against, so the document cannot drift from the code.
///
/// Request schemas are inline JSON Schema (the subset `JSONSchemaValidator` checks); response
/// schemas may `$ref` the shared components of `OpenAPISchemas`.
struct OpenAPIOperation: Sendable {
    enum Auth: Sendable, Hashable {
        case none
        /// The store's publishable key in `X-Showroom-Key`.
        case publishableKey
        /// A widget session's bearer token.
        case sessionToken
        /// A staff key (`Authorization: Bearer sk_...`) with at least this role.
        case staff(StaffRole)
    }

    /// A query or path parameter. Query values are parsed by the schema's `type`
    /// (integer, number, boolean, string) and then validated against the schema.
    struct Param: Sendable {
        enum Location: String, Sendable { case query, path }
        var name: String
        var location: Location
        var schema: JSONValue
        var required: Bool
        var description: String
    }

    /// A documented response: status, description, and the schema per media type.
    struct Reply: Sendable {
        var status: Int
        var description: String
        var content: [String: JSONValue]
    }

    var id: String
    var method: String
    /// OpenAPI path with `{name}` parameters.
    var path: String
    var tag: String
    var summary: String
    var description: String = ""
    var auth: Auth
    var params: [Param] = []
    /// Media type → schema of the request body.
    var body: [String: JSONValue] = [:]
    var replies: [Reply]

    /// The Hummingbird route path (`{name}` → `:name`).
    var routePath: String {
        path.split(separator: "/").map { $0.hasPrefix("{") ? ":" + $0.dropFirst().dropLast() : String($0) }.joined(separator: "/")
    }

    /// The staff role this operation needs, if it is a staff operation.
    var leastRole: StaffRole? {
        if case .staff(let role) = auth { return role }
        return nil
    }

    // MARK: request validation

    /// The declared query parameters, parsed and validated (`application/x-www-form-urlencoded`:
    /// `+` is a space, the first of repeated names wins). Undeclared parameters are ignored.
    func query(_ req: Request) throws -> [String: JSONValue] {
        let raw = Self.formPairs(req.uri.query ?? "")
        var out: [String: JSONValue] = [:]
        for p in params where p.location == .query {
            guard let text = raw.first(where: { $0.0 == p.name })?.1 else {
                if p.required { throw ShowroomError.invalid("\(p.name) is required.") }
                continue
            }
            out[p.name] = try Self.value(text, name: p.name, schema: p.schema)
        }
        return out
    }

    /// A path parameter, percent-decoded and validated.
    func pathValue(_ name: String, _ ctx: AppRequestContext) throws -> JSONValue {
        guard let p = params.first(where: { $0.location == .path && $0.name == name }),
              let raw = ctx.parameters.get(name) else {
            throw ShowroomError.notFound("Not found.")
        }
        return try Self.value(raw.removingPercentEncoding ?? raw, name: name, schema: p.schema)
    }

    /// The JSON body, parsed and validated against the `application/json` schema: 413 over
    /// `limit`, 400 for bad UTF-8, bad JSON, schema violations and nulls the schema does not allow.
    func jsonBody(_ req: Request, ctx: AppRequestContext, limit: Int) async throws -> [String: JSONValue] {
        let obj = try await JSONBody.object(req, context: ctx, limit: limit)
        guard let schema = body["application/json"] else { return obj }
        let props = schema["properties"]?.objectValue ?? [:]
        for (key, value) in obj.sorted(by: { $0.key < $1.key }) where value == .null {
            if let sub = props[key], !Self.allowsNull(sub) { throw ShowroomError.invalid("\(key): must not be null.") }
        }
        let errors = JSONSchemaValidator.validate(.object(obj), against: schema)
        guard errors.isEmpty else { throw ShowroomError.invalid(errors.joined(separator: "; ")) }
        for (key, value) in obj.sorted(by: { $0.key < $1.key }) {
            guard let text = value.stringValue, let format = props[key]?["format"]?.stringValue else { continue }
            if format == "date", !DayRange.isDay(text) { throw ShowroomError.invalid("\(key) must be a date (YYYY-MM-DD).") }
            if format == "uuid", UUID(uuidString: text) == nil { throw ShowroomError.invalid("\(key) must be a UUID.") }
        }
        return obj
    }

    static func allowsNull(_ schema: JSONValue) -> Bool {
        if schema["type"] == "null" { return true }
        return schema["type"]?.arrayValue?.contains("null") ?? false
    }

    /// Parses one parameter text by its schema type, then validates it.
    static func value(_ text: String, name: String, schema: JSONValue) throws -> JSONValue {
        let value: JSONValue
        switch schema["type"]?.stringValue {
        case "integer":
            guard let i = Int(text), abs(i) < 1 << 53 else { throw ShowroomError.invalid("\(name) must be an integer.") }
            value = .number(Double(i))
        case "number":
            guard let d = Double(text), d.isFinite, text.allSatisfy({ "0123456789.eE+-".contains($0) }) else {
                throw ShowroomError.invalid("\(name) must be a number.")
            }
            value = .number(d)
        case "boolean":
            guard text == "true" || text == "false" else { throw ShowroomError.invalid("\(name) must be true or false.") }
            value = .bool(text == "true")
        default:
            value = .string(text)
        }
        let errors = JSONSchemaValidator.validate(value, against: schema, path: name)
        guard errors.isEmpty else { throw ShowroomError.invalid(errors.joined(separator: "; ")) }
        if schema["format"] == "date", !DayRange.isDay(text) { throw ShowroomError.invalid("\(name) must be a date (YYYY-MM-DD).") }
        if schema["format"] == "uuid", UUID(uuidString: text) == nil { throw ShowroomError.invalid("\(name) must be a UUID.") }
        return value
    }

    /// `a=1&b=x+y` → [("a", "1"), ("b", "x y")], percent-decoded.
    static func formPairs(_ query: String) -> [(String, String)] {
        query.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String {
                let spaced = s.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            return (decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
        }
    }
}
