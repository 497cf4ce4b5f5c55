import Foundation
import ShowroomCore
import Yams

/// The agent definitions in force, loaded and validated from `agents/*.yaml`.
///
/// Validation refuses unknown tools, unknown handoff targets, unknown backend profiles,
/// non-ASCII ids and missing required agents, naming the file and the field.
public struct AgentCatalog: Sendable {
    public static let requiredIDs = ["concierge", "catalog", "recommendation", "pricing", "booking"]

    public let agents: [String: AgentDefinition]

    public init(agents: [String: AgentDefinition]) { self.agents = agents }

    public subscript(id: String) -> AgentDefinition? { agents[id] }

    /// Loads every `*.yaml` in a folder and validates it against the registry and profiles.
    public static func load(from folder: URL, registry: ToolRegistry, profiles: Set<String>) throws -> AgentCatalog {
        let files: [URL]
        do {
            files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
                .filter { ["yaml", "yml"].contains($0.pathExtension) }.sorted { $0.path < $1.path }
        } catch {
            throw ShowroomError("agents_not_found", "Cannot read agent definitions in \(folder.path).")
        }
        var agents: [String: AgentDefinition] = [:]
        for file in files {
            let def: AgentDefinition
            do {
                let text = try String(contentsOf: file, encoding: .utf8)
                def = try YAMLDecoder().decode(AgentDefinition.self, from: text)
            } catch let e as DecodingError {
                throw ShowroomError("invalid_agent", "\(file.lastPathComponent): \(Self.describe(e))")
            } catch {
                throw ShowroomError("invalid_agent", "\(file.lastPathComponent): \(error)")
            }
            guard agents[def.id] == nil else { throw ShowroomError("invalid_agent", "\(file.lastPathComponent): id '\(def.id)' is defined twice") }
            agents[def.id] = def
            try validateFields(def, file: file.lastPathComponent, registry: registry, profiles: profiles)
        }
        for id in requiredIDs where agents[id] == nil {
            throw ShowroomError("invalid_agent", "agents/: the required agent '\(id)' is missing")
        }
        for def in agents.values {
            for h in def.handoffs where agents[h] == nil {
                throw ShowroomError("invalid_agent", "\(def.id).yaml: handoffs: unknown agent '\(h)'")
            }
        }
        return AgentCatalog(agents: agents)
    }

    static func validateFields(_ def: AgentDefinition, file: String, registry: ToolRegistry, profiles: Set<String>) throws {
        guard def.id.range(of: "^[a-z][a-z0-9_]{1,30}$", options: .regularExpression) != nil else {
            throw ShowroomError("invalid_agent", "\(file): id '\(def.id)' must be lower-case ASCII (it becomes a tool name)")
        }
        for t in def.tools where registry.tool(named: t, scope: .staff) == nil {
            throw ShowroomError("invalid_agent", "\(file): tools: unknown tool '\(t)'")
        }
        guard profiles.contains(def.backend) else {
            throw ShowroomError("invalid_agent", "\(file): backend: unknown backend profile '\(def.backend)' (known: \(profiles.sorted().joined(separator: ", ")))")
        }
        guard (1...10).contains(def.maxSteps) else { throw ShowroomError("invalid_agent", "\(file): max_steps must be 1...10") }
        guard (0...2).contains(def.temperature) else { throw ShowroomError("invalid_agent", "\(file): temperature must be 0...2") }
        guard (16...8192).contains(def.maxTokens) else { throw ShowroomError("invalid_agent", "\(file): max_tokens must be 16...8192") }
        guard def.displayName["en"] != nil, def.displayName["zh"] != nil else {
            throw ShowroomError("invalid_agent", "\(file): display_name needs en and zh")
        }
    }

    static func describe(_ e: DecodingError) -> String {
        switch e {
        case .keyNotFound(let k, _): "missing field '\(k.stringValue)'"
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .dataCorrupted(let c):
            "field '\(c.codingPath.map(\.stringValue).joined(separator: "."))': \(c.debugDescription)"
        @unknown default: "\(e)"
        }
    }
}

/// Holds the catalog in force and swaps it on reload, without a restart.
public actor AgentCatalogStore {
    private var current: AgentCatalog
    private let folder: URL
    private let registry: ToolRegistry
    private let profiles: Set<String>

    public init(folder: URL, registry: ToolRegistry, profiles: Set<String>) throws {
        self.folder = folder
        self.registry = registry
        self.profiles = profiles
        self.current = try AgentCatalog.load(from: folder, registry: registry, profiles: profiles)
    }

    public var catalog: AgentCatalog { current }

    /// Reloads from disk; a bad file leaves the catalog in force unchanged and throws.
    @discardableResult
    public func reload() throws -> AgentCatalog {
        current = try AgentCatalog.load(from: folder, registry: registry, profiles: profiles)
        return current
    }
}
