import Foundation
import ShowroomCore
import ShowroomData

/// `recommend`: needs-based ranking of in-stock units with reasons grounded in their specs,
/// at most one pick per model.
struct RecommendTool: Tool {
    let name = "recommend"
    let description = "Recommend in-stock vehicles for the customer's needs (budget, seats, body type, powertrain, usage, home charging, priorities), with short reasons from the specs."
    let scope = ToolScope.customer
    let schema = Schema.object([
        "store_id": Schema.storeID,
        "price_max": Schema.number("Budget in the store's currency", min: 0, max: 100_000_000),
        "currency": Schema.string("Currency of price_max", enum: Currency.allCases.map(\.rawValue)),
        "seats_min": Schema.integer("Minimum seats", min: 1, max: 12),
        "body_type": Schema.bodyType,
        "powertrain": Schema.powertrain,
        "usage": Schema.string("Main use", enum: RecommendationNeeds.Usage.allCases.map(\.rawValue)),
        "home_charging": Schema.bool("Can charge at home"),
        "priorities": Schema.strings("What matters most", enum: RecommendationNeeds.Priority.allCases.map(\.rawValue)),
        "limit": Schema.integer("Number of picks", min: 1, max: 10),
    ], required: ["store_id"])

    func call(_ args: ToolArguments, _ ctx: ToolContext) async throws -> JSONValue {
        let store = try ctx.requireStore()
        if let c = args.string("currency"), c != store.currency.rawValue {
            throw ShowroomError.invalid("This store prices in \(store.currency.rawValue); a budget in \(c) cannot be compared.")
        }
        var filter = InventoryFilter(storeID: store.id)
        // Candidates: everything within 110% of the budget; the scorer applies the hard limits.
        filter.priceMax = args.double("price_max").map { $0 * 1.1 }
        let candidates = try await InventoryRepository(db: ctx.db).search(filter, sort: .priceAsc, limit: 400).vehicles
        let facts = candidates.map { v in
            VehicleFacts(id: v.stockNumber, make: v.make, model: v.model, trim: v.trim, bodyType: v.bodyType, powertrain: v.powertrain,
                         seats: v.seats, price: v.price, rangeKm: v.rangeKm, year: v.year, condition: v.condition, mileageKm: v.mileageKm)
        }
        let needs = RecommendationNeeds(
            priceMax: args.double("price_max").flatMap { Money(amount: $0, currency: store.currency) }, seatsMin: args.int("seats_min"),
            bodyType: args.enum("body_type", BodyType.self), powertrain: args.enum("powertrain", Powertrain.self),
            usage: args.enum("usage", RecommendationNeeds.Usage.self), homeCharging: args.bool("home_charging"),
            priorities: args.strings("priorities").compactMap(RecommendationNeeds.Priority.init(rawValue:)))
        let picks = try RecommendationScorer().rank(facts, for: needs, limit: args.int("limit") ?? 3)
        let byStock = Dictionary(candidates.map { ($0.stockNumber, $0) }, uniquingKeysWith: { a, _ in a })
        return ["picks": .array(picks.compactMap { p in
            guard let v = byStock[p.vehicle.id] else { return nil }
            return ["vehicle": v.card, "score": .number((p.score * 10).rounded() / 10),
                    "reasons": .array(p.reasons.map { .string($0.text(ctx.language)) })]
        })]
    }
}
