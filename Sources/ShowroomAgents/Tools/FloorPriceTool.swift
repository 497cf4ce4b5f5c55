import ShowroomCore
import ShowroomData

/// `floor_price` (staff only): the lowest price a unit may be sold at, with its list price.
struct FloorPriceTool: Tool {
    let name = "floor_price"
    let description = "Staff only: the floor (minimum) price and list price of a stock unit."
    let scope = ToolScope.staff
    let schema = Schema.object(["store_id": Schema.storeID, "stock_number": Schema.stockNumber],
                               required: ["store_id", "stock_number"])

    func call(_ args: ToolArguments, _ ctx: ToolContext) async throws -> JSONValue {
        let store = try ctx.requireStore()
        let stock = try args.require("stock_number")
        guard let p = try await InventoryRepository(db: ctx.db).staffPrices(store: store.id, stockNumber: stock) else {
            throw ShowroomError("unknown_vehicle", "No vehicle '\(stock)' at this store.", status: 404)
        }
        return [
            "stock_number": .string(stock),
            "list": .number(p.list.amount),
            "floor": .number((p.floor ?? p.list).amount),
            "cost": p.cost.map { .number($0.amount) } ?? .null,
            "currency": .string(p.list.currency.rawValue),
        ]
    }
}
