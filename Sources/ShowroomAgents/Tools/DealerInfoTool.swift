import ShowroomCore
import ShowroomData

/// `dealer_info`: the store's name, address, phone and opening hours.
struct DealerInfoTool: Tool {
    let name = "dealer_info"
    let description = "The store's name, address, phone, email and opening hours."
    let scope = ToolScope.customer
    let schema = Schema.object(["store_id": Schema.storeID], required: ["store_id"])

    func call(_ args: ToolArguments, _ ctx: ToolContext) async throws -> JSONValue {
        let s = try ctx.requireStore()
        let days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        return [
            "store_id": .string(s.id.rawValue),
            "name": .string(s.displayName(ctx.language)),
            "address": .string(s.address),
            "phone": .string(s.phone),
            "email": s.email.map { .string($0) } ?? .null,
            "timezone": .string(s.timezone),
            "hours": .object(Dictionary(uniqueKeysWithValues: days.map { ($0, JSONValue.string(s.hours[$0] ?? "closed")) })),
            "currency": .string(s.currency.rawValue),
        ]
    }
}
