import Foundation
import ShowroomCore

/// Mapping of the China spec file `car_specs_china.csv` (autocango.com pages) to trims.
///
/// - make = `brand`; model = `series`; trim name = `model` without its leading model year;
///   year = `model_year` (when it is `-`, the year that starts `vehicle_name`, with a warning);
///   variant_key = `autocango:<last part of source_url>`.
/// - Text is repaired where it is UTF-8 that was decoded as Latin-1 upstream (`ï¼\u{88}LFPï¼\u{89}`
///   → `（LFP）`, `â\u{97}\u{8F}2â\u{97}\u{8B}3` → `●2○3`) and the repair round-trips; zero-width
///   marks are dropped.
/// - `seats` is free text: the standard (●) value when marked, else the first number (`2/5` → 2,
///   `10-18` → 10); counts outside 1-12 (buses) are not stored. The text is kept in
///   `specs.seats_text`; anything but a single count is reported as a warning.
/// - price_cny = `msrp` (CNY). `price` is msrp × ~0.14, not an independent USD price, so
///   price_usd stays empty. range_km = CLTC, else NEDC, else WLTC range (`specs.range_cycle`
///   says which); battery_kwh from the `…KWH` in the name; power = maximum power.
/// - powertrain from `fuel_type`: BEV → bev, PHEV → phev, REEV → erev, Petrol/Diesel → ice;
///   Hydrogen and empty give none, with a warning.
/// - Unsound rows (rejected): a field count other than the header's, an empty brand, series or
///   model, no year anywhere, no source_url or one seen before. A row equal to an earlier row in
///   every column except `source_url` is the same vehicle listed twice: a duplicate.
extension ReferenceImporter {
    static let nevColumns = [
        "vehicle_name", "brand", "series", "manufacturer", "model", "msrp", "launch_time", "class", "model_year",
        "fuel_type", "drive_mode", "body_structure", "doors", "seats", "length_mm", "width_mm", "height_mm",
        "wheelbase_mm", "power_kw_maximum", "battery_type", "range_km_cltc", "range_km_nedc", "range_km_wltc",
        "consumption_kwh_100km_electricity", "acceleration_s_0_100kmh_tested", "consumption_l_100km_wltc",
        "consumption_l_100km_nedc", "source_url",
    ]

