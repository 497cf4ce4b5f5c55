import Foundation
import Logging

/// Masks personal data before it reaches a log line.
///
/// Log lines leave the dealership's control (log shippers, support tickets), so every string
/// that goes out through `JSONLogHandler` passes through here:
/// - e-mail addresses keep their first letter and the domain (`j***@example.com`);
/// - phone numbers (7 to 15 digits, with `+`, spaces, dashes, dots or parentheses) keep only
///   their last 4 digits (`***0100`);
/// - VINs (17 characters of the VIN alphabet with at least one letter and one digit) keep the
///   first 3 and last 4 characters (`LRW**********3456`);
/// - values under name metadata keys (`name`, `customer`, `customer_name`, ...) keep their first
///   character (`张***`);
/// - values under free-text keys (`text`, `message_text`, `note`, ...) are never written:
///   they become `[omitted N chars]`.
/// Masking errs on the side of hiding: a number that merely looks like a phone is masked too.
public enum PIIMasker {
    /// Metadata keys whose values are people's names.
    static let nameKeys: Set<String> = [
        "name", "customer", "customer_name", "contact", "contact_name", "lead_name", "full_name", "first_name", "last_name",
    ]
    /// Metadata keys whose values are a customer's free text: never logged.
    static let freeTextKeys: Set<String> = [
        "text", "message_text", "user_text", "customer_text", "body", "note", "content", "reply", "prompt", "transcript",
    ]

    /// Masks e-mails, phone numbers and VINs inside free-form text (a log message).
    public static func mask(_ text: String) -> String {
        guard text.contains(where: \.isNumber) || text.contains("@") else { return text }
        var out = replace(vinPattern, in: text, with: vinReplacement)
        out = replace(emailPattern, in: out) { maskEmail($0) }
        out = replace(phonePattern, in: out, with: phoneReplacement)
        return out
    }

    /// Masks one metadata value; `key` picks the rule (names, free text, phone, email, VIN),
    /// other strings get `mask(_:)`. Dictionaries and arrays are masked recursively.
    public static func mask(key: String, _ value: Logger.MetadataValue) -> Logger.MetadataValue {
        let k = key.lowercased()
        switch value {
        case .dictionary(let d):
            return .dictionary(mask(d))
        case .array(let a):
            return .array(a.map { mask(key: key, $0) })
        case .string(let s):
            return .string(mask(key: k, string: s))
        case .stringConvertible(let c):
            return .string(mask(key: k, string: c.description))
        }
    }

    /// Masks every value of a metadata dictionary by its key.
    public static func mask(_ metadata: Logger.Metadata) -> Logger.Metadata {
        metadata.reduce(into: [:]) { out, entry in out[entry.key] = mask(key: entry.key, entry.value) }
    }

    static func mask(key k: String, string s: String) -> String {
        if freeTextKeys.contains(k) { return "[omitted \(s.count) chars]" }
        if nameKeys.contains(k) { return maskName(s) }
        if k == "phone" || k.hasSuffix("_phone") { return maskPhone(s) }
        if k == "email" || k.hasSuffix("_email") { return s.contains("@") ? maskEmail(s) : "***" }
        if k == "vin" { return s.count == 17 ? maskVIN(s) : mask(s) }
        return mask(s)
    }

    /// `张三` → `张***`, `Alice Smith` → `A***`; empty stays empty.
    public static func maskName(_ name: String) -> String {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let first = trimmed.first else { return "" }
        return "\(first)***"
    }

    /// Keeps the last 4 digits: `+1 (415) 555-0100` → `***0100`; fewer than 5 digits → `***`.
    public static func maskPhone(_ phone: String) -> String {
        let digits = phone.filter(\.isASCIIDigit)
        guard digits.count > 4 else { return "***" }
        return "***" + digits.suffix(4)
    }

    /// Keeps the first letter of the local part and the domain: `jane.doe@example.com` → `j***@example.com`.
    public static func maskEmail(_ email: String) -> String {
        guard let at = email.lastIndex(of: "@") else { return "***" }
        let local = email[..<at], domain = email[email.index(after: at)...]
        return "\(local.first.map(String.init) ?? "")***@\(domain)"
    }

    /// Keeps the world manufacturer id (3) and the last 4 characters: 10 `*` in between.
    public static func maskVIN(_ vin: String) -> String {
        guard vin.count == 17 else { return "***" }
        return vin.prefix(3) + String(repeating: "*", count: 10) + vin.suffix(4)
    }

    // MARK: patterns

    static let emailPattern = try! NSRegularExpression(
        pattern: #"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"#)
    static let vinPattern = try! NSRegularExpression(
        pattern: #"(?<![A-Za-z0-9])[A-HJ-NPR-Z0-9]{17}(?![A-Za-z0-9])"#)
    /// A `+` or digit, then 6 to 14 more digits each after at most two separators; not inside a word.
    static let phonePattern = try! NSRegularExpression(
        pattern: #"(?<![\w+-])[+(]?\d(?:[ ().-]{0,2}\d){6,14}(?![\w-])"#)
    static let isoDate = try! NSRegularExpression(pattern: #"^\d{4}-\d{2}-\d{2}$"#)

    static func replace(_ pattern: NSRegularExpression, in text: String, with transform: (String) -> String?) -> String {
        let ns = text as NSString
        let matches = pattern.matches(in: text, range: NSRange(location: 0, length: ns.length))
        guard !matches.isEmpty else { return text }
        var out = ""
        var last = 0
        for m in matches {
            let found = ns.substring(with: m.range)
            guard let replacement = transform(found) else { continue }
            out += ns.substring(with: NSRange(location: last, length: m.range.location - last)) + replacement
            last = m.range.location + m.range.length
        }
        return out + ns.substring(from: last)
    }

    /// A VIN-alphabet run is a VIN only with letters and digits both (not a 17-digit number or a word).
    static func vinReplacement(_ candidate: String) -> String? {
        guard candidate.contains(where: \.isLetter), candidate.contains(where: \.isNumber) else { return nil }
        return maskVIN(candidate)
    }

    /// Phone-like digit runs, except ISO dates.
    static func phoneReplacement(_ candidate: String) -> String? {
        let ns = candidate as NSString
        if isoDate.firstMatch(in: candidate, range: NSRange(location: 0, length: ns.length)) != nil { return nil }
        return maskPhone(candidate)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
