import Foundation
import ShowroomCore

/// Replies for results that reach the customer as cards (`Cards.from`): vehicles of a search,
/// a recommendation or a unit's details, and the itemized quote.
///
/// Every surface that runs a turn shows its cards after the text — the widget (JSON and SSE),
/// the staff assist answer and transcripts (the cards are in the same message), and
/// `showroom chat` (which prints them) — so the text does not list them again: it is one or
/// two sentences with the key facts (how many matched and the cheapest shown, what was relaxed
/// or is not carried; the quote's total and that it is an estimate, not an offer) and a next
/// step. What no card holds stays in the text: a recommendation's reasons, a model's specs.
/// Every amount is copied from a tool result.
extension EmbeddedWriter {
    /// "2025 BYD Seal 650km" / "2025 比亚迪海豹 650km" of a vehicle card; without the year next to
    /// a price or "cheapest" (`withYear: false`), where the reply guard would read it as an amount.
    static func title(_ v: JSONValue, zh: Bool, withYear: Bool = true) -> String {
        VehicleName.title(year: withYear ? v["year"]?.intValue : nil, make: v["make"]?.stringValue ?? "", model: v["model"]?.stringValue ?? "",
                          makeZh: v["make_zh"]?.stringValue, modelZh: v["model_zh"]?.stringValue,
                          trim: v["trim"]?.stringValue, language: zh ? .zh : .en)
    }

    // MARK: search

