import Foundation
import ShowroomCore

/// A staff-only request in a staff assist message, read in code: a unit's floor price and
/// margin, or a lead lookup. The runner reads it only for the staff assist chat (scope
/// `.staff`), so a customer's words never plan a staff tool.
public enum StaffAsk: Sendable, Codable, Hashable {
    /// `floor_price` for a stock number (nil: the unit in focus or last shown).
    case floorPrice(stock: String?)
    /// `find_leads` by a name, phone or email fragment and a status.
    case leads(query: String?, status: String?)

    /// The tool that answers it.
    public var tool: String {
        switch self {
        case .floorPrice: "floor_price"
        case .leads: "find_leads"
        }
    }

    /// The request in a staff message, if any; `stock` is a stock number the router found.
    public static func parse(_ text: String, stock: String?) -> StaffAsk? {
        let lower = text.lowercased()
        let floorWords = ["floor", "margin", "our cost", "dealer cost", "unit cost", "底价", "成本", "利润", "毛利"]
        if floorWords.contains(where: lower.contains) {
            return .floorPrice(stock: stock ?? first(#"\b[A-Za-z]{2,4}[0-9]{3,6}\b"#, in: text).map { $0.uppercased() })
        }
        let leadWords = ["lead", "线索", "潜客"]
        guard leadWords.contains(where: lower.contains) else { return nil }
        return .leads(query: leadQuery(text), status: leadStatus(lower))
    }

    /// A name, phone or email fragment to look leads up by.
    static func leadQuery(_ text: String) -> String? {
        if let phone = TextFacts.phone(text) { return phone }
        if let email = TextFacts.email(text) { return email.lowercased() }
        let patterns = [
            #"([\p{Han}])(?:先生|女士|小姐|老师)"#,                            // 王先生 → 王 (the surname)
            #"(?:查一下|查查|找一下|找找|查|找)([\p{Han}]{2,4}?)的"#,            // 查一下王小明的线索
            #"(?i:leads?\s+(?:for|of|from|named|called|by))\s+([A-Za-z][A-Za-z'-]*(?:\s+[A-Z][A-Za-z'-]*)?)"#,
            #"([A-Z][A-Za-z'-]+(?:\s+[A-Z][A-Za-z'-]+)?)'s\s+leads?"#,
        ]
        for p in patterns {
            if let name = first(p, in: text, group: 1), !name.isEmpty { return name }
        }
        return nil
    }

    static func leadStatus(_ lower: String) -> String? {
        let words: [(String, [String])] = [
            ("new", ["new lead", "新线索", "未跟进"]), ("contacted", ["contacted", "已联系"]),
            ("qualified", ["qualified", "有意向"]), ("won", ["won", "成交"]), ("lost", ["lost", "流失"]),
        ]
        return words.first { $0.1.contains(where: lower.contains) }?.0
    }

    /// The first match of a pattern (or of one of its groups).
    static func first(_ pattern: String, in text: String, group: Int = 0) -> String? {
        guard let re = try? NSRegularExpression(pattern: pattern),
              let m = re.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
              let r = Range(m.range(at: group), in: text) else { return nil }
        return String(text[r]).trimmingCharacters(in: .whitespaces)
    }
}
