import Foundation
import ShowroomCore
import ShowroomData

/// `create_lead`: records a customer for the sales team (name, phone or email, explicit
/// consent), deduplicated by contact per store, with the vehicle of interest and the conversation.
struct CreateLeadTool: Tool {
    let name = "create_lead"
    let description = "Pass the customer to the sales team: name, phone or email, and explicit consent to be contacted; optionally the stock number of interest and a note."
    let scope = ToolScope.customer
    let schema = Schema.object([
        "store_id": Schema.storeID,
        "name": Schema.string("Customer name", maxLength: 100),
        "phone": Schema.string("Phone", maxLength: 30),
        "email": Schema.string("Email", maxLength: 200),
        "consent": Schema.bool("The customer agrees to be contacted (must be true)"),
        "stock_number": Schema.stockNumber,
        "note": Schema.string("What the customer wants", maxLength: 1000),
        "interest": Schema.string("buy, lease, trade-in or test-drive", enum: ["buy", "lease", "trade-in", "test-drive"]),
    ], required: ["store_id", "name", "consent"], anyOf: [["phone"], ["email"]])

    func call(_ args: ToolArguments, _ ctx: ToolContext) async throws -> JSONValue {
        let store = try ctx.requireStore()
        guard args.bool("consent") == true else {
            throw ShowroomError("consent_required", "The customer's explicit consent to be contacted is required.")
        }
        if let e = args.string("email"), e.range(of: #"^[^@\s]+@[^@\s]+\.[^@\s]+$"#, options: .regularExpression) == nil {
            throw ShowroomError.invalid("email is not a valid address")
        }
        if let p = args.string("phone"), p.filter(\.isNumber).count < 7 { throw ShowroomError.invalid("phone must have at least 7 digits") }
        var unit: VehicleRecord?
        if let s = args.string("stock_number") {
            unit = try await InventoryRepository(db: ctx.db).unit(store: store.id, stockNumber: s)
            guard unit != nil else { throw ShowroomError("unknown_vehicle", "No vehicle '\(s)' at this store.", status: 404) }
        }
        let interest = args.string("interest") ?? ADFDocument.interest(for: ctx.intent)
        let (lead, created) = try await LeadRepository(db: ctx.db).upsert(
            store: store.id, name: try args.require("name"), phone: args.string("phone"), email: args.string("email"),
            interest: interest, stockNumber: unit?.stockNumber, vin: unit?.vin,
            vehicle: unit.map { ["year": .number(Double($0.year)), "make": .string($0.make), "model": .string($0.model)] },
            conversationID: ctx.conversationID, note: args.string("note"))
        return ["lead_id": .string(lead.id.uuidString.lowercased()), "created": .bool(created)]
    }
}
