import Foundation
import ShowroomCore
import Yams

/// One agent, as data (`agents/<id>.yaml`): instructions, tools, backend profile, limits.
///
/// Ids are ASCII because they become tool names (`transfer_to_<id>`); display names are localized.
public struct AgentDefinition: Sendable, Codable, Hashable {
    public var id: String
    public var displayName: [String: String]
    public var instructions: String
    public var tools: [String]
    public var handoffs: [String]
    public var backend: String
    public var maxSteps: Int
    public var temperature: Double
    /// Cap on the tokens the model may write per call (`max_tokens`, default 400): a chat reply
    /// is a few sentences, and a small model that rambles on a busy machine must not hold a turn
    /// for minutes (the backend's timeout is per silence, so a slow but steady stream never trips it).
    public var maxTokens: Int

    enum CodingKeys: String, CodingKey {
        case id
        case displayName = "display_name"
        case instructions, tools, handoffs, backend
        case maxSteps = "max_steps"
        case temperature
        case maxTokens = "max_tokens"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        displayName = try c.decode([String: String].self, forKey: .displayName)
        instructions = try c.decode(String.self, forKey: .instructions)
        tools = try c.decodeIfPresent([String].self, forKey: .tools) ?? []
        handoffs = try c.decodeIfPresent([String].self, forKey: .handoffs) ?? []
        backend = try c.decodeIfPresent(String.self, forKey: .backend) ?? "embedded"
        maxSteps = try c.decodeIfPresent(Int.self, forKey: .maxSteps) ?? 4
        temperature = try c.decodeIfPresent(Double.self, forKey: .temperature) ?? 0.2
        maxTokens = try c.decodeIfPresent(Int.self, forKey: .maxTokens) ?? 400
    }

    /// Display name in a language.
    public func name(_ language: Language) -> String {
        displayName[language.rawValue] ?? displayName["en"] ?? id
    }
}
