import Foundation
import ShowroomCore

/// Mapping of fueleconomy.gov `vehicles.csv` (column meanings: fueleconomy.gov/feg/ws) to trims.
///
/// - make = `make`; model = `baseModel` (the family, `model` when empty); trim name = `model`
///   (EPA's full name with drive and options, e.g. `Ioniq 5 AWD (19 inch Wheels)`); year = `year`;
///   variant_key = `epa:<id>`.
/// - powertrain from `atvType`: EV → bev, Plug-in Hybrid → phev, Hybrid → hev, FCV → none (no
///   code for fuel cells), anything else (blank, FFV, Diesel, CNG, Bifuel) → ice.
/// - drivetrain from `drive`: 4-wheel/all-wheel kinds → awd, front → fwd, rear → rwd; `2-Wheel
///   Drive` and blank → none. Body type from `VClass` (cars → sedan, two seaters → coupe, wagons,
///   pickups, SUVs, vans/minivans → mpv; special purpose vehicles → none).
/// - The three kinds of missing value become NULL: empty strings, the `-1` sentinel (`co2`,
///   `feScore`, `ghgScore`) and `0` meaning "not applicable" (`range`, `displ`, `comb08`,
///   `combE`, `co2TailpipeGpm`, `cylinders`).
/// - Units: `range` miles → km (× 1.609344, rounded); `comb08` mpg → `mpg_combined` and
///   `fuel_l_100km` = 235.215 / mpg (2 decimals) for fuel-burning trims (for EVs `comb08` is
///   MPGe and goes to specs); `combE` kWh/100 mi → `kwh_100km` (÷ 1.609344, 2 decimals).
/// - Unsound rows (rejected): a field count other than the header's, a missing or non-numeric
///   id, an id seen before, a year outside 1950-2100, an empty make or model.
extension ReferenceImporter {
    static let epaColumns = [
        "id", "year", "make", "model", "baseModel", "atvType", "drive", "VClass", "trany", "displ", "cylinders",
        "fuelType", "eng_dscr", "evMotor", "comb08", "city08", "highway08", "combE", "range", "co2TailpipeGpm", "co2",
        "feScore", "ghgScore", "tCharger", "sCharger", "startStop", "mfrCode",
    ]

    static func mapEPA(_ data: Data, _ report: inout ReferenceImportReport) throws -> [Trim] {
        var trims: [Trim] = []
        var firstRowOfID: [Int: Int] = [:]
        try forEachDataRow(in: data, file: "vehicles.csv", required: epaColumns, report: &report) { record, column, row, report in
            func reject(_ field: String?, _ code: String, _ reason: String) {
                report.rejected.append(.init(row: row, line: record.line, field: field, code: code, reason: reason))
            }
            func v(_ name: String) -> String { record[column[name]!].trimmed }
            guard let id = Int(v("id")), id > 0 else { return reject("id", "id_invalid", "EPA id '\(v("id"))' is not a positive number.") }
            if let first = firstRowOfID.updateValue(row, forKey: id) {
                report.duplicates.append(.init(row: row, line: record.line, field: "id", code: "duplicate_id",
                                               reason: "EPA id \(id) already appeared in row \(first)."))
                return
            }
            guard let year = Int(v("year")), (1950...2100).contains(year) else {
                return reject("year", "year_invalid", "Year '\(v("year"))' is not in 1950-2100.")
            }
            let make = v("make"), name = v("model")
            if make.isEmpty { return reject("make", "make_missing", "Make is empty.") }
            if name.isEmpty { return reject("model", "model_missing", "Model is empty.") }
            let family = v("baseModel").isEmpty ? name : v("baseModel")

            let atv = v("atvType")
            let powertrain: Powertrain? = switch atv {
            case "EV": .bev
            case "Plug-in Hybrid": .phev
            case "Hybrid": .hev
            case "FCV": nil
            default: .ice
            }
            let positive = { (name: String) -> Double? in Double(v(name)).flatMap { $0 > 0 ? $0 : nil } }
            let mpg = positive("comb08")
            let burnsFuel = powertrain != .bev && atv != "FCV"
            var specs = ImportJSON()
            specs.add("epa_id", number: Double(id))
            specs.add("base_model", family)
            specs.add("transmission", v("trany"))
            specs.add("drive", v("drive"))
            specs.add("displacement_l", number: positive("displ"))
            specs.add("cylinders", number: positive("cylinders"))
            specs.add("fuel_type", v("fuelType"))
            specs.add("epa_class", v("VClass"))
            specs.add("atv_type", atv)
            specs.add("engine", v("eng_dscr"))
            specs.add("ev_motor", v("evMotor"))
            specs.add(burnsFuel ? "mpg_city" : "mpge_city", number: positive("city08"))
            specs.add(burnsFuel ? "mpg_highway" : "mpge_highway", number: positive("highway08"))
            if !burnsFuel { specs.add("mpge_combined", number: mpg) }
            specs.add("co2_g_per_mile", number: positive("co2TailpipeGpm"))
            specs.add("fe_score", number: positive("feScore"))
            specs.add("ghg_score", number: positive("ghgScore"))
            specs.add("turbo", flag: v("tCharger") == "T" ? true : nil)
            specs.add("supercharger", flag: v("sCharger") == "S" ? true : nil)
            specs.add("start_stop", flag: v("startStop") == "Y" ? true : (v("startStop") == "N" ? false : nil))
            specs.add("mfr_code", v("mfrCode"))
            trims.append(Trim(
                row: row, make: make, model: family, name: name, year: year, variantKey: "epa:\(id)",
                powertrain: powertrain, drivetrain: epaDrivetrain(v("drive")), bodyType: epaBody(v("VClass")), seats: nil,
                priceCNY: nil, priceUSD: nil, rangeKm: positive("range").map { Int(($0 * 1.609344).rounded()) },
                fuelL100km: burnsFuel ? mpg.map { round2(235.214583 / $0) } : nil,
                mpgCombined: burnsFuel ? mpg.map { Int($0.rounded()) } : nil,
                kwh100km: positive("combE").map { round2($0 / 1.609344) }, powerKw: nil, batteryKwh: nil,
                lengthMm: nil, widthMm: nil, heightMm: nil, wheelbaseMm: nil, accel0to100: nil, specs: specs.text))
        }
        return trims
    }

    static func epaDrivetrain(_ drive: String) -> Drivetrain? {
        if drive.contains("4-Wheel") || drive.contains("All-Wheel") { return .awd }
        if drive.hasPrefix("Front") { return .fwd }
        if drive.hasPrefix("Rear") { return .rwd }
        return nil
    }

    static func epaBody(_ vclass: String) -> BodyType? {
        let c = vclass.lowercased()
        if c.contains("pickup") { return .pickup }
        if c.contains("sport utility") { return .suv }
        if c.contains("wagon") { return .wagon }
        if c.contains("van") { return .mpv }
        if c.contains("two seater") { return .coupe }
        if c.hasSuffix("cars") { return .sedan }
        return nil
    }

    static func round2(_ x: Double) -> Double { (x * 100).rounded() / 100 }
}
