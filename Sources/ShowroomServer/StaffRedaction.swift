import Foundation
import ShowroomAgents
import ShowroomCore
import ShowroomData

/// What a staff key may read of a conversation: the results of staff-only tools above its role
/// (a manager's `floor_price` carries floor and cost) are withheld, and so are the assistant's
/// words and cards of the turns that used them, which repeat those figures.
///
/// The arguments stay (a stock number, a search text): they carry nothing the role may not see.
struct StaffRedaction {
    let registry: ToolRegistry
    let role: StaffRole

    /// The least role of a called tool; tools the registry no longer has count as customer tools
    /// (their calls were refused, so they have no result).
    func leastRole(_ tool: String) -> StaffRole {
        registry.tool(named: tool, scope: .staff).map(StaffToolPolicy.leastRole(for:)) ?? .sales
    }

    /// The turns with withheld results marked `"redacted": true`, and the ids of those turns.
    func turns(_ turns: [ConversationRepository.TurnDetail]) -> (turns: [JSONValue], withheld: Set<UUID>) {
        var withheld: Set<UUID> = []
        let out: [JSONValue] = turns.map { turn in
            var json = turn.json
            let calls: [JSONValue] = (turn.toolCalls.arrayValue ?? []).map { call in
                let needs = leastRole(call["tool"]?.stringValue ?? "")
                guard needs > role, var o = call.objectValue else { return call }
                withheld.insert(turn.id)
                o["result"] = .null
                o["redacted"] = .bool(true)
                o["needs_role"] = .string(needs.rawValue)
                return .object(o)
            }
            if var o = json.objectValue {
                o["tool_calls"] = .array(calls)
                json = .object(o)
            }
            return json
        }
        return (out, withheld)
    }

    /// The messages, with the assistant's replies of withheld turns replaced by a note.
    func messages(_ messages: [StoredMessage], withheld: Set<UUID>) -> [JSONValue] {
        messages.map { m in
            guard m.role == "assistant", let turn = m.turnID, withheld.contains(turn), var o = m.json.objectValue else { return m.json }
            o["text"] = .string("(withheld: this reply used staff-only data your role may not see)")
            o["cards"] = []
            o["redacted"] = .bool(true)
            return .object(o)
        }
    }
}
