import Foundation
import ShowroomCore
import Yams

extension CatalogImporter {
    /// The three catalog files decoded and checked against each other, ready to write.
    struct Bundle: Sendable {
        var stores: [StoreEntry]
        var makes: [MakeEntry]
        var units: [UnitRow]
        var warnings: [String]
    }

    /// One checked row of inventory.csv with canonical make/model/trim names and plain-number prices.
    struct UnitRow: Sendable {
        var line: Int
        var storeID: String
        var stockNumber: String
        var vin: String
        var make: String
        var model: String
        var trim: String
        var year: Int
        var condition: VehicleCondition
        var mileageKm: Int
        var exteriorColor: String?
        var interiorColor: String?
        var listPrice: Decimal
        var msrp: Decimal?
        var floorPrice: Decimal?
        var cost: Decimal?
        var status: UnitStatus
        var dateInStock: LocalDate?
    }

    /// Collects every problem before giving up, so one run names them all.
    struct Problems {
        var items: [String] = []
        mutating func add(_ text: String) { items.append(text) }

        func check() throws {
            guard !items.isEmpty else { return }
            let shown = items.prefix(40).map { "- " + $0 }.joined(separator: "\n")
            let more = items.count > 40 ? "\n- ... and \(items.count - 40) more" : ""
            throw ShowroomError("catalog_invalid", "The catalog has \(items.count) problem\(items.count == 1 ? "" : "s"):\n\(shown)\(more)")
        }
    }

    /// Reads and checks `stores.yaml`, `models.yaml` and `inventory.csv` in `folder`; throws
    /// `catalog_invalid` listing every problem with its file, row or path, and field.
    static func load(_ folder: URL, today: LocalDate) throws -> Bundle {
        var problems = Problems()
        var warnings: [String] = []
        let storesFile: StoresFile? = decodeYAML("stores.yaml", in: folder, problems: &problems, warnings: &warnings)
        let modelsFile: ModelsFile? = decodeYAML("models.yaml", in: folder, problems: &problems, warnings: &warnings)
        let stores = storesFile?.stores ?? []
        let makes = modelsFile?.makes ?? []
        checkStores(stores, problems: &problems)
        checkModels(makes, problems: &problems)
        var units: [UnitRow] = []
        if storesFile != nil, modelsFile != nil {
            units = loadInventory(folder, stores: stores, makes: makes, today: today, problems: &problems, warnings: &warnings)
        }
        try problems.check()
        return Bundle(stores: stores, makes: makes, units: units, warnings: warnings)
    }

