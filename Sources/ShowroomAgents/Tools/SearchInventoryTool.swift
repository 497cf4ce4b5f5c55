import ShowroomCore
import ShowroomData

/// `search_inventory`: faceted search over a store's available units, with relaxation.
///
/// When nothing matches, constraints are dropped one at a time from the least important
/// (colour) to the most (make), and the dropped ones are named in `relaxed`, so a customer
/// gets the nearest alternatives instead of an empty answer. A model the catalog does not know
/// is never swapped for another: the make is searched with `model` in `relaxed`, plus
/// `unknown_model` and `suggestions`; dropping a name prefers cars of the asked body type,
/// powertrain and price band (`similar_to_requested`).
struct SearchInventoryTool: Tool {
    let name = "search_inventory"
    let description = "Search the store's in-stock vehicles by make, model, body type, powertrain, condition, price, seats, electric range, drivetrain, year, mileage and colour. Returns vehicle cards; when nothing matches it relaxes the least important filter and says which in `relaxed`."
    let scope = ToolScope.customer
    let schema = Schema.object([
        "store_id": Schema.storeID,
        "make": Schema.string("Make, English or Chinese, e.g. BYD / 比亚迪"),
        "model": Schema.string("Model, e.g. Han / 汉 / Model Y"),
        "body_type": Schema.bodyType,
        "powertrain": Schema.powertrain,
        "condition": Schema.condition,
        "price_min": Schema.number("Minimum price in the store's currency (whole units)", min: 0, max: 100_000_000),
        "price_max": Schema.number("Maximum price in the store's currency (whole units)", min: 0, max: 100_000_000),
        "seats_min": Schema.integer("Minimum seats", min: 1, max: 12),
        "range_min_km": Schema.integer("Minimum electric range in km", min: 0, max: 2000),
        "drivetrain": Schema.drivetrain,
        "year_min": Schema.integer("Minimum model year", min: 1980, max: 2100),
        "mileage_max_km": Schema.integer("Maximum mileage in km", min: 0, max: 2_000_000),
        "color": Schema.string("Exterior colour in English, e.g. white"),
        "sort": Schema.string("Sort order", enum: InventorySort.allCases.map(\.rawValue)),
        "limit": Schema.integer("Results per page (≤ 50)", min: 1, max: 50),
        "offset": Schema.integer("Results to skip", min: 0, max: 100_000),
    ], required: ["store_id"])

    func call(_ args: ToolArguments, _ ctx: ToolContext) async throws -> JSONValue {
        let store = try ctx.requireStore()
        var filter = InventoryFilter(storeID: store.id)
        let catalog = CatalogRepository(db: ctx.db)
        var relaxed: [String] = []
        var names: ModelMatch?
        if args.string("make") != nil || args.string("model") != nil {
            let m = try await catalog.match(make: args.string("make"), model: args.string("model"))
            if m.make == nil { throw Self.unknownModel(args, m) }
            filter.make = m.make
            if m.modelUnmatched {
                // The asked model is not in the catalog (or not of that make): never answer for
                // another model as if it were it — search the make and say the model was dropped.
                relaxed.append("model")
            } else if let one = m.model {
                filter.model = one
            } else if m.isAmbiguous {
                filter.models = m.models
            }
            names = m
        }
        filter.bodyType = args.enum("body_type", BodyType.self)
        filter.powertrain = args.enum("powertrain", Powertrain.self)
        filter.condition = args.enum("condition", VehicleCondition.self)
        filter.priceMin = args.double("price_min")
        filter.priceMax = args.double("price_max")
        if let lo = filter.priceMin, let hi = filter.priceMax, lo > hi {
            throw ShowroomError.invalid("price_min (\(lo)) is above price_max (\(hi)).")
        }
        filter.seatsMin = args.int("seats_min")
        filter.rangeMinKm = args.int("range_min_km")
        filter.drivetrain = args.enum("drivetrain", Drivetrain.self)
        filter.yearMin = args.int("year_min")
        filter.mileageMaxKm = args.int("mileage_max_km")
        filter.color = args.string("color")?.lowercased()
        let sort = args.enum("sort", InventorySort.self) ?? .priceAsc
        let limit = args.int("limit") ?? 5
        let offset = args.int("offset") ?? 0

        let repo = InventoryRepository(db: ctx.db)
        var found = try await repo.search(filter, sort: sort, limit: limit, offset: offset)
        var similar = false
        if found.total == 0 && offset == 0 {
            for step in Self.relaxations where step.isSet(filter) {
                step.clear(&filter)
                relaxed.append(step.name)
                if step.name == "model" || step.name == "make", let names, let asked = names.make {
                    // Dropping a name: prefer cars like the asked ones over the store's cheapest.
                    let profile = try await catalog.profile(make: asked, models: names.models.isEmpty ? nil : names.models, currency: store.currency)
                    for candidate in Self.similar(filter, profile) {
                        let hit = try await repo.search(candidate, sort: sort, limit: limit, offset: 0)
                        if hit.total > 0 { (filter, found, similar) = (candidate, hit, true); break }
                    }
                    if similar { break }
                }
                found = try await repo.search(filter, sort: sort, limit: limit, offset: 0)
                if found.total > 0 { break }
            }
        }
        var out: [String: JSONValue] = [
            "total": .number(Double(found.total)),
            "vehicles": .array(found.vehicles.map(\.card)),
            "relaxed": .array(relaxed.map { .string($0) }),
            "currency": .string(store.currency.rawValue),
            "applied_filters": Self.describe(filter),
        ]
        if let names, names.modelUnmatched {
            out["unknown_model"] = .string(names.requestedModel ?? "")
            out["suggestions"] = .array(names.suggestions.map { .string($0) })
        }
        if let names, names.isAmbiguous {
            // A family name (宋) matched several models: all are searched, and the reply can ask which.
            out["matched_models"] = .array(names.models.map { .string($0) })
        }
        if similar { out["similar_to_requested"] = .bool(true) }
        // Broad searches stop counting at the repository's cap: `total` is then "at least".
        if found.totalIsLowerBound { out["total_is_lower_bound"] = .bool(true) }
        return .object(out)
    }

