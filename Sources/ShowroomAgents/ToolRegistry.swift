import Foundation
import Logging
import ShowroomCore
import ShowroomData
import ShowroomLLM

/// The one registry of tools. Renders them for LLMs (`specs`), MCP and the CLI, and calls
/// them with schema validation, scope and store checks, and an audit record per call.
public struct ToolRegistry: Sendable {
    public let tools: [any Tool]
    private let byName: [String: any Tool]

    public init(_ tools: [any Tool]) {
        self.tools = tools
        self.byName = Dictionary(tools.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The tools a scope may see, in registry order. Customers never see staff tools.
    public func visible(to scope: ToolScope) -> [any Tool] {
        tools.filter { $0.scope <= scope }
    }

    public func tool(named name: String, scope: ToolScope) -> (any Tool)? {
        guard let t = byName[name], t.scope <= scope else { return nil }
        return t
    }

    /// OpenAI-style tool specs for the named tools that the scope may see.
    public func specs(names: [String], scope: ToolScope) -> [ToolSpec] {
        names.compactMap { tool(named: $0, scope: scope) }.map { ToolSpec(name: $0.name, description: $0.description, parameters: $0.schema) }
    }

    /// Parses raw model arguments, then `call(name:arguments:caller:)`.
    public func call(name: String, rawArguments: String, caller: ToolCaller) async -> ToolOutcome {
        let text = rawArguments.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let parsed = text.isEmpty ? .object([:]) : JSONValue.parse(text), parsed.objectValue != nil else {
            let outcome = ToolOutcome(name: name, arguments: .string(String(rawArguments.prefix(2000))), result: nil,
                error: ShowroomError("invalid_arguments", "Arguments must be a JSON object; got: \(rawArguments.prefix(200))"),
                durationMs: 0)
            await audit(outcome, caller: caller, store: caller.fixedStore)
            return outcome
        }
        return await call(name: name, arguments: parsed, caller: caller)
    }

    /// Refuses (and audits) a call to a tool the caller's role may not use this turn, without running it.
    public func refuse(name: String, rawArguments: String, caller: ToolCaller) async -> ToolOutcome {
        let outcome = ToolOutcome(name: name, arguments: JSONValue.parse(rawArguments) ?? .string(String(rawArguments.prefix(2000))),
                                  result: nil, error: ShowroomError("forbidden_tool", "The tool '\(name)' is not available to this caller.", status: 403),
                                  durationMs: 0)
        await audit(outcome, caller: caller, store: caller.fixedStore)
        return outcome
    }

    /// Validates and runs one call; never throws: failures come back as the error shape.
    public func call(name: String, arguments: JSONValue, caller: ToolCaller) async -> ToolOutcome {
        let started = DispatchTime.now().uptimeNanoseconds
        var args = arguments.objectValue ?? [:]
        var storeID = caller.fixedStore
        let outcome: ToolOutcome
        do {
            guard let tool = tool(named: name, scope: caller.scope) else {
                throw ShowroomError("unknown_tool", "There is no tool named '\(name)' available here.", status: 404)
            }
            if let fixed = caller.fixedStore, tool.schema["properties"]?["store_id"] != nil {
                args["store_id"] = .string(fixed.rawValue)
            }
            let errors = JSONSchemaValidator.validate(.object(args), against: tool.schema)
            guard errors.isEmpty else {
                throw ShowroomError("invalid_arguments", errors.joined(separator: "; "))
            }
            var store: Store?
            if let sid = args["store_id"]?.stringValue {
                storeID = StoreID(sid)
                if let allowed = caller.allowedStores, !allowed.contains(StoreID(sid)) {
                    throw ShowroomError("forbidden_store", "This key may not act for store '\(sid)'.", status: 403)
                }
                if let loaded = caller.loadedStore, loaded.id == StoreID(sid) {
                    store = loaded
                } else {
                    store = try await StoreRepository(db: caller.db).require(StoreID(sid))
                }
            }
            let context = ToolContext(db: caller.db, store: store, conversationID: caller.conversationID,
                                      turnID: caller.turnID, language: caller.language, intent: caller.intent,
                                      caller: caller.label, now: caller.now())
            let result = try await tool.call(ToolArguments(args), context)
            outcome = ToolOutcome(name: name, arguments: .object(args), result: result, error: nil,
                                  durationMs: Self.ms(since: started))
        } catch let error as ShowroomError {
            outcome = ToolOutcome(name: name, arguments: .object(args), result: nil, error: error, durationMs: Self.ms(since: started))
        } catch {
            outcome = ToolOutcome(name: name, arguments: .object(args), result: nil,
                                  error: ShowroomError("tool_failed", "The tool could not complete: the data service is unavailable.", status: 503),
                                  durationMs: Self.ms(since: started))
        }
        ToolMetrics.record(outcome)
        await audit(outcome, caller: caller, store: storeID)
        return outcome
    }

    private static func ms(since start: UInt64) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
    }

    private func audit(_ o: ToolOutcome, caller: ToolCaller, store: StoreID?) async {
        try? await AuditRepository(db: caller.db).recordToolCall(
            conversationID: caller.conversationID, turnID: caller.turnID, storeID: store?.rawValue,
            caller: caller.label, tool: o.name, arguments: o.arguments.jsonString(),
            result: o.result?.jsonString(), ok: o.ok, errorCode: o.error?.code, durationMs: o.durationMs)
    }
}