    static func mapNEV(_ data: Data, _ report: inout ReferenceImportReport) throws -> [Trim] {
        var trims: [Trim] = []
        var firstRowOfContent: [String: Int] = [:]
        var firstRowOfKey: [String: Int] = [:]
        try forEachDataRow(in: data, file: "car_specs_china.csv", required: nevColumns, report: &report) { record, column, row, report in
            func issue(_ field: String?, _ code: String, _ reason: String) -> ReferenceImportReport.Issue {
                .init(row: row, line: record.line, field: field, code: code, reason: reason)
            }
            let urlIndex = column["source_url"]!
            let content = record.fields.enumerated().filter { $0.offset != urlIndex }.map(\.element).joined(separator: "\u{1F}")
            if let first = firstRowOfContent[content] {
                return report.duplicates.append(issue(nil, "duplicate_row",
                    "Same vehicle as row \(first): every column but source_url is equal."))
            }
            firstRowOfContent[content] = row

            var unrepaired: [String] = []
            func v(_ name: String) -> String {
                let raw = record[column[name]!].trimmed
                switch repairMojibake(raw) {
                case .unchanged: return raw
                case .repaired(let fixed): return fixed
                case .unrepairable:
                    unrepaired.append(name)
                    return raw
                }
            }
            func number(_ name: String, below limit: Double) -> Double? {
                Double(v(name)).flatMap { $0 > 0 && $0 < limit ? $0 : nil }
            }
            let make = v("brand"), model = v("series"), fullName = v("model")
            if make.isEmpty || model.isEmpty || fullName.isEmpty {
                return report.rejected.append(issue(make.isEmpty ? "brand" : (model.isEmpty ? "series" : "model"),
                    "name_missing", "Brand, series and model name are all needed to identify the vehicle."))
            }
            let url = v("source_url")
            let slug = url.split(separator: "/").last.map(String.init) ?? ""
            if slug.isEmpty { return report.rejected.append(issue("source_url", "key_missing", "No source_url: the row has no identity.")) }
            let key = "autocango:\(slug)"
            if let first = firstRowOfKey.updateValue(row, forKey: key) {
                return report.rejected.append(issue("source_url", "key_duplicate", "source_url already used by row \(first)."))
            }
            var year = Int(v("model_year")).flatMap { (1950...2100).contains($0) ? $0 : nil }
            if year == nil, let fromName = leadingYear(v("vehicle_name")) ?? leadingYear(fullName) {
                report.warnings.append(issue("model_year", "year_from_name",
                    "model_year '\(v("model_year"))' is not a year; took \(fromName) from the vehicle name."))
                year = fromName
            }
            guard let year else {
                let launch = v("launch_time").isEmpty ? "" : " (launch_time \(v("launch_time")) is a market date, not a model year)"
                return report.rejected.append(issue("model_year", "year_missing",
                    "model_year '\(v("model_year"))' is not a year and the name does not start with one\(launch)."))
            }

            let fuel = v("fuel_type")
            let powertrain: Powertrain? = ["BEV": .bev, "PHEV": .phev, "REEV": .erev, "Petrol": .ice, "Diesel": .ice][fuel]
            if powertrain == nil {
                report.warnings.append(issue("fuel_type", "powertrain_unknown", fuel.isEmpty
                    ? "fuel_type is empty; powertrain left empty."
                    : "fuel_type '\(fuel)' has no powertrain code (bev, phev, erev, hev, ice); left empty."))
            }
            let seatsText = v("seats")
            let (seats, seatsNote) = seatCount(seatsText)
            if let seatsNote { report.warnings.append(issue("seats", "seats_text", seatsNote)) }
            let cycles = [("CLTC", "range_km_cltc"), ("NEDC", "range_km_nedc"), ("WLTC", "range_km_wltc")]
            let range = cycles.lazy.compactMap { c in number(c.1, below: 3000).map { (c.0, $0) } }.first
            let name = strippingLeadingYear(fullName)
            var specs = ImportJSON()
            specs.add("source_url", url)
            specs.add("vehicle_name", v("vehicle_name"))
            specs.add("manufacturer", v("manufacturer"))
            specs.add("class", v("class"))
            specs.add("launch", v("launch_time"))
            specs.add("fuel_type", fuel)
            specs.add("drive_mode", v("drive_mode"))
            specs.add("body_structure", v("body_structure"))
            specs.add("doors", number: number("doors", below: 10))
            specs.add("seats_text", seatsText)
            specs.add("battery_type", v("battery_type"))
            specs.add("range_cycle", range?.0)
            if !unrepaired.isEmpty {
                report.warnings.append(issue(unrepaired.joined(separator: ","), "text_unrepaired",
                    "Text in \(unrepaired.joined(separator: ", ")) looks mis-encoded and could not be repaired; kept as is."))
            }
            func mm(_ n: String) -> Int? { number(n, below: 30000).map { Int($0.rounded()) } }
            trims.append(Trim(
                row: row, make: make, model: model, name: name.isEmpty ? fullName : name, year: year, variantKey: key,
                powertrain: powertrain, drivetrain: nevDrivetrain(v("drive_mode")), bodyType: nevBody(v("body_structure")),
                seats: seats, priceCNY: number("msrp", below: 1e9), priceUSD: nil, rangeKm: range.map { Int($0.1.rounded()) },
                fuelL100km: number("consumption_l_100km_wltc", below: 100) ?? number("consumption_l_100km_nedc", below: 100),
                mpgCombined: nil, kwh100km: number("consumption_kwh_100km_electricity", below: 100),
                powerKw: number("power_kw_maximum", below: 3000).map { Int($0.rounded()) },
                batteryKwh: batteryKwh(fullName) ?? batteryKwh(v("vehicle_name")), lengthMm: mm("length_mm"),
                widthMm: mm("width_mm"), heightMm: mm("height_mm"), wheelbaseMm: mm("wheelbase_mm"),
                accel0to100: number("acceleration_s_0_100kmh_tested", below: 100), specs: specs.text))
        }
        return trims
    }
}
