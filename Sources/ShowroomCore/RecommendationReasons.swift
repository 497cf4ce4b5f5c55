import Foundation

/// Short, fact-grounded reasons for a pick, most relevant first, at most four.
///
/// Every reason quotes a fact of the unit (price, seats, range, power, consumption, length,
/// year and mileage) or names a need it meets; nothing is said that the facts do not show.
struct RecommendationReasons {
    var vehicle: VehicleFacts
    var needs: RecommendationNeeds
    var weights: [RecommendationNeeds.Priority: Double]

    var texts: [LocalizedText] {
        var found: [(relevance: Double, text: LocalizedText)] = []
        let v = vehicle
        let price = v.price.formatted
        if needs.priceMax != nil {
            found.append((10, LocalizedText(zh: "预算内：\(price)", en: "Within budget: \(price)")))
        } else {
            found.append((weight(.price), LocalizedText(zh: "售价 \(price)", en: "Priced at \(price)")))
        }
        if let seats = v.seats {
            let asked = needs.seatsMin != nil
            found.append((asked ? 9 : weight(.space), LocalizedText(zh: "\(seats) 座", en: "\(seats) seats")))
        }
        if let body = v.bodyType, body == needs.bodyType {
            let name = body.localizedName
            found.append((8, LocalizedText(zh: "\(name.zh)，符合你要的车型", en: "A\(Self.article(name.en)) \(name.en), as you asked")))
        }
        if let pt = v.powertrain {
            if pt == needs.powertrain {
                let name = pt.localizedName
                found.append((8, LocalizedText(zh: "\(name.zh)，符合你的动力偏好", en: "\(name.en.capitalizedFirst), as you asked")))
            }
            if let charging = chargingReason(pt) { found.append((7, charging)) }
        }
        if let range = v.rangeKm, let pt = v.powertrain, pt != .hev, pt != .ice {
            let cycle = RecommendationScorer.rangeCycle(v.price.currency)
            let r = DistanceUnit(currency: v.price.currency).text(km: range)
            let text = pt == .bev
                ? LocalizedText(zh: "\(cycle) 续航 \(r.zh)", en: "\(cycle) range \(r.en)")
                : LocalizedText(zh: "\(cycle) 纯电续航 \(r.zh)，长途有发动机补能",
                                en: "\(cycle) electric range \(r.en), plus the engine for long trips")
            found.append((weight(.range), text))
        }
        if let kw = v.powerKw {
            found.append((weight(.performance), LocalizedText(zh: "功率 \(kw) kW", en: "\(kw) kW of power")))
        }
        if let use = consumption(v) { found.append((weight(.economy), use)) }
        if let length = v.lengthMm {
            let mm = Decimal(length).formattedNumber(scale: 0)
            found.append((weight(.space) - 0.5, LocalizedText(zh: "车长 \(mm) mm", en: "\(mm) mm long")))
        }
        if v.condition != .new {
            let driven = DistanceUnit(currency: v.price.currency).text(km: v.mileageKm)
            found.append((2, LocalizedText(zh: "\(v.year) 年车，行驶 \(driven.zh)", en: "\(v.year) model, \(driven.en) driven")))
        }
        let ranked = found.enumerated().sorted { a, b in
            a.element.relevance != b.element.relevance ? a.element.relevance > b.element.relevance : a.offset < b.offset
        }
        return ranked.prefix(4).map(\.element.text)
    }

    private func weight(_ p: RecommendationNeeds.Priority) -> Double { weights[p] ?? 1 }

    private func chargingReason(_ pt: Powertrain) -> LocalizedText? {
        switch (needs.homeCharging, pt) {
        case (false?, .phev), (false?, .erev):
            return LocalizedText(zh: "\(pt.localizedName.zh)：没有家充也不用担心续航",
                                 en: "\(pt.localizedName.en.capitalizedFirst): no range worries without home charging")
        case (false?, .hev), (false?, .ice):
            return LocalizedText(zh: "无需充电", en: "Needs no charging")
        case (true?, .bev), (true?, .phev), (true?, .erev):
            return LocalizedText(zh: "家里能充电，日常用电成本低", en: "Home charging keeps running costs low")
        default:
            return nil
        }
    }

    private func consumption(_ v: VehicleFacts) -> LocalizedText? {
        if v.powertrain == .bev, let kwh = v.kwh100km {
            let n = kwh.formattedNumber(scale: 1)
            return LocalizedText(zh: "电耗 \(n) kWh/100km", en: "Uses \(n) kWh/100 km")
        }
        if let litres = v.fuelL100km {
            let n = litres.formattedNumber(scale: 1)
            return LocalizedText(zh: "油耗 \(n) L/100km", en: "Uses \(n) L/100 km")
        }
        return nil
    }

    /// `n` before a vowel sound (an SUV, an MPV), nothing otherwise.
    static func article(_ word: String) -> String {
        guard let first = word.first else { return "" }
        return "AEIOUaeiou".contains(first) || ["SUV", "MPV"].contains(word) ? "n" : ""
    }
}

extension String {
    /// The string with its first letter upper-cased (`plug-in hybrid` → `Plug-in hybrid`).
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
