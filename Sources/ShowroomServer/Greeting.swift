import Foundation
import ShowroomAgents
import ShowroomCore
import ShowroomData

/// The first assistant message of a session, in the session's language. On a vehicle
/// page it talks about that car, with facts from the inventory record only; a car that is
/// sold, on hold or in transit is said to be so, with similar available cars instead of a
/// test-drive offer. While the assistant is silent (switched off or quiet hours at `now`) it
/// says so and when staff answer.
enum Greeting {
    /// - Parameters:
    ///   - welcome: false when the customer moves to another car's page in an existing conversation
    ///     (no second "welcome to the store").
    ///   - similar: available alternatives, shown only when `vehicle` is not available.
    static func message(store: Store, language: Language, vehicle: VehicleRecord?, similar: [VehicleRecord] = [],
                        welcome: Bool = true, now: Date = Date()) -> StoredMessage {
        let zh = language == .zh
        let schedule = store.assistantSchedule.status(at: now)
        if !schedule.assistantAnswers {
            let hi = welcome ? (zh ? "您好，欢迎来到\(store.displayName(language))！" : "Hi, welcome to \(store.displayName(language))! ") : ""
            return StoredMessage(role: "assistant", agent: "concierge",
                                 text: hi + StaffNotice.text(language: language, store: store, status: schedule, now: now),
                                 cards: .array(vehicle.map { [$0.card] } ?? []),
                                 actions: .array(StaffNotice.actions(language: language, store: store)))
        }
        let name = store.displayName(language)
        let hello = welcome ? (zh ? "您好，欢迎来到\(name)！" : "Hi, welcome to \(name)! ") : ""
        var text: String
        var cards: [JSONValue] = []
        var actions: [JSONValue] = []
        if let v = vehicle, v.status != .available {
            text = hello + unavailableText(v, language: language)
            if similar.isEmpty {
                text += zh ? "告诉我您的预算和需求，我帮您找找在售的车。" : " Tell me your budget and what you need, and I'll find cars that are in stock."
            } else {
                text += zh ? "这几台相近的车目前在售：" : " These similar cars are available now:"
            }
            cards = similar.map(\.card)
            let kind = v.bodyType.map { zh ? $0.localizedName.zh : $0.localizedName.en + "s" } ?? (zh ? "车" : "cars")
            actions = [
                ["type": "reply", "label": .string(zh ? "看看类似的在售车" : "Show similar cars"),
                 "value": .string(zh ? "有哪些在售的\(kind)？" : "Which \(kind) do you have in stock?")],
                ["type": "call", "label": .string(zh ? "致电门店" : "Call the store"), "value": .string(store.phone)],
            ]
        } else if let v = vehicle {
            text = hello + (zh ? "您正在看的是 \(v.title(.zh))，售价 \(v.price.formatted)"
                               : "You're looking at the \(v.title(.en)), priced at \(v.price.formatted)")
            if let r = v.rangeKm {
                let range = DistanceUnit(currency: v.price.currency).text(km: r)
                text += zh ? "，续航 \(range.zh)" : ", with \(range.en) of range"
            }
            text += zh ? "。想了解落地价、月供，还是预约试驾？" : ". Would you like the out-the-door price, a monthly payment, or a test drive?"
            cards = [v.card]
            actions = [
                ["type": "reply", "label": .string(zh ? "落地价多少？" : "Out-the-door price?"),
                 "value": .string(zh ? "\(v.stockNumber) 落地价多少" : "What's the out-the-door price of \(v.stockNumber)?")],
                ["type": "book_test_drive", "label": .string(zh ? "预约试驾" : "Book a test drive"),
                 "value": .string(JSONValue.object(["stock_number": .string(v.stockNumber)]).jsonString())],
            ]
        } else {
            text = zh ? "您好，欢迎来到\(name)！我可以帮您查库存、对比车型、算落地价和月供、估旧车置换，或预约试驾。"
                      : "Hi, welcome to \(name)! I can search our inventory, compare models, work out out-the-door prices and payments, value your trade-in, or book a test drive."
            actions = zh
                ? [["type": "reply", "label": "20万以内的纯电SUV", "value": "20万以内的纯电SUV有哪些"],
                   ["type": "reply", "label": "营业时间", "value": "你们几点关门？"]]
                : [["type": "reply", "label": "Electric SUVs under $50k", "value": "electric SUV under $50k"],
                   ["type": "reply", "label": "Opening hours", "value": "What are your hours?"]]
        }
        return StoredMessage(role: "assistant", agent: "concierge", text: text, cards: .array(cards), actions: .array(actions))
    }

    /// "您正在看的 2024 比亚迪宋L … 已售出。" — what the page's car is, and why it cannot be offered.
    static func unavailableText(_ v: VehicleRecord, language: Language) -> String {
        let zh = language == .zh
        switch v.status {
        case .sold: return zh ? "您正在看的 \(v.title(.zh)) 已售出。" : "The \(v.title(.en)) you're looking at has been sold."
        case .hold: return zh ? "您正在看的 \(v.title(.zh)) 已被其他客户预订。" : "The \(v.title(.en)) you're looking at is on hold for another customer."
        case .inTransit: return zh ? "您正在看的 \(v.title(.zh)) 还在运输途中，暂时无法看车试驾。"
                                   : "The \(v.title(.en)) you're looking at is still in transit, so it can't be seen or test-driven yet."
        case .available: return ""
        }
    }

    /// Up to `limit` available units like `v` (same body type, preferring the same powertrain,
    /// priced within ±30 %), cheapest first; empty without a car or when it is available itself.
    static func similar(to vehicle: VehicleRecord?, db: Database, limit: Int = 3) async throws -> [VehicleRecord] {
        guard let v = vehicle, v.status != .available else { return [] }
        var f = InventoryFilter(storeID: v.storeID)
        f.bodyType = v.bodyType
        f.powertrain = v.powertrain
        f.priceMin = (v.price.amount * 0.7).rounded(.down)
        f.priceMax = (v.price.amount * 1.3).rounded(.up)
        let repo = InventoryRepository(db: db)
        var found = try await repo.search(f, limit: limit).vehicles
        if found.isEmpty, f.powertrain != nil {
            f.powertrain = nil
            found = try await repo.search(f, limit: limit).vehicles
        }
        return found.filter { $0.stockNumber != v.stockNumber }
    }
}
