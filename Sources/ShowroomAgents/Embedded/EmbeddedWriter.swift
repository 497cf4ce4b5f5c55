import Foundation
import ShowroomCore

/// Writes grounded replies in the customer's language from tool results only.
///
/// Every figure it writes is read from a tool result of this turn; when a result is
/// missing it asks for what is needed instead of guessing. Where the turn's results become
/// cards (vehicles, the quote: `Cards`), the text is a short summary with a next step and the
/// cards carry the detail (`EmbeddedWriter+Cards.swift`); results without cards (payments,
/// trade-ins, comparisons, store details) are written out in full.
enum EmbeddedWriter {
    static func reply(_ p: PlanContext, _ o: TurnOutcomes) -> String {
        let zh = p.language == .zh
        if let failed = o.entries.last(where: { $0.error != nil }), o.entries.allSatisfy({ $0.result == nil }) {
            return ToolErrorText.customer(failed.error, language: p.language)
        }
        if let ask = p.staffAsk { return staff(ask, o, zh) }
        switch p.intent {
        case .greeting:
            return zh ? "您好！我是展厅的智能顾问，可以帮您查库存、对比车型、算落地价和月供、估旧车置换，或预约试驾。想看什么车？"
                      : "Hi! I'm the showroom assistant. I can search our inventory, compare models, work out out-the-door prices and monthly payments, estimate your trade-in, or book a test drive. What are you looking for?"
        case .outOfScope:
            return zh ? "抱歉，这个我帮不上忙。我只能回答本店购车相关的问题：库存、车型、价格、金融、置换和试驾。"
                      : "Sorry, I can't help with that. I can only help with buying a car here: inventory, models, prices, financing, trade-ins and test drives."
        case .vehicleSearch:
            return search(o.result("search_inventory"), p) ?? askVehicle(zh)
        case .vehicleDetails:
            if let r = o.result("get_vehicle") { return details(r, p) }
            return search(o.result("search_inventory"), p) ?? askVehicle(zh)
        case .compare:
            if let r = o.result("compare_models") { return compare(r, zh) }
            return zh ? "请告诉我想对比的两到四款车型，例如“Model Y 和小米YU7 对比”。" : "Which two to four models would you like to compare? For example “Model Y vs Xiaomi YU7”."
        case .recommendation:
            if let r = o.result("recommend") { return recommend(r, p) }
            return zh ? "为了推荐合适的车，请告诉我预算、几口人用车，以及家里能否充电。" : "To recommend the right car, tell me your budget, how many seats you need, and whether you can charge at home."
        case .priceQuote:
            if let r = o.result("quote_price") { return quote(r, zh) }
            if let s = o.result("search_inventory"), (s["total"]?.intValue ?? 0) == 0 || s["unknown_model"] != nil {
                return search(s, p) ?? askVehicle(zh)
            }
            return zh ? "请问您想了解哪一台车的落地价？告诉我库存编号，或先让我帮您找车。" : "Which vehicle would you like an out-the-door price for? Give me a stock number, or let me find one for you first."
        case .financing:
            if let r = o.result("estimate_payment") { return payment(r, zh) }
            return zh ? "请告诉我想贷款的车（库存编号）或车价，以及首付比例和期数，我来算月供。" : "Tell me the vehicle (stock number) or the price, plus your down payment and term, and I'll estimate the monthly payment."
        case .tradeIn:
            if let r = o.result("appraise_trade_in") { return tradeIn(r, zh) }
            return zh ? "请告诉我旧车的品牌、车型、年份和行驶里程，我来估个价格区间。" : "Tell me your current car's make, model, year and mileage and I'll estimate a trade-in range."
        case .testDrive:
            if let r = o.result("book_test_drive") { return booked(r, zh) }
            return zh ? "好的，预约试驾需要：车辆（库存编号）、您的姓名、电话、时间，并同意我们联系您。点下方“预约试驾”填写即可。"
                      : "Happy to set up a test drive. I need the vehicle (stock number), your name, phone, a time, and your consent to be contacted. Tap “Book a test drive” below to fill it in."
        case .humanHandoff:
            if o.result("create_lead") != nil {
                return zh ? "已为您转接人工，销售顾问会尽快通过您留下的联系方式与您联系。" : "I've passed you to our team; a sales consultant will contact you shortly using the details you gave."
            }
            return zh ? "好的，正在为您转接人工客服。工作人员会在这里回复您；也可以留下姓名和电话，我们回电给您。"
                      : "Sure, I'm connecting you with a member of our team. They'll reply here; you can also leave your name and phone number and we'll call you back."
        case .dealerInfo:
            if let r = o.result("dealer_info") { return dealer(r, zh) }
            return zh ? "抱歉，暂时查不到门店信息。" : "Sorry, I can't look up the store details right now."
        }
    }

