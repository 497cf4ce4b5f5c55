import Foundation
import ShowroomCore

/// Small facts the runner reads from a customer's text in code (never in a prompt):
/// contact details, consent, ordinals ("the second one", 第二辆), lease, trade-in year and mileage.
enum TextFacts {
    static func phone(_ t: String) -> String? {
        let pattern = #"(\+?\d[\d\- ]{6,16}\d)"#
        guard let r = t.range(of: pattern, options: .regularExpression) else { return nil }
        let digits = t[r].filter { $0.isNumber || $0 == "+" }
        return digits.count >= 7 ? String(digits) : nil
    }

    static func email(_ t: String) -> String? {
        guard let r = t.range(of: #"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"#, options: .regularExpression) else { return nil }
        return String(t[r])
    }

    static func name(_ t: String) -> String? {
        for p in [#"(?:my name is|i am|i'm|name:?)\s+([A-Z][a-zA-Z]+(?:\s+[A-Z][a-zA-Z]+)?)"#, #"(?:我叫|我是|姓名[:：]?\s*)([\p{Han}]{2,4})"#] {
            if let r = t.range(of: p, options: [.regularExpression, .caseInsensitive]) {
                let m = String(t[r])
                let cleaned = m.replacingOccurrences(of: #"^(?i)(my name is|i am|i'm|name:?|我叫|我是|姓名[:：]?)\s*"#, with: "", options: .regularExpression)
                if !cleaned.isEmpty { return cleaned.trimmingCharacters(in: .whitespaces) }
            }
        }
        return nil
    }

    static func consent(_ t: String) -> Bool {
        let l = t.lowercased()
        return ["i consent", "you may contact", "you can contact", "ok to contact", "agree to be contacted", "同意联系", "同意你们联系", "可以联系我", "同意"].contains { l.contains($0) }
    }

    static func ordinal(_ t: String) -> Int? {
        let l = t.lowercased()
        let table: [(String, Int)] = [("first", 1), ("1st", 1), ("第一", 1), ("头一", 1), ("second", 2), ("2nd", 2), ("第二", 2),
                                      ("third", 3), ("3rd", 3), ("第三", 3), ("fourth", 4), ("第四", 4), ("fifth", 5), ("第五", 5),
                                      ("last one", -1), ("最后", -1)]
        return table.first { l.contains($0.0) }?.1
    }

    static func lease(_ t: String) -> Bool {
        let l = t.lowercased()
        return l.contains("lease") || l.contains("租赁") || l.contains("融资租")
    }

    static func year(_ t: String) -> Int? {
        guard let r = t.range(of: #"(19[89]\d|20[0-3]\d)"#, options: .regularExpression) else { return nil }
        return Int(t[r])
    }
}
