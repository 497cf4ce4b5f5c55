import Foundation
import ShowroomAgents
import ShowroomCore
import ShowroomData

/// The first assistant message of a session, in the session's language. On a vehicle
/// page it talks about that car, with facts from the inventory record only. While the
/// assistant is silent (switched off or quiet hours at `now`) it says so and when staff answer.
enum Greeting {
    static func message(store: Store, language: Language, vehicle: VehicleRecord?, now: Date = Date()) -> StoredMessage {
        let zh = language == .zh
        let schedule = store.assistantSchedule.status(at: now)
        if !schedule.assistantAnswers {
            let welcome = zh ? "您好，欢迎来到\(store.displayName(language))！" : "Hi, welcome to \(store.displayName(language))! "
            return StoredMessage(role: "assistant", agent: "concierge",
                                 text: welcome + StaffNotice.text(language: language, store: store, status: schedule, now: now),
                                 cards: .array(vehicle.map { [$0.card] } ?? []),
                                 actions: .array(StaffNotice.actions(language: language, store: store)))
        }
        let name = store.displayName(language)
        var text: String
        var cards: [JSONValue] = []
        var actions: [JSONValue] = []
        if let v = vehicle {
            text = zh ? "您好，欢迎来到\(name)！您正在看的是 \(v.title(.zh))，售价 \(v.price.formatted)"
                      : "Hi, welcome to \(name)! You're looking at the \(v.title(.en)), priced at \(v.price.formatted)"
            if let r = v.rangeKm { text += zh ? "，续航 \(r) 公里" : ", with \(r) km of range" }
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
}
