import Foundation
import ShowroomCore
import ShowroomData

/// What the widget says while staff have the conversation or the assistant is switched off.
enum StaffNotice {
    static func text(language: Language, store: Store, assistantOff: Bool) -> String {
        let zh = language == .zh
        if assistantOff {
            let quiet = store.settings["quiet_hours"]?.stringValue
            return zh ? "智能顾问暂时关闭" + (quiet.map { "（\($0)）" } ?? "") + "。请留下姓名和电话，工作人员会在营业时间回复您。"
                      : "Our assistant is offline right now" + (quiet.map { " (\($0))" } ?? "") + ". Leave your name and phone number and our team will reply during opening hours."
        }
        return zh ? "已收到，工作人员会在这里回复您。" : "Got it — a member of our team will reply here shortly."
    }

    static func actions(language: Language, store: Store) -> [JSONValue] {
        [["type": "call", "label": .string(language == .zh ? "致电门店" : "Call the store"), "value": .string(store.phone)]]
    }
}
