import Foundation
import ShowroomCore
import ShowroomLLM

/// Plans the next tool call of a turn from the intent, the slots and the results so far.
/// Returns nil when it is time to write the reply (or when something must be asked first).
enum EmbeddedPlanner {
    static func next(_ p: PlanContext, _ done: TurnOutcomes, offered: Set<String>) -> (String, JSONValue)? {
        func offer(_ name: String, _ args: JSONValue) -> (String, JSONValue)? {
            offered.contains(name) && !done.called(name) ? (name, args) : nil
        }
        let store: JSONValue = .string(p.storeID)
        if let ask = p.staffAsk { return staff(ask, p, offer) }
        switch p.intent {
        case .vehicleSearch:
            return offer("search_inventory", searchArgs(p, limit: 5))
        case .vehicleDetails:
            // A model the catalog lacks is searched (the search says it is not carried), never
            // answered with the unit in focus.
            if let stock = p.slots.stockNumber ?? (p.slots.model == nil && p.slots.unknownModel == nil ? p.targetStock : nil) {
                return offer("get_vehicle", ["store_id": store, "stock_number": .string(stock)])
            }
            if let vin = p.slots.vin { return offer("get_vehicle", ["store_id": store, "vin": .string(vin)]) }
            if let model = p.slots.model {
                var a: [String: JSONValue] = ["store_id": store, "model": .string(model)]
                if let m = p.slots.make { a["make"] = .string(m) }
                return offer("get_vehicle", .object(a))
            }
            return offer("search_inventory", searchArgs(p, limit: 5))
        case .compare:
            let models: [JSONValue] = p.mentions.prefix(4).map { m in
                let parts = m.split(separator: "|", maxSplits: 1).map(String.init)
                return ["make": .string(parts.first ?? ""), "model": .string(parts.count > 1 ? parts[1] : "")]
            }
            guard models.count >= 2 else { return nil }
            return offer("compare_models", ["store_id": store, "models": .array(models)])
        case .recommendation:
            var a = searchArgs(p, limit: 3).objectValue ?? [:]
            for k in ["make", "model", "condition", "price_min", "range_min_km", "drivetrain", "year_min", "mileage_max_km", "color", "sort", "offset"] {
                a[k] = nil
            }
            if p.slots.priceMax != nil { a["currency"] = .string(p.currency.rawValue) }
            let t = p.text.lowercased()
            if t.contains("commut") || t.contains("city") || t.contains("市区") || t.contains("上下班") || t.contains("通勤") { a["usage"] = "city" }
            if t.contains("road trip") || t.contains("long trip") || t.contains("长途") || t.contains("自驾") { a["usage"] = "long_trips" }
            if t.contains("charg") || t.contains("充电") { a["home_charging"] = .bool(!(t.contains("no charg") || t.contains("没有充电") || t.contains("不能充电") || t.contains("没充电"))) }
            return offer("recommend", .object(a))
        case .priceQuote:
            // "How much is a Toyota Supra?": search the make; a unit of another model is not quoted
            // as if it were the one asked for.
            if p.slots.unknownModel != nil, p.slots.stockNumber == nil, p.ordinal == nil, p.booking == nil {
                if done.result("search_inventory")?["unknown_model"] != nil { return nil }
                if let r = done.result("search_inventory"), let first = r["vehicles"]?.arrayValue?.first?["stock_number"]?.stringValue {
                    var a: [String: JSONValue] = ["store_id": store, "stock_number": .string(first)]
                    if p.currency == .CNY { a["include_insurance"] = true }
                    return offer("quote_price", .object(a))
                }
                return offer("search_inventory", searchArgs(p, limit: 3))
            }
            if let stock = p.targetStock {
                var a: [String: JSONValue] = ["store_id": store, "stock_number": .string(stock)]
                if p.currency == .CNY { a["include_insurance"] = true }
                return offer("quote_price", .object(a))
            }
            if p.slots.make != nil || p.slots.model != nil, let r = done.result("search_inventory") {
                if let first = r["vehicles"]?.arrayValue?.first?["stock_number"]?.stringValue {
                    var a: [String: JSONValue] = ["store_id": store, "stock_number": .string(first)]
                    if p.currency == .CNY { a["include_insurance"] = true }
                    return offer("quote_price", .object(a))
                }
                return nil
            }
            if p.slots.make != nil || p.slots.model != nil { return offer("search_inventory", searchArgs(p, limit: 3)) }
            return nil
        case .financing:
            var a: [String: JSONValue] = ["store_id": store, "type": .string(p.leaseRequested ? "lease" : "loan"),
                                          "term_months": .number(Double(p.slots.termMonths ?? (p.leaseRequested ? 36 : 60)))]
            a["down_payment_pct"] = .number(Double(p.slots.downPaymentPct ?? (p.leaseRequested ? 0 : 20)))
            if let stock = p.targetStock {
                a["stock_number"] = .string(stock)
            } else if let price = p.slots.priceMax {
                a["price"] = .number(Double(price))
            } else {
                return nil
            }
            return offer("estimate_payment", .object(a))
        case .tradeIn:
            guard let make = p.slots.make, let model = p.slots.model, let year = p.tradeInYear, let km = p.tradeInMileageKm else { return nil }
            return offer("appraise_trade_in", ["store_id": store, "make": .string(make), "model": .string(model),
                                               "year": .number(Double(year)), "mileage_km": .number(Double(km))])
        case .testDrive:
            guard let b = p.booking ?? inlineBooking(p), b.consent else { return nil }
            var a: [String: JSONValue] = ["store_id": store, "name": .string(b.name), "phone": .string(b.phone),
                                          "start": .string(b.start), "consent": .bool(b.consent)]
            if let s = b.stockNumber ?? p.targetStock { a["stock_number"] = .string(s) }
            else if let model = p.slots.model { a["model"] = .string(model); a["make"] = p.slots.make.map { .string($0) } ?? .null }
            return offer("book_test_drive", .object(a))
        case .humanHandoff:
            guard let name = p.name, p.phone != nil || p.email != nil, p.consent else { return nil }
            var a: [String: JSONValue] = ["store_id": store, "name": .string(name), "consent": true,
                                          "note": .string(String(p.text.prefix(300)))]
            if let ph = p.phone { a["phone"] = .string(ph) }
            if let em = p.email { a["email"] = .string(em) }
            if let s = p.targetStock { a["stock_number"] = .string(s) }
            return offer("create_lead", .object(a))
        case .dealerInfo:
            return offer("dealer_info", ["store_id": store])
        case .greeting, .outOfScope:
            return nil
        }
    }

