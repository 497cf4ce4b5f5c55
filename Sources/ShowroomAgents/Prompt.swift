import Foundation
import ShowroomCore
import ShowroomData
import ShowroomLLM

/// Builds what a model sees for a turn: the agent's instructions with the store and the
/// customer profile, a bounded window of recent messages, and the new message.
enum Prompt {
    static func system(agent: AgentDefinition, store: Store, profile: ConversationProfile, language: Language, now: Date) -> String {
        var s = agent.instructions
        s += "\n\nStore: \(store.displayName(language)) (store_id \(store.id.rawValue)), prices in \(store.currency.rawValue)."
        s += "\nNow: \(now.formatted(.iso8601)) (store time zone \(store.timezone))."
        s += "\nReply in \(language == .zh ? "Simplified Chinese" : "English")."
        let summary = profile.summary
        if !summary.isEmpty { s += "\n\(summary)" }
        return s
    }

    static func messages(agent: AgentDefinition, store: Store, profile: ConversationProfile, language: Language,
                         recent: [StoredMessage], userText: String, now: Date) -> [ChatMessage] {
        var out: [ChatMessage] = [.system(system(agent: agent, store: store, profile: profile, language: language, now: now))]
        for m in recent where !m.text.isEmpty {
            switch m.role {
            case "user": out.append(.user(m.text))
            case "assistant", "staff": out.append(.assistant(String(m.text.prefix(800))))
            default: break
            }
        }
        out.append(.user(userText))
        return out
    }

    /// The line that introduces tool results in a system prompt (one `name: json` line per result follows).
    static let resultsHeading = "Results of the tools already run for the customer's latest message "
        + "(answer from these facts only; copy every amount exactly as written):"

    /// `messages` with the tool calls and results in `prefetched` moved into the system prompt, as
    /// one `name: json` line each.
    static func withResults(_ messages: [ChatMessage], prefetched: Range<Int>) -> [ChatMessage] {
        var names: [String: String] = [:]
        var lines: [String] = []
        for m in messages[prefetched] {
            for call in m.toolCalls { names[call.id] = call.name }
            if m.role == .tool, let id = m.toolCallID { lines.append("\(m.name ?? names[id] ?? "tool"): \(m.content ?? "")") }
        }
        var out = Array(messages[..<prefetched.lowerBound]) + Array(messages[prefetched.upperBound...])
        if let i = out.firstIndex(where: { $0.role == .system }) {
            out[i].content = (out[i].content ?? "") + "\n\n" + resultsHeading + "\n" + lines.joined(separator: "\n")
        }
        return out
    }

    /// `transfer_to_<id>` tools for the agents this one may hand off to.
    static func handoffSpecs(_ agent: AgentDefinition, _ catalog: AgentCatalog) -> [ToolSpec] {
        agent.handoffs.compactMap { catalog[$0] }.map {
            ToolSpec(name: "transfer_to_\($0.id)",
                     description: "Hand the conversation to the \($0.name(.en)) agent.",
                     parameters: ["type": "object", "properties": [:], "additionalProperties": false])
        }
    }
}
