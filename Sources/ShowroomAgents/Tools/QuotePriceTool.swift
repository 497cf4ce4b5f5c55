import Foundation
import ShowroomCore
import ShowroomData

/// `quote_price`: an itemized out-the-door estimate for a stock unit with the store's tax
/// profile and promotions. The floor price is read only to clamp discounts; it never leaves.
struct QuotePriceTool: Tool {
    let name = "quote_price"
    let description = "Out-the-door price estimate of a stock unit: price, taxes, fees, promotions and trade-in credit, itemized, with a disclaimer. Not an offer."
    let scope = ToolScope.customer
    let schema = Schema.object([
        "store_id": Schema.storeID,
        "stock_number": Schema.stockNumber,
        "trade_in_value": Schema.number("Trade-in credit in the store's currency", min: 0, max: 10_000_000),
        "include_insurance": Schema.bool("Include compulsory insurance fees where configured"),
        "promotion_codes": Schema.strings("Promotion codes the customer has"),
    ], required: ["store_id", "stock_number"])

    func call(_ args: ToolArguments, _ ctx: ToolContext) async throws -> JSONValue {
        let store = try ctx.requireStore()
        let stock = try args.require("stock_number")
        let inventory = InventoryRepository(db: ctx.db)
        guard let unit = try await inventory.unit(store: store.id, stockNumber: stock) else {
            throw ShowroomError("unknown_vehicle", "No vehicle '\(stock)' at this store.", status: 404)
        }
        guard unit.status == .available || unit.status == .inTransit else {
            throw ShowroomError("vehicle_unavailable", "\(unit.stockNumber) is no longer available.", status: 409)
        }
        let floor = try await inventory.staffPrices(store: store.id, stockNumber: unit.stockNumber)?.floor
        let profile = try TaxProfile.decode(store.taxProfile)
        let promotions = try await PromotionRepository(db: ctx.db).active(store: store.id)
        let tradeIn = args.double("trade_in_value").flatMap { Money(amount: $0, currency: store.currency) }
        let request = PriceQuoteRequest(
            listPrice: unit.price, floorPrice: floor,
            vehicle: QuoteVehicle(make: unit.make, model: unit.model, powertrain: unit.powertrain ?? .ice, condition: unit.condition),
            purchaseDate: LocalDate(ctx.now, in: store.timeZone), tradeInCredit: tradeIn,
            includeInsurance: args.bool("include_insurance") ?? true, promotionCodes: args.strings("promotion_codes"),
            promotions: promotions, language: ctx.language)
        let quote = try PriceQuoteCalculator(profile: profile).quote(request)
        var out = quote.json.objectValue ?? [:]
        out["stock_number"] = .string(unit.stockNumber)
        out["vehicle"] = unit.card
        return .object(out)
    }
}
