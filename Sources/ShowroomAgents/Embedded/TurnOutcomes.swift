import Foundation
import ShowroomCore
import ShowroomLLM

/// Tool calls and results of the current turn, read back from a request's messages
/// (everything after the last user message).
struct TurnOutcomes {
    struct Entry {
        var name: String
        var arguments: JSONValue
        var result: JSONValue?
        var error: JSONValue?
    }

    var entries: [Entry] = []

    init(messages: [ChatMessage]) {
        let lastUser = messages.lastIndex { $0.role == .user } ?? -1
        var calls: [String: (String, JSONValue)] = [:]
        for m in messages.dropFirst(lastUser + 1) {
            if m.role == .assistant {
                for c in m.toolCalls { calls[c.id] = (c.name, JSONValue.parse(c.arguments) ?? [:]) }
            } else if m.role == .tool, let id = m.toolCallID, let (name, args) = calls[id] {
                let value = JSONValue.parse(m.content ?? "") ?? .null
                if let err = value["error"], value.objectValue?.count == 1 {
                    entries.append(Entry(name: name, arguments: args, result: nil, error: err))
                } else {
                    entries.append(Entry(name: name, arguments: args, result: value, error: nil))
                }
            }
        }
    }

    func last(_ name: String) -> Entry? { entries.last { $0.name == name } }
    func result(_ name: String) -> JSONValue? { entries.last { $0.name == name && $0.result != nil }?.result }
    func called(_ name: String) -> Bool { entries.contains { $0.name == name } }
}