    /// The staff assist chat's floor price and lead lookups (nil when the key's role lacks the tool).
    static func staff(_ ask: StaffAsk, _ p: PlanContext, _ offer: (String, JSONValue) -> (String, JSONValue)?) -> (String, JSONValue)? {
        switch ask {
        case .floorPrice(let stock):
            guard let s = stock ?? p.targetStock else { return nil }
            return offer("floor_price", ["store_id": .string(p.storeID), "stock_number": .string(s)])
        case .leads(let query, let status):
            var a: [String: JSONValue] = ["store_id": .string(p.storeID), "limit": 10]
            if let query { a["query"] = .string(query) }
            if let status { a["status"] = .string(status) }
            return offer("find_leads", .object(a))
        }
    }

    /// A test drive fully stated in the text itself (name, phone, time, consent).
    static func inlineBooking(_ p: PlanContext) -> BookingForm? {
        guard let name = p.name, let phone = p.phone, p.consent, let start = p.booking?.start else { return nil }
        return BookingForm(stockNumber: p.targetStock, start: start, name: name, phone: phone, consent: true)
    }

    static func searchArgs(_ p: PlanContext, limit: Int) -> JSONValue {
        let s = p.slots
        var a: [String: JSONValue] = ["store_id": .string(p.storeID), "limit": .number(Double(limit))]
        func put(_ k: String, _ v: String?) { if let v { a[k] = .string(v) } }
        func put(_ k: String, _ v: Int?) { if let v { a[k] = .number(Double(v)) } }
        put("make", s.make)
        put("model", s.model ?? s.unknownModel)
        put("body_type", s.bodyType?.rawValue)
        put("powertrain", s.powertrain?.rawValue)
        put("condition", s.condition?.rawValue)
        // A budget in another currency than the store's is not comparable: leave it out.
        if s.currency == nil || s.currency == p.currency {
            put("price_min", s.priceMin)
            put("price_max", s.priceMax)
        }
        put("seats_min", s.seatsMin)
        put("range_min_km", s.rangeMinKm)
        put("drivetrain", s.drivetrain?.rawValue)
        put("year_min", s.yearMin)
        put("mileage_max_km", s.mileageMaxKm)
        put("color", s.color)
        return .object(a)
    }
}
