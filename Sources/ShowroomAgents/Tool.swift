import Foundation
import ShowroomCore
import ShowroomData

/// Who may call a tool. Customer tools serve the widget; staff tools need a staff key.
public enum ToolScope: String, Sendable, Codable, Hashable, Comparable {
    case customer, staff

    public static func < (a: ToolScope, b: ToolScope) -> Bool { a == .customer && b == .staff }
}

/// One tool of the shared registry: declared once, rendered for LLMs, MCP and the CLI.
///
/// `call` receives arguments already validated against `schema`, and a context whose
/// `store` is the store named by `store_id` after scope and store checks.
public protocol Tool: Sendable {
    var name: String { get }
    var description: String { get }
    var scope: ToolScope { get }
    /// JSON Schema (object) of the arguments.
    var schema: JSONValue { get }
    func call(_ args: ToolArguments, _ context: ToolContext) async throws -> JSONValue
}

/// What a tool may use: the database, the store, the conversation, the clock.
public struct ToolContext: Sendable {
    public var db: Database
    /// The store named by the call's `store_id` (nil for tools without one).
    public var store: Store?
    public var conversationID: UUID?
    public var turnID: UUID?
    public var language: Language
    public var intent: Intent?
    /// Audit label of the caller: `agent:catalog`, `mcp`, `cli`, `staff:<key prefix>`.
    public var caller: String
    public var now: Date

    /// The store, or a precise error for tools that need one.
    public func requireStore() throws -> Store {
        guard let store else { throw ShowroomError.invalid("store_id is required") }
        return store
    }
}

/// Validated arguments with typed accessors.
public struct ToolArguments: Sendable {
    public var values: [String: JSONValue]

    public init(_ values: [String: JSONValue]) { self.values = values }

    public func string(_ key: String) -> String? {
        guard let s = values[key]?.stringValue?.trimmingCharacters(in: .whitespacesAndNewlines), !s.isEmpty else { return nil }
        return s
    }
    public func int(_ key: String) -> Int? { values[key]?.intValue ?? values[key]?.doubleValue.map { Int($0.rounded()) } }
    public func double(_ key: String) -> Double? { values[key]?.doubleValue }
    public func bool(_ key: String) -> Bool? { values[key]?.boolValue }
    public func strings(_ key: String) -> [String] { values[key]?.arrayValue?.compactMap(\.stringValue) ?? [] }
    public func decimal(_ key: String) -> Decimal? {
        values[key]?.doubleValue.flatMap { Decimal(string: String(format: "%.4f", $0)) }
    }
    public func `enum`<E: RawRepresentable>(_ key: String, _ type: E.Type) -> E? where E.RawValue == String {
        string(key).flatMap(E.init(rawValue:))
    }

    public func require(_ key: String) throws -> String {
        guard let s = string(key) else { throw ShowroomError.invalid("\(key) is required") }
        return s
    }
}
