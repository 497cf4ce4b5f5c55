import ShowroomCore
import ShowroomLLM

/// A rough token count for prompts the scripted model receives, since no real tokenizer is
/// available offline: one token per CJK character, one per four other characters of each
/// string, one per number, plus four per message for the chat template. Real tokenizers
/// differ by model (BPE vocabularies of Qwen, Llama, DeepSeek); treat the result as an
/// estimate within about ±30 %, good for comparing prompts with each other.
public enum TokenEstimate {
    public static func count(_ text: String) -> Int { TokenUsage.count(text) }

    /// Tokens of a JSON value: its strings (and object keys) and numbers.
    public static func count(_ json: JSONValue) -> Int {
        switch json {
        case .string(let s): return count(s)
        case .number, .bool: return 1
        case .null: return 1
        case .array(let a): return a.reduce(0) { $0 + count($1) }
        case .object(let o): return o.reduce(0) { $0 + count($1.key) + count($1.value) }
        }
    }

    /// The prompt of an OpenAI chat completions request body: messages (with four tokens of
    /// template per message) and the offered tools' schemas.
    public static func prompt(_ body: JSONValue) -> Int {
        let messages = body["messages"]?.arrayValue ?? []
        return messages.reduce(0) { $0 + 4 + count($1) } + count(body["tools"] ?? .array([]))
    }
}