    /// The precise error for names that match nothing, with the nearest catalog models.
    static func unknownModel(_ args: ToolArguments, _ m: ModelMatch) -> ShowroomError {
        let asked = [args.string("make"), args.string("model")].compactMap { $0 }.joined(separator: " ")
        let hint = m.suggestions.isEmpty ? "" : " Nearest in the catalog: \(m.suggestions.joined(separator: ", "))."
        return ShowroomError("unknown_model", "No make or model in the catalog matches '\(asked)'.\(hint)", status: 404)
    }

    /// Filters for "cars like the asked ones", most alike first: same body type, powertrain and
    /// price band (±30 % of the model's lowest catalog price), then without the band, then
    /// powertrain alone, then body type alone. Constraints the customer set are kept.
    static func similar(_ f: InventoryFilter, _ p: (bodyType: BodyType?, powertrain: Powertrain?, referencePrice: Double?)) -> [InventoryFilter] {
        var out: [InventoryFilter] = []
        func add(body: Bool, power: Bool, band: Bool) {
            var c = f
            if body, c.bodyType == nil { c.bodyType = p.bodyType }
            if power, c.powertrain == nil { c.powertrain = p.powertrain }
            if band, let ref = p.referencePrice, c.priceMin == nil, c.priceMax == nil {
                (c.priceMin, c.priceMax) = ((ref * 0.7).rounded(), (ref * 1.3).rounded())
            }
            if c != f, !out.contains(c) { out.append(c) }
        }
        add(body: true, power: true, band: true)
        add(body: true, power: true, band: false)
        add(body: false, power: true, band: false)
        add(body: true, power: false, band: false)
        return out
    }

    struct Relaxation: Sendable {
        let name: String
        let isSet: @Sendable (InventoryFilter) -> Bool
        let clear: @Sendable (inout InventoryFilter) -> Void
    }

    static let relaxations: [Relaxation] = [
        .init(name: "color", isSet: { $0.color != nil }, clear: { $0.color = nil }),
        .init(name: "year_min", isSet: { $0.yearMin != nil }, clear: { $0.yearMin = nil }),
        .init(name: "mileage_max_km", isSet: { $0.mileageMaxKm != nil }, clear: { $0.mileageMaxKm = nil }),
        .init(name: "drivetrain", isSet: { $0.drivetrain != nil }, clear: { $0.drivetrain = nil }),
        .init(name: "range_min_km", isSet: { $0.rangeMinKm != nil }, clear: { $0.rangeMinKm = nil }),
        .init(name: "condition", isSet: { $0.condition != nil }, clear: { $0.condition = nil }),
        .init(name: "price_min", isSet: { $0.priceMin != nil }, clear: { $0.priceMin = nil }),
        .init(name: "price_max", isSet: { $0.priceMax != nil }, clear: { f in f.priceMax = f.priceMax.map { $0 * 1.25 } }),
        .init(name: "seats_min", isSet: { $0.seatsMin != nil }, clear: { $0.seatsMin = nil }),
        .init(name: "model", isSet: { $0.model != nil || $0.models != nil }, clear: { $0.model = nil; $0.models = nil }),
        .init(name: "body_type", isSet: { $0.bodyType != nil }, clear: { $0.bodyType = nil }),
        .init(name: "powertrain", isSet: { $0.powertrain != nil }, clear: { $0.powertrain = nil }),
        .init(name: "make", isSet: { $0.make != nil }, clear: { $0.make = nil }),
    ]

    static func describe(_ f: InventoryFilter) -> JSONValue {
        var o: [String: JSONValue] = [:]
        if let v = f.make { o["make"] = .string(v) }
        if let v = f.model { o["model"] = .string(v) }
        if let v = f.models { o["models"] = .array(v.map { .string($0) }) }
        if let v = f.bodyType { o["body_type"] = .string(v.rawValue) }
        if let v = f.powertrain { o["powertrain"] = .string(v.rawValue) }
        if let v = f.condition { o["condition"] = .string(v.rawValue) }
        if let v = f.priceMin { o["price_min"] = .number(v) }
        if let v = f.priceMax { o["price_max"] = .number(v) }
        if let v = f.seatsMin { o["seats_min"] = .number(Double(v)) }
        if let v = f.rangeMinKm { o["range_min_km"] = .number(Double(v)) }
        if let v = f.drivetrain { o["drivetrain"] = .string(v.rawValue) }
        if let v = f.yearMin { o["year_min"] = .number(Double(v)) }
        if let v = f.mileageMaxKm { o["mileage_max_km"] = .number(Double(v)) }
        if let v = f.color { o["color"] = .string(v) }
        return .object(o)
    }
}
