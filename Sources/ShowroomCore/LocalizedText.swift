/// A customer-visible string in both languages the stores serve.
///
/// Every customer-facing text (labels, reasons, assumptions, disclaimers) exists in Chinese
/// and English; callers pick one with `text(_:)` for the conversation's language.
public struct LocalizedText: Sendable, Hashable, Codable {
    public var zh: String
    public var en: String

    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    /// The text in a language.
    public func text(_ language: Language) -> String { language == .zh ? zh : en }

    /// JSON shape `{"zh": ..., "en": ...}`.
    public var json: JSONValue { ["zh": .string(zh), "en": .string(en)] }
}
