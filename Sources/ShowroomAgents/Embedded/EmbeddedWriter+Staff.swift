import Foundation
import ShowroomCore

extension EmbeddedWriter {
    /// Replies to the staff assist chat's floor price and lead lookups, from their results only.
    static func staff(_ ask: StaffAsk, _ o: TurnOutcomes, _ zh: Bool) -> String {
        switch ask {
        case .floorPrice(let stock):
            guard let r = o.result("floor_price") else {
                if stock == nil { return zh ? "请告诉我库存编号，例如“SH24034 的底价”。" : "Which unit? Give me a stock number, e.g. “floor price for SH24034”." }
                return zh ? "底价和成本只对经理及以上角色的密钥开放。" : "Floor prices and costs need a manager (or admin) key."
            }
            let cur = r["currency"]?.stringValue
            let s = r["stock_number"]?.stringValue ?? ""
            var text = zh ? "\(s)：标价 \(money(r["list"], cur))，底价 \(money(r["floor"], cur))"
                          : "\(s): list \(money(r["list"], cur)), floor \(money(r["floor"], cur))"
            if let cost = r["cost"], cost != .null { text += zh ? "，成本 \(money(cost, cur))" : ", cost \(money(cost, cur))" }
            return text + (zh ? "。仅限内部使用，请勿告知客户。" : ". Internal only: not for customers.")
        case .leads:
            guard let r = o.result("find_leads") else {
                return zh ? "这个密钥不能查询线索。" : "This key cannot look up leads."
            }
            let leads = r["leads"]?.arrayValue ?? []
            guard !leads.isEmpty else { return zh ? "没有找到符合的线索。" : "No matching leads." }
            var text = zh ? "找到 \(leads.count) 条线索：" : "\(leads.count) lead\(leads.count == 1 ? "" : "s"):"
            for (i, l) in leads.enumerated() {
                let contact = [l["phone"]?.stringValue, l["email"]?.stringValue].compactMap { $0 }.joined(separator: ", ")
                var line = "\n\(i + 1). \(l["name"]?.stringValue ?? "")" + (contact.isEmpty ? "" : " (\(contact))")
                line += zh ? "，状态 \(l["status"]?.stringValue ?? "")" : ", \(l["status"]?.stringValue ?? "")"
                if let s = l["stock_number"]?.stringValue { line += zh ? "，车辆 \(s)" : ", \(s)" }
                if let d = l["created_at"]?.stringValue { line += zh ? "，\(d.prefix(10)) 创建" : ", since \(d.prefix(10))" }
                text += line
            }
            return text
        }
    }
}
