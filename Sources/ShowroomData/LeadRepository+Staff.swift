import Foundation
import PostgresNIO
import ShowroomCore

/// The staff API's lead lists: store scope, store-local days, status, paging with a total.
extension LeadRepository {
    /// What a staff lead list is narrowed by. `stores == nil` means every store.
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

    /// Leads matching the filter (anonymized ones left out), newest first, paged, with the count before paging.
    /// A lead counts on the day its store's wall clock showed when it was created.
    public func list(_ f: Filter, limit: Int = 50, offset: Int = 0) async throws -> (total: Int, leads: [Lead]) {
        let stores = f.stores?.map(\.rawValue)
        let rows = try await db.rows("""
            SELECT \(unescaped: Self.columns), count(*) OVER () FROM (
              SELECT leads.*, (leads.created_at AT TIME ZONE s.timezone)::date AS local_day
              FROM leads JOIN stores s ON s.id = leads.store_id
              WHERE NOT leads.anonymized
                AND (\(stores)::text[] IS NULL OR leads.store_id = ANY(\(stores)::text[]))
                AND (\(f.status)::text IS NULL OR leads.status = \(f.status))
            ) l
            WHERE (\(f.days.from)::date IS NULL OR local_day >= \(f.days.from)::date)
              AND (\(f.days.to)::date IS NULL OR local_day <= \(f.days.to)::date)
            ORDER BY created_at DESC, id
            LIMIT \(limit) OFFSET \(offset)
            """)
        var total = 0
        var out: [Lead] = []
        for row in rows {
            out.append(try Self.decode(row))
            total = try Array(row)[14].decode(Int.self)
        }
        if out.isEmpty && offset > 0 {
            total = try await list(f, limit: 1, offset: 0).total
        }
        return (total, out)
    }
}
