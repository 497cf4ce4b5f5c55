import Foundation
import ShowroomCore

extension CatalogImporter {
    /// Reads inventory.csv: every row must name a store of stores.yaml and a (make, model, trim)
    /// of models.yaml (compared case-insensitively, stored canonically); problems name the line,
    /// the stock number and the field.
    static func loadInventory(_ folder: URL, stores: [StoreEntry], makes: [MakeEntry], today: LocalDate,
                              problems: inout Problems, warnings: inout [String]) -> [UnitRow] {
        guard let data = readFile("inventory.csv", in: folder, problems: &problems) else { return [] }
        let records = CSVParser.records(in: data)
        guard let header = records.first?.fields.map({ $0.trimmingCharacters(in: .whitespaces) }) else {
            problems.add("inventory.csv: the file is empty (expected the header \(inventoryColumns.joined(separator: ",")))")
            return []
        }
        var column: [String: Int] = [:]
        for (i, h) in header.enumerated() where column[h] == nil { column[h] = i }
        let missing = inventoryColumns.filter { column[$0] == nil }
        if !missing.isEmpty {
            problems.add("inventory.csv line 1: missing column\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", "))")
            return []
        }
        for extra in header where !inventoryColumns.contains(extra) {
            warnings.append("inventory.csv line 1: unknown column '\(extra)' ignored")
        }

        let storeIDs = Set(stores.map(\.id))
        var trims: [String: (make: String, model: String, trim: String)] = [:]
        for mk in makes {
            for m in mk.models {
                for t in m.trims { trims[[mk.make, m.model, t.trim].map { $0.lowercased() }.joined(separator: "|")] = (mk.make, m.model, t.trim) }
            }
        }
        var stockSeen: [String: Int] = [:], vinSeen: [String: Int] = [:]
        var units: [UnitRow] = []
        for record in records.dropFirst() {
            func value(_ name: String) -> String { record[column[name]!].trimmingCharacters(in: .whitespaces) }
            let stock = value("stock_number")
            let at = "inventory.csv line \(record.line)\(stock.isEmpty ? "" : " (\(stock))")"
            if let ragged = record.raggedness(expected: header.count) {
                problems.add("\(at): \(ragged)")
                continue
            }
            let before = problems.items.count
            func bad(_ field: String, _ message: String) { problems.add("\(at) \(field): \(message)") }
            func decimal(_ field: String, required: Bool) -> Decimal? {
                let text = value(field)
                if text.isEmpty {
                    if required { bad(field, "missing") }
                    return nil
                }
                guard let d = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")), d >= 0, d < 100_000_000,
                    text.allSatisfy({ $0.isNumber || $0 == "." })
                else {
                    bad(field, "'\(text)' is not an amount in whole currency units")
                    return nil
                }
                return d
            }

            let store = value("store_id")
            if !storeIDs.contains(store) { bad("store_id", "'\(store)' is not a store of stores.yaml") }
            if stock.isEmpty { bad("stock_number", "missing") }
            var vinText = value("vin")
            switch VIN.check(vinText, requireCheckDigit: true) {  // demo-catalog.md: valid check digits, every market
            case .invalid(let e): bad("vin", e.message)
            case .warning(let v, let w): vinText = v.rawValue; warnings.append("\(at) vin: \(w.message)")
            case .valid(let v): vinText = v.rawValue
            }
            let key = [value("make"), value("model"), value("trim")].map { $0.lowercased() }.joined(separator: "|")
            let names = trims[key]
            if names == nil {
                bad("trim", "make/model/trim '\(value("make"))' / '\(value("model"))' / '\(value("trim"))' is not in models.yaml")
            }
            let year = Int(value("year"))
            if year.map({ !(FeedRowValidator.minimumYear...(today.year + 1)).contains($0) }) ?? true {
                bad("year", "'\(value("year"))' is not a year in \(FeedRowValidator.minimumYear)...\(today.year + 1)")
            }
            let condition = VehicleCondition(rawValue: value("condition").lowercased())
            if condition == nil { bad("condition", "'\(value("condition"))' is not new, used or cpo") }
            let mileageText = value("mileage_km")
            let mileage = mileageText.isEmpty ? 0 : Int(mileageText)
            if mileage.map({ !(0...FeedRowValidator.maximumMileageKm).contains($0) }) ?? true {
                bad("mileage_km", "'\(mileageText)' is not a whole number of km in 0...\(FeedRowValidator.maximumMileageKm)")
            }
            let list = decimal("list_price", required: true)
            if let list, list <= 0 { bad("list_price", "must be more than 0") }
            let msrp = decimal("msrp", required: false), floor = decimal("floor_price", required: false)
            let cost = decimal("cost", required: false)
            if let floor, let list, floor > list { warnings.append("\(at) floor_price: \(floor) is above list_price \(list)") }
            let statusText = value("status").lowercased()
            let status = statusText.isEmpty ? .available : UnitStatus(rawValue: statusText)
            if status == nil { bad("status", "'\(statusText)' is not available, hold, sold or in_transit") }
            let dateText = value("date_in_stock")
            var date: LocalDate?
            if !dateText.isEmpty {
                do { date = try LocalDate(dateText) } catch { bad("date_in_stock", "'\(dateText)' is not a date YYYY-MM-DD") }
            }
            if !stock.isEmpty, let first = stockSeen.updateValue(record.line, forKey: "\(store)|\(stock)") {
                bad("stock_number", "'\(stock)' already used on line \(first) for store \(store)")
            }
            if let first = vinSeen.updateValue(record.line, forKey: "\(store)|\(vinText)") {
                bad("vin", "\(vinText) already used on line \(first) for store \(store)")
            }
            guard problems.items.count == before, let names, let year, let condition, let mileage, let list, let status else {
                continue
            }
            func color(_ name: String) -> String? { let c = value(name).lowercased(); return c.isEmpty ? nil : c }
            units.append(UnitRow(
                line: record.line, storeID: store, stockNumber: stock, vin: vinText, make: names.make, model: names.model,
                trim: names.trim, year: year, condition: condition, mileageKm: mileage, exteriorColor: color("exterior_color"),
                interiorColor: color("interior_color"), listPrice: list, msrp: msrp, floorPrice: floor, cost: cost,
                status: status, dateInStock: date))
        }
        return units
    }
}
