import Foundation
import ShowroomCore
import ShowroomData

/// `appraise_trade_in`: a low–high estimate from the catalog's new price of the model (or a
/// segment default), age, mileage and condition; always pending inspection.
struct AppraiseTradeInTool: Tool {
    let name = "appraise_trade_in"
    let description = "Trade-in value range for the customer's current car from make, model, year, mileage and condition, with the assumptions used. Pending inspection; not an offer."
    let scope = ToolScope.customer
    let schema = Schema.object([
        "store_id": Schema.storeID,
        "make": Schema.string("Make"),
        "model": Schema.string("Model"),
        "year": Schema.integer("Model year", min: 1980, max: 2100),
        "mileage_km": Schema.integer("Odometer in km", min: 0, max: 1_000_000),
        "condition": Schema.string("Condition", enum: TradeInCondition.allCases.map(\.rawValue)),
    ], required: ["store_id", "make", "model", "year", "mileage_km"])

    func call(_ args: ToolArguments, _ ctx: ToolContext) async throws -> JSONValue {
        let store = try ctx.requireStore()
        let catalog = CatalogRepository(db: ctx.db)
        var reference: Money?
        var powertrain: Powertrain?
        var body: BodyType?
        var resolvedName = "\(try args.require("make")) \(try args.require("model"))"
        if let r = try await catalog.resolve(make: args.string("make"), model: args.string("model")), let model = r.model {
            resolvedName = "\(r.make) \(model)"
            let trims = try await catalog.trims(make: r.make, model: model)
            let priced = trims.compactMap { t in t.price(in: store.currency).map { (t, $0) } }
            reference = priced.map(\.1).min()
            powertrain = trims.first?.powertrain
            body = trims.first?.bodyType
        }
        let request = TradeInRequest(
            referenceNewPrice: reference ?? TradeInAppraiser.segmentDefault(for: body, currency: store.currency),
            referenceIsSegmentDefault: reference == nil, year: args.int("year") ?? 0, mileageKm: args.int("mileage_km") ?? -1,
            condition: args.enum("condition", TradeInCondition.self), powertrain: powertrain,
            asOf: LocalDate(ctx.now, in: store.timeZone))
        let estimate = try TradeInAppraiser().appraise(request)
        var out = estimate.json(ctx.language).objectValue ?? [:]
        out["vehicle"] = .string("\(args.int("year") ?? 0) \(resolvedName)")
        return .object(out)
    }
}
