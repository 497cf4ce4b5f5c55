import ShowroomCore
import ShowroomData

/// `get_vehicle`: one stock unit (by stock number or VIN) with its trim's specs, or a
/// model's trims with their published specs and the store's units of it.
struct GetVehicleTool: Tool {
    let name = "get_vehicle"
    let description = "Facts about one vehicle: a stock unit by stock_number or vin, or a model by make+model (optionally trim) with its published specs and the units in stock."
    let scope = ToolScope.customer
    let schema = Schema.object([
        "store_id": Schema.storeID,
        "stock_number": Schema.stockNumber,
        "vin": Schema.vin,
        "make": Schema.string("Make, English or Chinese"),
        "model": Schema.string("Model, English or Chinese"),
        "trim": Schema.string("Trim name or part of it"),
    ], required: ["store_id"], anyOf: [["stock_number"], ["vin"], ["model"]])

    func call(_ args: ToolArguments, _ ctx: ToolContext) async throws -> JSONValue {
        let store = try ctx.requireStore()
        let catalog = CatalogRepository(db: ctx.db)
        let inventory = InventoryRepository(db: ctx.db)
        if args.string("stock_number") != nil || args.string("vin") != nil {
            guard let unit = try await inventory.unit(store: store.id, stockNumber: args.string("stock_number"), vin: args.string("vin")?.uppercased()) else {
                let key = args.string("stock_number") ?? args.string("vin") ?? ""
                throw ShowroomError("unknown_vehicle", "No vehicle '\(key)' at this store.", status: 404)
            }
            var out: [String: JSONValue] = ["vehicle": unit.card]
            if let tid = unit.trimID, let spec = try await catalog.trim(id: tid) {
                out["specs"] = spec.specJSON(currency: store.currency)
            }
            return .object(out)
        }
        let asked = [args.string("make"), args.string("model")].compactMap { $0 }.joined(separator: " ")
        let resolved = try await catalog.match(make: args.string("make"), model: args.string("model") ?? "").requireOne(asked: asked)
        let model = resolved.model
        var trims = try await catalog.trims(make: resolved.make, model: model, trim: args.string("trim"))
        if trims.isEmpty, args.string("trim") != nil { trims = try await catalog.trims(make: resolved.make, model: model) }
        // Trims sold in the store's market first.
        trims.sort { ($0.price(in: store.currency) != nil ? 0 : 1, -$0.year) < ($1.price(in: store.currency) != nil ? 0 : 1, -$1.year) }
        var filter = InventoryFilter(storeID: store.id)
        filter.make = resolved.make
        filter.model = model
        let stock = try await inventory.search(filter, sort: .priceAsc, limit: 5)
        var out: [String: JSONValue] = [
            "make": .string(resolved.make), "model": .string(model),
            "trims": .array(trims.prefix(6).map { $0.specJSON(currency: store.currency) }),
            "in_stock": .number(Double(stock.total)),
            "vehicles": .array(stock.vehicles.map(\.card)),
        ]
        if stock.totalIsLowerBound { out["in_stock_is_lower_bound"] = .bool(true) }
        return .object(out)
    }
}
