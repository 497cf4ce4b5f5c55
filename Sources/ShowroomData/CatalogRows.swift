import Foundation
import ShowroomCore

/// Catalog files turned into validated JSON rows for the importer's set-based upserts.
/// Every error names the file, the entry and the field.
struct CatalogRows {
    var stores: JSONValue = []
    var makes: JSONValue = []
    var models: JSONValue = []
    var trims: JSONValue = []
    var promotions: JSONValue = []
    var units: JSONValue = []
    var storeIDs: [String] = []
    var promotionCodes: [String] = []
    var unitKeys: [String] = []

    init(_ files: CatalogFiles) throws {
        var stores: [JSONValue] = [], promos: [JSONValue] = []
        var currencies: [String: String] = [:]
        for (i, s) in files.stores.enumerated() {
            let at = "stores.yaml: stores[\(i)]"
            guard let id = s["id"]?.stringValue else { throw Self.err("\(at): missing id") }
            for key in ["name", "city", "currency", "locale", "timezone", "address", "phone", "publishable_key"] where s[key]?.stringValue == nil {
                throw Self.err("\(at) (\(id)): missing \(key)")
            }
            guard let cur = s["currency"]?.stringValue, Currency(rawValue: cur) != nil else { throw Self.err("\(at) (\(id)): currency must be CNY or USD") }
            guard TimeZone(identifier: s["timezone"]?.stringValue ?? "") != nil else { throw Self.err("\(at) (\(id)): unknown timezone") }
            do { _ = try TaxProfile.decode(s["tax_profile"] ?? .null) } catch let e as ShowroomError {
                throw Self.err("\(at) (\(id)): tax_profile: \(e.message)")
            }
            do { _ = try StoreHours((s["hours"]?.objectValue ?? [:]).compactMapValues(\.stringValue)) } catch let e as ShowroomError {
                throw Self.err("\(at) (\(id)): hours: \(e.message)")
            }
            currencies[id] = cur
            var row = s.objectValue ?? [:]
            row["promotions"] = nil
            row["settings"] = s["settings"] ?? [:]
            row["allowed_origins"] = s["allowed_origins"] ?? []
            stores.append(.object(row))
            storeIDs.append(id)
            for (j, p) in (s["promotions"]?.arrayValue ?? []).enumerated() {
                do { _ = try p.decode(as: Promotion.self) } catch {
                    throw Self.err("\(at) (\(id)): promotions[\(j)]: \((error as? ShowroomError)?.message ?? "\(error)")")
                }
                var row = p.objectValue ?? [:]
                row["store_id"] = .string(id)
                promos.append(.object(row))
                promotionCodes.append(p["code"]?.stringValue ?? "")
            }
        }
        var makes: [JSONValue] = [], models: [JSONValue] = [], trims: [JSONValue] = []
        var knownTrims = Set<String>()
        for (i, mk) in files.makes.enumerated() {
            guard let make = mk["make"]?.stringValue else { throw Self.err("models.yaml: makes[\(i)]: missing make") }
            makes.append(["name": .string(make), "name_zh": mk["name_zh"] ?? .null, "aliases": mk["aliases"] ?? [], "country": mk["country"] ?? .null])
            for (j, m) in (mk["models"]?.arrayValue ?? []).enumerated() {
                let at = "models.yaml: \(make) models[\(j)]"
                guard let model = m["model"]?.stringValue else { throw Self.err("\(at): missing model") }
                try Self.check(m["body_type"], BodyType.self, "\(at) (\(model)): body_type")
                try Self.check(m["powertrain"], Powertrain.self, "\(at) (\(model)): powertrain")
                let names = [make, mk["name_zh"]?.stringValue, model, m["name_zh"]?.stringValue].compactMap { $0 }
                    + (m["aliases"]?.arrayValue?.compactMap(\.stringValue) ?? []) + (mk["aliases"]?.arrayValue?.compactMap(\.stringValue) ?? [])
                models.append(["make": .string(make), "name": .string(model), "name_zh": m["name_zh"] ?? .null, "aliases": m["aliases"] ?? [],
                               "body_type": m["body_type"] ?? .null, "powertrain": m["powertrain"] ?? .null, "seats": m["seats"] ?? .null,
                               "search_text": .string(names.joined(separator: " ").lowercased())])
                for (k, t) in (m["trims"]?.arrayValue ?? []).enumerated() {
                    let tat = "\(at) (\(model)) trims[\(k)]"
                    guard let trim = t["trim"]?.stringValue, let year = t["year"]?.intValue else { throw Self.err("\(tat): needs trim and year") }
                    try Self.check(t["powertrain"], Powertrain.self, "\(tat): powertrain")
                    try Self.check(t["drivetrain"], Drivetrain.self, "\(tat): drivetrain")
                    var row = t.objectValue ?? [:]
                    row["make"] = .string(make)
                    row["model"] = .string(model)
                    row["year"] = .number(Double(year))
                    trims.append(.object(row))
                    knownTrims.insert("\(make)|\(model)|\(trim)")
                }
            }
        }
        var units: [JSONValue] = []
        for (i, u) in files.inventory.enumerated() {
            let at = "inventory.csv row \(i + 2)"
            guard let store = u["store_id"], let cur = currencies[store] else { throw Self.err("\(at): unknown store_id '\(u["store_id"] ?? "")'") }
            _ = cur
            guard let stock = u["stock_number"], !stock.isEmpty else { throw Self.err("\(at): missing stock_number") }
            guard knownTrims.contains("\(u["make"] ?? "")|\(u["model"] ?? "")|\(u["trim"] ?? "")") else {
                throw Self.err("\(at) (\(stock)): \(u["make"] ?? "") \(u["model"] ?? "") trim '\(u["trim"] ?? "")' is not in models.yaml")
            }
            let vin = (u["vin"] ?? "").uppercased()
            if case .invalid(let e) = VIN.check(vin) { throw Self.err("\(at) (\(stock)): vin: \(e.message)") }
            guard VehicleCondition(rawValue: u["condition"] ?? "") != nil else { throw Self.err("\(at) (\(stock)): condition must be new, used or cpo") }
            guard UnitStatus(rawValue: u["status"].flatMap { $0.isEmpty ? nil : $0 } ?? "available") != nil else { throw Self.err("\(at) (\(stock)): unknown status") }
            func num(_ k: String, required: Bool = false) throws -> JSONValue {
                guard let s = u[k], !s.isEmpty else {
                    if required { throw Self.err("\(at) (\(stock)): missing \(k)") }
                    return .null
                }
                guard let d = Double(s), d >= 0 else { throw Self.err("\(at) (\(stock)): \(k) must be a non-negative number") }
                return .number(d)
            }
            guard let year = Int(u["year"] ?? ""), (1980...2100).contains(year) else { throw Self.err("\(at) (\(stock)): year") }
            units.append([
                "store_id": .string(store), "stock_number": .string(stock), "vin": .string(vin), "make": .string(u["make"] ?? ""),
                "model": .string(u["model"] ?? ""), "trim": .string(u["trim"] ?? ""), "year": .number(Double(year)),
                "condition": .string(u["condition"] ?? ""), "mileage_km": try num("mileage_km") == .null ? 0 : try num("mileage_km"),
                "exterior_color": u["exterior_color"].map { .string($0.lowercased()) } ?? .null,
                "interior_color": u["interior_color"].map { .string($0.lowercased()) } ?? .null,
                "list_price": try num("list_price", required: true), "msrp": try num("msrp"), "floor_price": try num("floor_price"),
                "cost": try num("cost"), "status": .string(u["status"].flatMap { $0.isEmpty ? nil : $0 } ?? "available"),
                "date_in_stock": u["date_in_stock"].flatMap { $0.isEmpty ? nil : JSONValue.string($0) } ?? .null,
            ])
            unitKeys.append("\(store)/\(stock)")
        }
        guard Set(unitKeys).count == unitKeys.count else { throw Self.err("inventory.csv: a stock number appears twice in one store") }
        self.stores = .array(stores)
        self.makes = .array(makes)
        self.models = .array(models)
        self.trims = .array(trims)
        self.promotions = .array(promos)
        self.units = .array(units)
    }

    static func err(_ message: String) -> ShowroomError { ShowroomError("invalid_catalog", message) }

    static func check<E: RawRepresentable>(_ v: JSONValue?, _ type: E.Type, _ at: String) throws where E.RawValue == String {
        guard let v, v != .null else { return }
        guard let s = v.stringValue, E(rawValue: s) != nil else { throw err("\(at): '\(v.stringValue ?? v.jsonString())' is not allowed") }
    }
}
