import Foundation
import PostgresNIO
import ShowroomCore

/// Leads: created (or refreshed) by contact per store, found and read by staff.
public struct LeadRepository: Sendable {
    public let db: Database

    public init(db: Database) { self.db = db }

    static let columns = """
        id, store_id, name, phone, email, interest, status, stock_number, vin, vehicle::text, conversation_id, note, created_at, updated_at
        """

    /// Creates a lead, or refreshes the one with the same contact at the store.
    /// Returns it and whether it was new.
    public func upsert(store: StoreID, name: String, phone: String?, email: String?, interest: String,
                       stockNumber: String?, vin: String?, vehicle: JSONValue?, conversationID: UUID?, note: String?) async throws
        -> (lead: Lead, created: Bool)
    {
        guard let key = Lead.contactKey(phone: phone, email: email) else {
            throw ShowroomError.invalid("A phone number or an email address is required.")
        }
        let rows = try await db.rows("""
            INSERT INTO leads (id, store_id, contact_key, name, phone, email, consent, interest, stock_number, vin, vehicle, conversation_id, note)
            VALUES (\(UUID()), \(store.rawValue), \(key), \(name), \(phone), \(email), true, \(interest), \(stockNumber), \(vin),
                    \(vehicle?.jsonString())::jsonb, \(conversationID), \(note))
            ON CONFLICT (store_id, contact_key) DO UPDATE SET
                name = EXCLUDED.name, phone = coalesce(EXCLUDED.phone, leads.phone), email = coalesce(EXCLUDED.email, leads.email),
                interest = EXCLUDED.interest, stock_number = coalesce(EXCLUDED.stock_number, leads.stock_number),
                vin = coalesce(EXCLUDED.vin, leads.vin), vehicle = coalesce(EXCLUDED.vehicle, leads.vehicle),
                conversation_id = coalesce(EXCLUDED.conversation_id, leads.conversation_id),
                note = coalesce(EXCLUDED.note, leads.note), consent_at = now(), updated_at = now()
            RETURNING \(unescaped: Self.columns), (xmax = 0)
            """)
        guard let row = rows.first else { throw ShowroomError("lead_failed", "The lead could not be saved.", status: 500) }
        return (try Self.decode(row), try Array(row)[14].decode(Bool.self))
    }

    public func get(_ id: UUID) async throws -> Lead? {
        try await db.rows("SELECT \(unescaped: Self.columns) FROM leads WHERE id = \(id)").first.map(Self.decode)
    }

    /// Leads of the stores given (all when nil), newest first, filtered by text, status and dates.
    public func find(stores: [String]?, query: String? = nil, status: String? = nil, since: Date? = nil, until: Date? = nil,
                     limit: Int = 100, offset: Int = 0) async throws -> [Lead] {
        let pattern = query.map { "%\($0.lowercased())%" }
        return try await db.rows("""
            SELECT \(unescaped: Self.columns) FROM leads
            WHERE (\(stores)::text[] IS NULL OR store_id = ANY(\(stores)))
              AND (\(status)::text IS NULL OR status = \(status))
              AND (\(since)::timestamptz IS NULL OR created_at >= \(since))
              AND (\(until)::timestamptz IS NULL OR created_at < \(until))
              AND (\(pattern)::text IS NULL OR lower(name) LIKE \(pattern) OR phone LIKE \(pattern) OR lower(email) LIKE \(pattern)
                   OR lower(coalesce(stock_number, '')) LIKE \(pattern))
              AND NOT anonymized
            ORDER BY created_at DESC LIMIT \(limit) OFFSET \(offset)
            """).map(Self.decode)
    }

    static func decode(_ row: PostgresRow) throws -> Lead {
        let c = Array(row)
        func os(_ i: Int) throws -> String? { try c[i].decode(String?.self) }
        return Lead(id: try c[0].decode(UUID.self), storeID: StoreID(try c[1].decode(String.self)), name: try c[2].decode(String.self),
                    phone: try os(3), email: try os(4), interest: try c[5].decode(String.self), status: try c[6].decode(String.self),
                    stockNumber: try os(7), vin: try os(8), vehicle: try os(9).flatMap(JSONValue.parse),
                    conversationID: try c[10].decode(UUID?.self), note: try os(11),
                    createdAt: try c[12].decode(Date.self), updatedAt: try c[13].decode(Date.self))
    }
}