    static func askVehicle(_ zh: Bool) -> String {
        zh ? "请告诉我您想找的车型、预算或用途，我来帮您查库存。" : "Tell me the model, budget or use you have in mind and I'll check our inventory."
    }

    static func money(_ v: JSONValue?, _ currency: String?) -> String {
        guard let v else { return "" }
        if let obj = v.objectValue, let a = obj["amount"]?.doubleValue {
            return Money(amount: a, currency: Currency(rawValue: obj["currency"]?.stringValue ?? "") ?? .USD)?.formatted ?? ""
        }
        guard let a = v.doubleValue else { return "" }
        return Money(amount: a, currency: Currency(rawValue: currency ?? "") ?? .USD)?.formatted ?? ""
    }

    /// A count with thousands separators, e.g. 1,000 (not locale dependent).
    static func grouped(_ n: Int) -> String {
        var digits = Array(String(n.magnitude)), out = ""
        while digits.count > 3 { out = "," + String(digits.suffix(3)) + out; digits.removeLast(3) }
        return (n < 0 ? "-" : "") + String(digits) + out
    }

    static func fmt(_ d: Double) -> String { d.rounded() == d ? String(Int(d)) : String(format: "%.1f", d) }

    static func compare(_ r: JSONValue, _ zh: Bool) -> String {
        let cols = r["columns"]?.arrayValue ?? []
        var text = zh ? "对比如下：" : "Side by side:"
        for c in cols {
            var facts: [String] = []
            if let m = c["msrp"] { facts.append((zh ? "指导价 " : "MSRP ") + money(m, nil)) }
            if let v = c["range_km"]?.intValue { facts.append(zh ? "续航\(v)公里" : "\(v) km range") }
            if let v = c["power_kw"]?.intValue { facts.append("\(v) kW") }
            if let v = c["seats"]?.intValue { facts.append(zh ? "\(v)座" : "\(v) seats") }
            text += "\n• \(c["make"]?.stringValue ?? "") \(c["model"]?.stringValue ?? "") \(c["trim"]?.stringValue ?? ""): " + facts.joined(separator: zh ? "，" : ", ")
        }
        return text
    }

    static func payment(_ r: JSONValue, _ zh: Bool) -> String {
        let cur = r["currency"]?.stringValue
        let monthly = money(r["monthly_payment"], cur)
        let term = r["term_months"]?.intValue.map(String.init) ?? ""
        var text = zh ? "估算月供 \(monthly)" + (term.isEmpty ? "" : "（\(term)期）") : "Estimated monthly payment: \(monthly)" + (term.isEmpty ? "" : " for \(term) months")
        if let f = r["amount_financed"] { text += zh ? "，贷款金额 \(money(f, cur))" : ", amount financed \(money(f, cur))" }
        if let i = r["total_interest"] { text += zh ? "，总利息 \(money(i, cur))" : ", total interest \(money(i, cur))" }
        if let apr = r["apr_pct"]?.doubleValue { text += zh ? "，年利率 \(apr)%" : ", APR \(apr)%" }
        if let d = r["due_at_signing"] { text += zh ? "，签约时应付 \(money(d, cur))" : ", due at signing \(money(d, cur))" }
        text += zh ? "。以上为估算，最终以金融机构审批为准。" : ". This is an estimate; final terms depend on lender approval."
        return text
    }

    static func tradeIn(_ r: JSONValue, _ zh: Bool) -> String {
        let cur = r["currency"]?.stringValue
        return zh ? "您的旧车估价区间：\(money(r["low"], cur)) – \(money(r["high"], cur))。这是初步估算，需到店检测后确定。"
                  : "Estimated trade-in range: \(money(r["low"], cur)) – \(money(r["high"], cur)). This is a preliminary estimate pending inspection."
    }

    static func booked(_ r: JSONValue, _ zh: Bool) -> String {
        if let c = (zh ? r["confirmation_zh"] : r["confirmation"])?.stringValue ?? r["confirmation"]?.stringValue { return c }
        let start = r["start"]?.stringValue ?? ""
        return zh ? "已为您预约试驾，时间：\(start)。我们会与您联系确认。" : "Your test drive is booked for \(start). We'll be in touch to confirm."
    }

    static func dealer(_ r: JSONValue, _ zh: Bool) -> String {
        let hours = r["hours"]?.objectValue ?? [:]
        let days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        let zhDays = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"]
        let enDays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        let h = days.enumerated().map { i, d in "\(zh ? zhDays[i] : enDays[i]) \(hours[d]?.stringValue ?? "")" }.joined(separator: zh ? "，" : ", ")
        let name = r["name"]?.stringValue ?? "", addr = r["address"]?.stringValue ?? "", phone = r["phone"]?.stringValue ?? ""
        return zh ? "\(name)\n地址：\(addr)\n电话：\(phone)\n营业时间：\(h)" : "\(name)\nAddress: \(addr)\nPhone: \(phone)\nHours: \(h)"
    }
}
