import Foundation
import PostgresNIO
import ShowroomCore

/// Reads leads for the staff API: filtered lists (store scope, days, status) and single leads.
///
/// Writing leads belongs to the `create_lead` tool; this side only reads.
public struct LeadRepository: Sendable {
    public let db: Database

    public init(db: Database) { self.db = db }

    /// What a lead list is narrowed by. `stores == nil` means every store.
    public struct Filter: Sendable, Hashable {
        public var stores: [StoreID]?
        public var days: DayRange
        public var status: String?

        public init(stores: [StoreID]? = nil, days: DayRange = .all, status: String? = nil) {
            self.stores = stores
            self.days = days
            self.status = status
        }
    }

    static let columns = """
        l.id, l.store_id, l.name, l.phone, l.email, l.consent, l.consent_at, l.interest, l.status, l.stock_number,
        l.vin, l.vehicle::text, l.conversation_id, l.note, l.anonymized, l.created_at, l.updated_at
        """

    /// Leads matching the filter, newest first, paged, with the count before paging.
    public func list(_ f: Filter, limit: Int = 50, offset: Int = 0) async throws -> (total: Int, leads: [LeadRecord]) {
        let stores = f.stores?.map(\.rawValue)
        let rows = try await db.rows("""
            SELECT \(unescaped: Self.columns), count(*) OVER ()
            FROM leads l JOIN stores s ON s.id = l.store_id
            WHERE (\(stores)::text[] IS NULL OR l.store_id = ANY(\(stores)::text[]))
              AND (\(f.status)::text IS NULL OR l.status = \(f.status))
              AND (\(f.days.from)::date IS NULL OR (l.created_at AT TIME ZONE s.timezone)::date >= \(f.days.from)::date)
              AND (\(f.days.to)::date IS NULL OR (l.created_at AT TIME ZONE s.timezone)::date <= \(f.days.to)::date)
            ORDER BY l.created_at DESC, l.id
            LIMIT \(limit) OFFSET \(offset)
            """)
        var total = 0
        var out: [LeadRecord] = []
        for row in rows {
            out.append(try Self.decode(row))
            total = try Array(row)[17].decode(Int.self)
        }
        if out.isEmpty && offset > 0 {
            total = try await db.rows("""
                SELECT count(*) FROM leads l JOIN stores s ON s.id = l.store_id
                WHERE (\(stores)::text[] IS NULL OR l.store_id = ANY(\(stores)::text[]))
                  AND (\(f.status)::text IS NULL OR l.status = \(f.status))
                  AND (\(f.days.from)::date IS NULL OR (l.created_at AT TIME ZONE s.timezone)::date >= \(f.days.from)::date)
                  AND (\(f.days.to)::date IS NULL OR (l.created_at AT TIME ZONE s.timezone)::date <= \(f.days.to)::date)
                """).first?.decode(Int.self) ?? 0
        }
        return (total, out)
    }

    /// One lead by id, or nil.
    public func lead(_ id: UUID) async throws -> LeadRecord? {
        try await db.rows("SELECT \(unescaped: Self.columns) FROM leads l WHERE l.id = \(id)").first.map(Self.decode)
    }

    static func decode(_ row: PostgresRow) throws -> LeadRecord {
        let c = Array(row)
        return LeadRecord(
            id: try c[0].decode(UUID.self), storeID: StoreID(try c[1].decode(String.self)), name: try c[2].decode(String.self),
            phone: try c[3].decode(String?.self), email: try c[4].decode(String?.self), consent: try c[5].decode(Bool.self),
            consentAt: try c[6].decode(Date.self), interest: try c[7].decode(String.self), status: try c[8].decode(String.self),
            stockNumber: try c[9].decode(String?.self), vin: try c[10].decode(String?.self),
            vehicle: try c[11].decode(String?.self).flatMap(JSONValue.parse), conversationID: try c[12].decode(UUID?.self),
            note: try c[13].decode(String?.self), anonymized: try c[14].decode(Bool.self), createdAt: try c[15].decode(Date.self),
            updatedAt: try c[16].decode(Date.self))
    }
}
