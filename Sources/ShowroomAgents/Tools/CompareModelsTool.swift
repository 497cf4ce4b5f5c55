import ShowroomCore
import ShowroomData

/// `compare_models`: published specs of 2–4 models side by side (a row per spec, a column per model).
struct CompareModelsTool: Tool {
    let name = "compare_models"
    let description = "Compare 2 to 4 models side by side on published specs (price, range or fuel use, power, battery, size, seats, drivetrain)."
    let scope = ToolScope.customer
    let schema = Schema.object([
        "store_id": Schema.storeID,
        "models": [
            "type": "array", "minItems": 2, "maxItems": 4,
            "items": Schema.object([
                "make": Schema.string("Make"), "model": Schema.string("Model"), "trim": Schema.string("Trim"),
            ], required: ["model"]),
        ],
    ], required: ["models"])

    static let rows = ["msrp", "powertrain", "body_type", "seats", "drivetrain", "range_km", "fuel_l_100km", "kwh_100km",
                       "power_kw", "battery_kwh", "accel_0_100_s", "length_mm", "width_mm", "height_mm", "wheelbase_mm"]

    func call(_ args: ToolArguments, _ ctx: ToolContext) async throws -> JSONValue {
        let currency = ctx.store?.currency ?? .USD
        let catalog = CatalogRepository(db: ctx.db)
        var columns: [JSONValue] = []
        for item in args.values["models"]?.arrayValue ?? [] {
            let make = item["make"]?.stringValue, model = item["model"]?.stringValue
            let r = try await catalog.match(make: make, model: model ?? "")
                .requireOne(asked: [make, model].compactMap { $0 }.joined(separator: " "))
            let m = r.model
            let trims = try await catalog.trims(make: r.make, model: m, trim: item["trim"]?.stringValue)
            let pick = trims.first { $0.price(in: currency) != nil } ?? trims.first
            guard let spec = pick else {
                throw ShowroomError("unknown_model", "No published specs for \(r.make) \(m).", status: 404)
            }
            columns.append(spec.specJSON(currency: currency))
        }
        let rows: [JSONValue] = Self.rows.compactMap { key in
            let values = columns.map { $0[key] ?? .null }
            return values.allSatisfy(\.isNull) ? nil : ["spec": .string(key), "values": .array(values)]
        }
        return ["columns": .array(columns), "rows": .array(rows), "currency": .string(currency.rawValue)]
    }
}
