import Foundation
import ShowroomCore

extension ConversationRepository {
    /// The conversation's vehicle context (`{"stock_number", "vin"}` of the car page the widget is on), or nil.
    public func vehicleContext(_ id: UUID) async throws -> JSONValue? {
        let rows = try await db.rows("SELECT vehicle_context::text FROM conversations WHERE id = \(id)")
        return try rows.first.flatMap { try $0.decode(String?.self) }.flatMap(JSONValue.parse)
    }

    /// Moves the conversation to another car (the customer opened its page): stores the vehicle
    /// context and makes the car the profile's focus (so "这台车" and "this one" mean it) in one
    /// statement, then appends `greeting`. Returns the stored greeting, or nil for an unknown conversation.
    public func focusVehicle(_ id: UUID, context: JSONValue, stockNumber: String, greeting: StoredMessage) async throws -> StoredMessage? {
        let rows = try await db.rows("""
            UPDATE conversations
            SET vehicle_context = \(context.jsonString())::jsonb,
                profile = coalesce(profile, '{}'::jsonb) || jsonb_build_object('focus_stock', \(stockNumber)::text)
            WHERE id = \(id) RETURNING id
            """)
        guard !rows.isEmpty else { return nil }
        return try await append(id, messages: [greeting]).first
    }
}
