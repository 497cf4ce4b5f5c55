/// The language of a customer's turn: Chinese when the text contains a CJK character, else
/// English. The reply follows the text, not the browser locale, so a customer who switches
/// language mid-conversation is answered in the new one.
public enum LanguageDetector {
    public static func detect(_ text: String) -> Language {
        text.unicodeScalars.contains { NormalizedText.isCJK($0.value) } ? .zh : .en
    }

    /// As `detect`, but a text with no letters at all ("👍", "12345") keeps `fallback`.
    public static func detect(_ text: String, fallback: Language) -> Language {
        if text.unicodeScalars.contains(where: { NormalizedText.isCJK($0.value) }) { return .zh }
        return text.unicodeScalars.contains { $0.properties.isAlphabetic } ? .en : fallback
    }
}
