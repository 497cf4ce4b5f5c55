import ShowroomCore

/// Token counts reported by a backend (zero when it reports none).
public struct TokenUsage: Sendable, Hashable, Codable {
    /// Tokens of the prompt (messages and tool definitions), as the server counted them.
    public var promptTokens: Int
    /// Tokens the model generated.
    public var completionTokens: Int

    public init(promptTokens: Int = 0, completionTokens: Int = 0) {
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
    }

    public static func + (a: TokenUsage, b: TokenUsage) -> TokenUsage {
        .init(promptTokens: a.promptTokens + b.promptTokens, completionTokens: a.completionTokens + b.completionTokens)
    }
}

extension TokenUsage {
    /// An estimate for a reply whose server reported no usage (llama-cpp-python's server sends
    /// none in streams even when asked with `stream_options.include_usage`): one token per CJK
    /// character and one per four other characters, over the messages, tool definitions and the
    /// reply. Used only when the server's own count is missing; BENCHMARKS.md says which figures
    /// are estimates.
    public static func estimate(_ request: ChatRequest, reply: ChatResponse) -> TokenUsage {
        var prompt = 0
        for m in request.messages {
            prompt += 4 + count(m.content ?? "")
            for c in m.toolCalls { prompt += count(c.name) + count(c.arguments) }
        }
        for t in request.tools { prompt += count(t.name) + count(t.description) + count(t.parameters.jsonString()) }
        var completion = count(reply.content ?? "")
        for c in reply.toolCalls { completion += count(c.name) + count(c.arguments) }
        return TokenUsage(promptTokens: prompt, completionTokens: max(completion, 1))
    }

    /// Estimated tokens of `text`: one per CJK character (ideographs, kana, full-width forms),
    /// one per four other characters. Real tokenizers differ by model; within about ±30 %.
    public static func count(_ text: String) -> Int {
        var cjk = 0, other = 0
        for u in text.unicodeScalars {
            if (0x2E80...0x9FFF).contains(u.value) || (0xF900...0xFAFF).contains(u.value) || (0xFF00...0xFFEF).contains(u.value) {
                cjk += 1
            } else {
                other += 1
            }
        }
        return cjk + (other + 3) / 4
    }
}
