import Foundation
import ShowroomCore

/// A failed tool call told to the customer in their language.
///
/// Tool errors are written for the model and for staff (English, with ids and ISO times); a
/// customer reading Chinese must not get "抱歉：That vehicle is no longer available". Known codes
/// get a customer-facing sentence in both languages, carrying over only the concrete times the
/// tool offered (opening window, free nearby slots); unknown codes keep the tool's message in
/// English and a generic sentence in Chinese.
enum ToolErrorText {
    static func customer(_ error: JSONValue?, language: Language) -> String {
        let zh = language == .zh
        let code = error?["code"]?.stringValue ?? ""
        let message = error?["message"]?.stringValue ?? ""
        switch code {
        case "vehicle_unavailable":
            return zh ? "这台车已经售出或被预订，暂时无法报价或试驾。需要我帮您找找类似的在售车吗？"
                      : "That car has been sold or is on hold, so I can't price it or book a test drive in it. Shall I find similar cars that are available?"
        case "unknown_vehicle":
            return zh ? "本店没有找到这台车，请核对库存编号，或告诉我您想要的车型。"
                      : "I couldn't find that car at this store. Please check the stock number, or tell me which model you're after."
        case "unknown_model":
            return zh ? "目录里没有找到这个车型，请换个说法，或告诉我品牌和车型。"
                      : "I couldn't find that model in our catalog. Could you tell me the make and model another way?"
        case "slot_in_past":
            return zh ? "这个时间已经过去了（试驾需至少提前 1 小时预约），请选择之后的时间。"
                      : "That time has already passed (test drives are booked at least an hour ahead). Please pick a later time."
        case "outside_store_hours":
            if let window = after("must start between ", in: message) {
                let times = window.components(separatedBy: " and ")
                if times.count == 2 {
                    return zh ? "这个时间不在门店营业时间内，当天试驾需在 \(times[0]) 到 \(times[1]) 之间开始，请换个时间。"
                              : "That time is outside our opening hours: a test drive that day must start between \(times[0]) and \(times[1]). Please pick another time."
                }
            }
            return zh ? "这个时间门店不营业，请换个时间。" : "The store is closed at that time. Please pick another time."
        case "slot_taken":
            let nearby = after("free nearby: ", in: message)
            if zh { return "这个时段已经约满了" + (nearby.map { "，附近可约：\($0)。" } ?? "，请换个时间。") }
            return "That time is already booked" + (nearby.map { "; free nearby: \($0)." } ?? ". Please pick another time.")
        case "consent_required":
            return zh ? "预约需要您同意门店与您联系，请在表单中勾选同意后再提交。"
                      : "To book, we need your consent to contact you. Please tick the consent box and send it again."
        default:
            return zh ? "抱歉，这一步没能完成，请换个说法或稍后再试。"
                      : "Sorry, I couldn't complete that" + (message.isEmpty ? ". Please try again." : ": \(message)")
        }
    }

    /// The text after `marker` up to the end (without a final period), or nil.
    static func after(_ marker: String, in text: String) -> String? {
        guard let r = text.range(of: marker) else { return nil }
        let rest = text[r.upperBound...].trimmingCharacters(in: .whitespaces)
        let trimmed = rest.hasSuffix(".") ? String(rest.dropLast()) : rest
        return trimmed.isEmpty ? nil : trimmed
    }
}