    /// The bytes of `name` in the catalog folder when it exists, is readable and is UTF-8;
    /// otherwise nil and a problem saying which of those failed.
    static func readFile(_ name: String, in folder: URL, problems: inout Problems) -> Data? {
        let url = folder.appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: url.path) else {
            problems.add("\(name): missing from \(folder.path) (a catalog folder holds stores.yaml, models.yaml and inventory.csv)")
            return nil
        }
        guard let data = try? Data(contentsOf: url) else {
            problems.add("\(name): cannot read \(url.path)")
            return nil
        }
        if let fault = UTF8Fault.find(in: data) {
            problems.add("\(name): not UTF-8 text at \(fault.location). \(fault.advice)")
            return nil
        }
        return data
    }

    static func decodeYAML<T: Decodable>(_ name: String, in folder: URL, problems: inout Problems,
                                         warnings: inout [String]) -> T? {
        guard let data = readFile(name, in: folder, problems: &problems) else { return nil }
        let text = String(decoding: data, as: UTF8.self)
        do {
            let raw = try YAMLDecoder().decode(JSONValue.self, from: text)
            warnings += unknownKeys(raw, file: name)
            return try YAMLDecoder().decode(T.self, from: text)
        } catch let error as DecodingError {
            problems.add("\(name): \(error.showroomDescription)")
        } catch let error as ShowroomError {
            problems.add("\(name): \(error.message)")
        } catch {
            problems.add("\(name): not valid YAML (\(error))")
        }
        return nil
    }

    /// Keys the importer does not know, as warnings naming their path (a typo such as
    /// `range_kms` would otherwise vanish silently).
    static func unknownKeys(_ raw: JSONValue, file: String) -> [String] {
        var out: [String] = []
        func check(_ value: JSONValue?, _ known: Set<String>, _ path: String) {
            for key in (value?.objectValue?.keys.sorted() ?? []) where !known.contains(key) {
                out.append("\(file) \(path.isEmpty ? "(top level)" : path): unknown key '\(key)' ignored")
            }
        }
        func names<K: CodingKey & CaseIterable>(_: K.Type) -> Set<String> { Set(K.allCases.map(\.stringValue)) }
        if file == "stores.yaml" {
            check(raw, names(StoresFile.CodingKeys.self), "")
            for (i, s) in (raw["stores"]?.arrayValue ?? []).enumerated() {
                check(s, names(StoreEntry.CodingKeys.self), "stores[\(i)]")
                for (j, p) in (s["promotions"]?.arrayValue ?? []).enumerated() {
                    check(p, promotionKeys, "stores[\(i)].promotions[\(j)]")
                }
            }
        } else {
            check(raw, names(ModelsFile.CodingKeys.self), "")
            for (i, mk) in (raw["makes"]?.arrayValue ?? []).enumerated() {
                check(mk, names(MakeEntry.CodingKeys.self), "makes[\(i)]")
                for (j, m) in (mk["models"]?.arrayValue ?? []).enumerated() {
                    check(m, names(ModelEntry.CodingKeys.self), "makes[\(i)].models[\(j)]")
                    for (k, t) in (m["trims"]?.arrayValue ?? []).enumerated() {
                        check(t, names(TrimEntry.CodingKeys.self), "makes[\(i)].models[\(j)].trims[\(k)]")
                    }
                }
            }
        }
        return out
    }

    static func checkStores(_ stores: [StoreEntry], problems: inout Problems) {
        var ids = Set<String>(), keys = Set<String>()
        for (i, s) in stores.enumerated() {
            let at = "stores.yaml stores[\(i)] (\(s.id))"
            if s.id.range(of: #"^[a-z0-9][a-z0-9-]{1,40}$"#, options: .regularExpression) == nil {
                problems.add("\(at).id: '\(s.id)' must be 2-41 lower-case ASCII letters, digits or '-'")
            }
            if !ids.insert(s.id).inserted { problems.add("\(at).id: store '\(s.id)' appears twice") }
            if !keys.insert(s.publishableKey).inserted { problems.add("\(at).publishable_key: used by another store") }
            if TimeZone(identifier: s.timezone) == nil { problems.add("\(at).timezone: '\(s.timezone)' is not an IANA time zone") }
            do { _ = try StoreHours(s.hours) } catch { problems.add("\(at).\((error as? ShowroomError)?.message ?? "\(error)")") }
            do { _ = try TaxProfile.decode(s.taxProfile) } catch let e as ShowroomError {
                problems.add("\(at).\(e.message)")
            } catch { problems.add("\(at).tax_profile: \(error)") }
            var codes = Set<String>()
            for (j, p) in (s.promotions ?? []).enumerated() where !codes.insert(p.code.lowercased()).inserted {
                problems.add("\(at).promotions[\(j)].code: '\(p.code)' appears twice")
            }
        }
    }

    static func checkModels(_ makes: [MakeEntry], problems: inout Problems) {
        var makeNames = Set<String>()
        for (i, mk) in makes.enumerated() {
            let at = "models.yaml makes[\(i)] (\(mk.make))"
            if mk.make.trimmingCharacters(in: .whitespaces).isEmpty { problems.add("\(at).make: empty") }
            if !makeNames.insert(mk.make.lowercased()).inserted { problems.add("\(at).make: '\(mk.make)' appears twice") }
            var modelNames = Set<String>()
            for (j, m) in mk.models.enumerated() {
                let mat = "\(at).models[\(j)] (\(m.model))"
                if !modelNames.insert(m.model.lowercased()).inserted { problems.add("\(mat).model: appears twice") }
                if !(1...12).contains(m.seats) { problems.add("\(mat).seats: \(m.seats) is not 1-12") }
                if m.trims.isEmpty { problems.add("\(mat).trims: a model needs at least one trim") }
                var trimKeys = Set<String>()
                for (k, t) in m.trims.enumerated() {
                    let tat = "\(mat).trims[\(k)] (\(t.trim))"
                    if !trimKeys.insert("\(t.trim.lowercased())|\(t.year)").inserted {
                        problems.add("\(tat): trim '\(t.trim)' \(t.year) appears twice")
                    }
                    problems.items += trimProblems(t).map { "\(tat).\($0)" }
                }
            }
        }
    }

    /// Range checks that keep values inside the columns' types and plausible.
    static func trimProblems(_ t: TrimEntry) -> [String] {
        var out: [String] = []
        if !(1950...2100).contains(t.year) { out.append("year: \(t.year) is not 1950-2100") }
        if let s = t.seats, !(1...12).contains(s) { out.append("seats: \(s) is not 1-12") }
        let bounds: [(String, Decimal?, Decimal)] = [
            ("price_cny", t.priceCNY, 100_000_000), ("price_usd", t.priceUSD, 100_000_000),
            ("fuel_l_100km", t.fuelL100km, 100), ("kwh_100km", t.kwh100km, 100), ("battery_kwh", t.batteryKwh, 1000),
            ("accel_0_100_s", t.accel0to100, 100),
        ]
        for (name, value, limit) in bounds {
            if let v = value, !(v > 0 && v < limit) { out.append("\(name): \(v) is not between 0 and \(limit)") }
        }
        let ints: [(String, Int?, Int)] = [
            ("range_km", t.rangeKm, 3000), ("power_kw", t.powerKw, 3000), ("mpg_combined", t.mpgCombined, 1000),
            ("length_mm", t.lengthMm, 20000), ("width_mm", t.widthMm, 5000), ("height_mm", t.heightMm, 5000),
            ("wheelbase_mm", t.wheelbaseMm, 10000),
        ]
        for (name, value, limit) in ints {
            if let v = value, !(v > 0 && v < limit) { out.append("\(name): \(v) is not between 0 and \(limit)") }
        }
        return out
    }
}
