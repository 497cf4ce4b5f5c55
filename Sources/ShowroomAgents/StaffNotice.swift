import Foundation
import ShowroomCore
import ShowroomData

/// What the widget says while customers wait for staff: staff have the conversation, it waits
/// for them, or the assistant is switched off or in quiet hours. It says when staff will answer
/// (now, or the store's next opening in its local time) and, while the assistant is silent,
/// asks for the contact details a lead needs, or confirms the lead it captured.
public enum StaffNotice {
    /// The notice in the customer's language.
    /// - Parameters:
    ///   - status: the assistant's schedule at `now` (`Store.assistantSchedule`).
    ///   - captured: the customer's name when a lead was captured from their details.
    public static func text(language: Language, store: Store, status: AssistantSchedule.Status, now: Date,
                            captured: String? = nil) -> String {
        let zh = language == .zh
        let staff = status.staffFrom.map { when($0, now: now, zone: store.timeZone, zh: zh) }
        var parts: [String] = []
        if let name = captured {
            parts.append(zh ? "谢谢\(name)，已记下您的联系方式。" : "Thanks, \(name) — we have your details.")
        }
        if !status.assistantAnswers {
            if let q = status.quiet, let back = status.assistantBack {
                let b = when(back, now: now, zone: store.timeZone, zh: zh)
                parts.append(zh ? "智能顾问在静默时段（\(q.text)）暂停，\(b)恢复。" : "Our assistant is paused for quiet hours (\(q.text)) and is back \(b).")
            } else {
                parts.append(zh ? "智能顾问暂时关闭。" : "Our assistant is switched off right now.")
            }
        }
        if captured != nil {
            parts.append(staff.map { zh ? "工作人员会在\($0)联系您。" : "Our team will contact you \($0)." }
                         ?? (zh ? "工作人员会尽快联系您。" : "Our team will contact you shortly."))
        } else {
            parts.append(staff.map { zh ? "门店现在休息，工作人员会在\($0)在这里回复您。" : "The store is closed now; our team will reply here \($0)." }
                         ?? (zh ? "已收到，工作人员会在这里回复您。" : "Got it — a member of our team will reply here shortly."))
            if !status.assistantAnswers {
                parts.append(zh ? "如需回电，请留下姓名和电话（或邮箱），并说明同意我们联系您。"
                                : "To be called back, leave your name and phone number (or email) and say you agree to be contacted.")
            }
        }
        return parts.joined(separator: zh ? "" : " ")
    }

    /// The widget's "call the store" button.
    public static func actions(language: Language, store: Store) -> [JSONValue] {
        [["type": "call", "label": .string(language == .zh ? "致电门店" : "Call the store"), "value": .string(store.phone)]]
    }

    /// `today at 09:00`, `tomorrow at 09:00`, `Monday at 09:00` (zh `今天09:00`, `明天09:00`, `周一09:00`), store-local.
    static func when(_ date: Date, now: Date, zone: TimeZone, zh: Bool) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let clock = StoreHours.clock(calendar.component(.hour, from: date) * 60 + calendar.component(.minute, from: date))
        let days = calendar.dateComponents([.day], from: calendar.startOfDay(for: now), to: calendar.startOfDay(for: date)).day ?? 0
        let weekday = calendar.component(.weekday, from: date) - 1
        switch days {
        case 0: return zh ? "今天\(clock)" : "today at \(clock)"
        case 1: return zh ? "明天\(clock)" : "tomorrow at \(clock)"
        default:
            return zh ? ["周日", "周一", "周二", "周三", "周四", "周五", "周六"][weekday] + clock
                      : StoreHours.dayNames[weekday] + " at \(clock)"
        }
    }
}