    static func search(_ r: JSONValue?, _ p: PlanContext) -> String? {
        guard let r else { return nil }
        let zh = p.language == .zh
        let vehicles = r["vehicles"]?.arrayValue ?? []
        let total = r["total"]?.intValue ?? vehicles.count
        let unknown = r["unknown_model"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        var relaxed = r["relaxed"]?.arrayValue?.compactMap(\.stringValue) ?? []
        guard !vehicles.isEmpty else {
            if let unknown {
                return zh ? "抱歉，我们目前没有 \(unknown)，店里也暂时没有相近的在库车。可以换个车型或预算再看看。"
                          : "Sorry, we don't have the \(unknown), and nothing similar is in stock right now. Try another model or budget."
            }
            return zh ? "抱歉，目前库存里没有符合条件的车。可以放宽预算或换个车型再看看。" : "Sorry, nothing in stock matches that. Try a wider budget or another model."
        }
        var sentences: [String] = []
        let close = unknown != nil || !relaxed.isEmpty
        if let unknown {
            let makeKept = !relaxed.contains("make")
            relaxed.removeAll { $0 == "model" || $0 == "make" }
            sentences.append(notCarried(unknown, vehicles: vehicles, more: total > vehicles.count, makeKept: makeKept,
                                        alsoRelaxed: makeKept ? [] : relaxed, p))
            if !makeKept { relaxed = [] }  // said with the make
        }
        if !relaxed.isEmpty {
            let names = list(relaxed.map { label($0, zh) }, zh)
            sentences.append(zh ? "没有完全符合的车，我放宽了条件（\(names)）。" : "Nothing matched exactly, so I relaxed \(names).")
        }
        sentences.append(found(total: total, atLeast: r["total_is_lower_bound"]?.boolValue == true, vehicles, close: close, zh))
        let budgetKnown = p.slots.priceMax != nil || p.slots.priceMin != nil
        switch (zh, budgetKnown) {
        case (true, false): sentences.append("告诉我您的预算，我帮您缩小范围；也可以直接在卡片上预约试驾。")
        case (true, true): sentences.append("想了解哪一台的详情、落地价，或者预约试驾？")
        case (false, false): sentences.append("Tell me your budget and I'll narrow it down, or book a test drive from any card.")
        case (false, true): sentences.append("Want details, an out-the-door price or a test drive for any of them?")
        }
        return sentences.joined(separator: zh ? "" : " ")
    }

    /// How many matched and the cheapest of the cards shown.
    static func found(total: Int, atLeast: Bool, _ vehicles: [JSONValue], close: Bool, _ zh: Bool) -> String {
        let cheapest = vehicles.min { ($0["price"]?["amount"]?.doubleValue ?? .infinity) < ($1["price"]?["amount"]?.doubleValue ?? .infinity) }
        let name = cheapest.map { title($0, zh: zh, withYear: false) } ?? ""
        let price = money(cheapest?["price"], nil)
        let n = vehicles.count
        if zh {
            let what = close ? "相近的车" : "符合条件的车"
            // A capped count (`total_is_lower_bound`) means "more than total", never exactly total.
            let count = atLeast ? "为您找到超过\(total)台\(what)" : "为您找到 \(total) 台\(what)"
            if total > n || atLeast { return count + "，下方先列出 \(n) 台，其中最实惠的是\(name)，\(price)。" }
            if n == 1 { return count + "：\(name)，\(price)，详见下方卡片。" }
            return count + "，详见下方卡片，其中最实惠的是\(name)，\(price)。"
        }
        func noun(_ k: Int) -> String { close ? (k == 1 ? "close match" : "close matches") : (k == 1 ? "matching vehicle" : "matching vehicles") }
        let count = atLeast ? "I found \(grouped(total))+ \(noun(2))" : "I found \(grouped(total)) \(noun(total))"
        if total > n || atLeast { return count + "; the first \(n) are below, the cheapest of them the \(name) at \(price)." }
        if n == 1 { return count + ", shown below: the \(name) at \(price)." }
        return count + ", shown below; the cheapest is the \(name) at \(price)."
    }

    /// "We don't have a Supra; the Toyota models in stock: Camry, RAV4." — the make's models are
    /// read from the cards (so only what is in stock is named).
    /// When the make was dropped too, `alsoRelaxed` are the other constraints the search dropped:
    /// with none, no car of the make is in stock; with some, none fits the rest of the request.
    static func notCarried(_ asked: String, vehicles: [JSONValue], more: Bool, makeKept: Bool, alsoRelaxed: [String],
                           _ p: PlanContext) -> String {
        let zh = p.language == .zh
        let make = p.slots.make ?? vehicles.first?["make"]?.stringValue ?? ""
        let sameMake = vehicles.filter { $0["make"]?.stringValue == make }
        let makeName = zh ? (sameMake.first?["make_zh"]?.stringValue ?? make) : make
        guard makeKept, !sameMake.isEmpty else {
            if alsoRelaxed.isEmpty {
                return zh ? "我们目前没有 \(asked)，店里也暂时没有\(makeName)的在库车，下方是相近的车。"
                          : "We don't have the \(asked), and no \(makeName) is in stock right now; the cars below are the closest."
            }
            let names = list(alsoRelaxed.map { label($0, zh) }, zh)
            return zh ? "我们目前没有 \(asked)，也没有符合您其他条件的\(makeName)在库车；下方是放宽了\(names)后相近的车。"
                      : "We don't have the \(asked), and no \(makeName) in stock fits the rest of your request; the cars below are the closest with \(names) relaxed."
        }
        var models: [String] = []
        for v in sameMake {
            let m = (zh ? v["model_zh"]?.stringValue : nil) ?? v["model"]?.stringValue ?? ""
            if !m.isEmpty, !models.contains(m) { models.append(m) }
        }
        if zh { return "我们目前没有 \(asked)，店里现有的\(makeName)车型有\(list(models, zh))\(more ? "等" : "")。" }
        return "We don't have the \(asked); the \(makeName) models we have in stock\(more ? " include" : " are") \(list(models, zh))."
    }

    /// "a、b、c" / "a, b and c".
    static func list(_ items: [String], _ zh: Bool) -> String {
        if zh || items.count < 2 { return items.joined(separator: "、") }
        return items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
    }

    static func label(_ constraint: String, _ zh: Bool) -> String {
        let zhNames = ["color": "颜色", "year_min": "年份", "mileage_max_km": "里程", "drivetrain": "驱动方式", "range_min_km": "续航",
                       "condition": "新旧", "price_min": "最低价", "seats_min": "座位数", "price_max": "预算", "model": "车型",
                       "body_type": "车身类型", "powertrain": "动力类型", "make": "品牌"]
        let enNames = ["color": "the colour", "year_min": "the year", "mileage_max_km": "the mileage", "drivetrain": "the drivetrain",
                       "range_min_km": "the range", "condition": "new/used", "price_min": "the minimum price", "seats_min": "the seat count",
                       "price_max": "the budget", "model": "the model", "body_type": "the body type", "powertrain": "the powertrain", "make": "the make"]
        return (zh ? zhNames[constraint] : enNames[constraint]) ?? constraint
    }

    // MARK: details and recommendations

    /// A model's or unit's specs (no card holds them); the unit itself is on its card.
    static func details(_ r: JSONValue, _ p: PlanContext) -> String {
        let zh = p.language == .zh
        var lines: [String] = []
        let spec = r["specs"] ?? r["trims"]?.arrayValue?.first
        if let s = spec {
            let name = "\(s["make"]?.stringValue ?? "") \(s["model"]?.stringValue ?? "") \(s["trim"]?.stringValue ?? "")"
            var facts: [String] = []
            if let v = s["range_km"]?.intValue { facts.append(zh ? "续航 \(v) 公里" : "range \(v) km" + (s["range_mi"]?.intValue.map { " (\($0) mi)" } ?? "")) }
            if let v = s["fuel_l_100km"]?.doubleValue { facts.append(zh ? "油耗 \(fmt(v)) L/100km" : "fuel \(fmt(v)) L/100 km" + (s["mpg"]?.intValue.map { " (\($0) mpg)" } ?? "")) }
            if let v = s["kwh_100km"]?.doubleValue { facts.append(zh ? "电耗 \(fmt(v)) kWh/100km" : "\(fmt(v)) kWh/100 km") }
            if let v = s["power_kw"]?.intValue { facts.append(zh ? "功率 \(v) kW" : "\(v) kW" + (s["power_hp"]?.intValue.map { " (\($0) hp)" } ?? "")) }
            if let v = s["battery_kwh"]?.doubleValue { facts.append(zh ? "电池 \(fmt(v)) kWh" : "\(fmt(v)) kWh battery") }
            if let v = s["seats"]?.intValue { facts.append(zh ? "\(v) 座" : "\(v) seats") }
            if let v = s["accel_0_100_s"]?.doubleValue { facts.append(zh ? "百公里加速 \(fmt(v)) 秒" : "0-100 km/h \(fmt(v)) s") }
            if let l = s["length_mm"]?.intValue, let w = s["width_mm"]?.intValue, let h = s["height_mm"]?.intValue {
                facts.append(zh ? "长宽高 \(l)×\(w)×\(h) mm" : "\(l)×\(w)×\(h) mm")
            }
            if let m = s["msrp"] { facts.append((zh ? "指导价 " : "MSRP ") + money(m, nil)) }
            lines.append((zh ? "\(name.trimmingCharacters(in: .whitespaces)) 参数：" : "\(name.trimmingCharacters(in: .whitespaces)) specs: ")
                         + facts.joined(separator: zh ? "，" : ", "))
        } else if let v = r["vehicle"] {
            lines.append(zh ? "这台是\(title(v, zh: zh))，价格和库存信息见下方卡片。" : "This is the \(title(v, zh: zh)); its price and stock details are on the card below.")
        }
        if r["vehicle"] == nil, let n = r["in_stock"]?.intValue {
            lines.append(zh ? "本店现有库存 \(n) 台。" : "We have \(n) in stock.")
        }
        guard !lines.isEmpty else { return askVehicle(zh) }
        lines.append(zh ? "想看落地价，或者预约试驾吗？" : "Want an out-the-door price or a test drive?")
        return lines.joined(separator: "\n")
    }

    /// The picks by name with their reasons (the cards have price, range and stock number).
    static func recommend(_ r: JSONValue, _ p: PlanContext) -> String {
        let zh = p.language == .zh
        let picks = r["picks"]?.arrayValue ?? []
        guard !picks.isEmpty else { return zh ? "按您的条件暂时没有合适的在库车辆，可以放宽预算再看看。" : "Nothing in stock fits those needs yet; a wider budget would open up options." }
        var text = zh ? "根据您的需求，推荐下方这几台：" : "Based on what you told me, I'd look at the cars below:"
        for (i, pick) in picks.enumerated() {
            guard let v = pick["vehicle"] else { continue }
            let reasons = (pick["reasons"]?.arrayValue ?? []).compactMap { $0[zh ? "zh" : "en"]?.stringValue ?? $0.stringValue }
            text += "\n\(i + 1). " + title(v, zh: zh) + (reasons.isEmpty ? "" : (zh ? "：" : ": ") + reasons.joined(separator: zh ? "；" : "; "))
        }
        text += zh ? "\n想看哪一台的落地价，或者预约试驾？" : "\nWant an out-the-door price or a test drive for any of them?"
        return text
    }

    // MARK: quote

    /// The total, that it is an estimate and not an offer, and a next step; the lines and the full
    /// disclaimer are on the quote card.
    static func quote(_ r: JSONValue, _ zh: Bool) -> String {
        let total = money(r["total"], nil)
        let stock = r["stock_number"]?.stringValue
        let name = r["vehicle"].map { title($0, zh: zh, withYear: false) }
        var text: String
        if zh {
            let car = name.map { n in stock.map { "\(n)（库存编号 \($0)）" } ?? n } ?? stock.map { "库存编号 \($0) 这台车" } ?? "这台车"
            text = "\(car)的落地价估算合计 \(total)，各项税费明细见下方报价单。"
            text += "这只是估算，不构成要约或承诺，最终价格以与门店签署的书面合同为准。"
            text += "需要我帮您算算月供，或者预约试驾吗？"
        } else {
            let car = name.map { n in stock.map { "the \(n) (stock \($0))" } ?? "the \(n)" } ?? stock.map { "stock \($0)" } ?? "this vehicle"
            text = "The estimated out-the-door price of \(car) is \(total) in total; the itemized taxes and fees are on the quote card below."
            text += " It is an estimate, not an offer or commitment; the final price is set only in a written contract with the store."
            text += " Shall I work out a monthly payment, or set up a test drive?"
        }
        return text
    }
}
