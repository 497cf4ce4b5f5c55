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
