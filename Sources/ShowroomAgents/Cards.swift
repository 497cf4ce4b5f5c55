import Foundation
import ShowroomCore
import ShowroomData

/// Cards and suggested actions, derived in code from tool results (never written by a model).
enum Cards {
    static func from(_ outcomes: [ToolOutcome]) -> [JSONValue] {
        var cards: [JSONValue] = []
        var seen = Set<String>()
        func add(_ v: JSONValue?) {
            guard let v, let s = v["stock_number"]?.stringValue, !seen.contains(s) else { return }
            seen.insert(s)
            cards.append(v)
        }
        for o in outcomes {
            guard let r = o.result else { continue }
            switch o.name {
            case "search_inventory": r["vehicles"]?.arrayValue?.forEach(add)
            case "recommend": r["picks"]?.arrayValue?.forEach { add($0["vehicle"]) }
            case "get_vehicle":
                if let v = r["vehicle"] { add(v) } else { r["vehicles"]?.arrayValue?.prefix(3).forEach(add) }
            case "quote_price":
                var q: [String: JSONValue] = ["type": "quote", "lines": r["lines"] ?? [], "total": r["total"] ?? .null,
                                              "disclaimer": r["disclaimer"] ?? ""]
                if let s = r["stock_number"] { q["stock_number"] = s }
                cards.append(.object(q))
            default: break
            }
        }
        return cards
    }

    static func actions(intent: Intent, outcomes: [ToolOutcome], language: Language, store: Store) -> [JSONValue] {
        let zh = language == .zh
        let vehicles = from(outcomes).filter { $0["type"] == "vehicle" }
        var out: [JSONValue] = []
        if let first = vehicles.first?["stock_number"]?.stringValue {
            let booked = outcomes.contains { $0.name == "book_test_drive" && $0.ok }
            if !booked {
                out.append(["type": "book_test_drive", "label": .string(zh ? "预约试驾" : "Book a test drive"),
                            "value": .string(JSONValue.object(["stock_number": .string(first)]).jsonString())])
            }
            if !outcomes.contains(where: { $0.name == "quote_price" }) {
                out.append(["type": "reply", "label": .string(zh ? "落地价多少？" : "Out-the-door price?"),
                            "value": .string(zh ? "\(first) 落地价多少" : "What's the out-the-door price of \(first)?")])
            }
        }
        if outcomes.contains(where: { $0.name == "quote_price" && $0.ok }) {
            out.append(["type": "reply", "label": .string(zh ? "算算月供" : "Monthly payment?"),
                        "value": .string(zh ? "首付三成，分36期月供多少" : "What would the monthly payment be with 20% down over 60 months?")])
        }
        if intent == .testDrive && !outcomes.contains(where: { $0.name == "book_test_drive" && $0.ok }) && vehicles.isEmpty {
            out.append(["type": "book_test_drive", "label": .string(zh ? "预约试驾" : "Book a test drive"), "value": "{}"])
        }
        if intent == .humanHandoff || intent == .dealerInfo {
            out.append(["type": "call", "label": .string(zh ? "致电门店" : "Call the store"), "value": .string(store.phone)])
        }
        return out
    }

    /// Remembers the vehicles shown and the unit in focus for follow-ups.
    static func remember(_ outcomes: [ToolOutcome], into p: inout ConversationProfile) {
        let cards = from(outcomes).filter { $0["type"] == "vehicle" }
        let shown = cards.compactMap { $0["stock_number"]?.stringValue }
        if shown.count > 1 {
            p.lastVehicles = shown
            p.cheapestShown = cards.compactMap { $0["price"]?["amount"]?.doubleValue }.min().map { Int($0) }
        }
        if shown.count == 1 { p.focusStock = shown[0]; if p.lastVehicles.isEmpty { p.lastVehicles = shown } }
        for o in outcomes where o.ok {
            if let s = o.arguments["stock_number"]?.stringValue, ["quote_price", "estimate_payment", "book_test_drive", "get_vehicle"].contains(o.name) {
                p.focusStock = s
            }
        }
    }
}
