import Foundation
import ShowroomCore
import ShowroomData

extension TrimSpec {
    /// Specs as JSON in a store's units: km and L/100km everywhere, plus miles and MPG for USD stores.
    func specJSON(currency: Currency) -> JSONValue {
        var o: [String: JSONValue] = ["make": .string(make), "model": .string(model), "trim": .string(trim),
                                      "year": .number(Double(year))]
        func put(_ k: String, _ v: Int?) { if let v { o[k] = .number(Double(v)) } }
        func putD(_ k: String, _ v: Double?) { if let v { o[k] = .number((v * 10).rounded() / 10) } }
        if let z = makeZh { o["make_zh"] = .string(z) }
        if let z = modelZh { o["model_zh"] = .string(z) }
        if let b = bodyType { o["body_type"] = .string(b.rawValue) }
        if let p = powertrain { o["powertrain"] = .string(p.rawValue) }
        if let d = drivetrain { o["drivetrain"] = .string(d.rawValue) }
        put("seats", seats)
        if let p = price(in: currency) { o["msrp"] = p.json }
        put("range_km", rangeKm)
        putD("fuel_l_100km", fuelL100km)
        putD("kwh_100km", kwh100km)
        put("power_kw", powerKw)
        putD("battery_kwh", batteryKwh)
        put("length_mm", lengthMm)
        put("width_mm", widthMm)
        put("height_mm", heightMm)
        put("wheelbase_mm", wheelbaseMm)
        putD("accel_0_100_s", accel0to100)
        if currency == .USD {
            // The same conversion as the widget's cards and every reply (DistanceUnit: the exact mile).
            if let r = rangeKm { o["range_mi"] = .number(DistanceUnit(currency: currency).value(km: Decimal(r)).doubleValue) }
            if let f = fuelL100km, f > 0 { o["mpg"] = .number((235.215 / f).rounded()) }
            if let p = powerKw { o["power_hp"] = .number((Double(p) * 1.341).rounded()) }
        }
        return .object(o)
    }
}
