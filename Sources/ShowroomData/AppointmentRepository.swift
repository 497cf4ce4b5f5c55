import Foundation
import PostgresNIO
import ShowroomCore

/// Test-drive appointments. A unit is never double-booked: bookings are checked under a row
/// lock on the unit, and an exclusion constraint backs the check.
public struct AppointmentRepository: Sendable {
    public let db: Database

    public init(db: Database) { self.db = db }

    public struct Appointment: Sendable, Hashable {
        public var id: UUID
        public var storeID: StoreID
        public var stockNumber: String?
        public var start: Date
        public var end: Date
        public var status: String
        public var phone: String
        /// The lead the booking recorded (written in the booking's transaction), if any.
        public var leadID: UUID? = nil
    }

    /// Booked intervals of a unit (or of the whole store when `unitID` is nil) in a window.
    public func bookings(store: StoreID, unitID: Int64?, from: Date, to: Date) async throws -> [DateInterval] {
        try await db.rows("""
            SELECT starts_at, ends_at FROM appointments
            WHERE store_id = \(store.rawValue) AND status = 'booked' AND ends_at > \(from) AND starts_at < \(to)
              AND (\(unitID)::bigint IS NULL OR unit_id = \(unitID))
            """).map { row in
            let (s, e) = try row.decode((Date, Date).self)
            return DateInterval(start: s, end: e)
        }
    }

    /// Books (or, with `replacing`, moves) an appointment in one transaction. `check` receives
    /// the unit's current bookings under lock and returns the slot or throws (e.g. `slot_taken`).
    /// Only the phone that booked an appointment can move it (digits compared), and an unknown
    /// id or another phone get the same `appointment_not_found`, so ids cannot be probed.
    /// `lead` runs in the same transaction after the slot is accepted and returns the lead's
    /// id: a booking that fails leaves no lead behind. `now` is the moment the booking is made
    /// (the caller's clock, so a test that fixes it sees the same bookings as `check` does):
    /// bookings that ended before it are not passed to `check`.
    public func book(store: StoreID, unitID: Int64?, stockNumber: String?, make: String?, model: String?, name: String, phone: String,
                     locale: String, conversationID: UUID?, replacing: UUID?, now: Date = Date(),
                     check: @Sendable ([DateInterval]) throws -> DateInterval,
                     lead: (PostgresConnection) async throws -> UUID? = { _ in nil }) async throws -> Appointment {
        do {
            return try await db.transaction { conn in
                if let unitID {
                    try await conn.query("SELECT id FROM inventory_units WHERE id = \(unitID) FOR UPDATE", logger: db.logger)
                }
                if let replacing {
                    let rows = try await conn.rows("""
                        UPDATE appointments SET status = 'cancelled', updated_at = now()
                        WHERE id = \(replacing) AND store_id = \(store.rawValue) AND status = 'booked'
                          AND regexp_replace(phone, '[^0-9]', '', 'g') = \(phone.filter(\.isNumber))
                        RETURNING id
                        """, logger: db.logger)
                    if rows.isEmpty {
                        throw ShowroomError("appointment_not_found", "No booked appointment \(replacing.uuidString.lowercased()) with that phone at this store.", status: 404)
                    }
                }
                let existing = try await conn.rows("""
                    SELECT starts_at, ends_at FROM appointments
                    WHERE store_id = \(store.rawValue) AND status = 'booked' AND (\(unitID)::bigint IS NULL OR unit_id = \(unitID))
                      AND ends_at > \(now)
                    """, logger: db.logger).map { row in
                    let (s, e) = try row.decode((Date, Date).self)
                    return DateInterval(start: s, end: e)
                }
                let slot = try check(existing)
                let leadID = try await lead(conn)
                let id = UUID()
                try await conn.query("""
                    INSERT INTO appointments (id, store_id, lead_id, unit_id, stock_number, make, model, name, phone, starts_at, ends_at, locale, conversation_id)
                    VALUES (\(id), \(store.rawValue), \(leadID), \(unitID), \(stockNumber), \(make), \(model), \(name), \(phone),
                            \(slot.start), \(slot.end), \(locale), \(conversationID))
                    """, logger: db.logger)
                return Appointment(id: id, storeID: store, stockNumber: stockNumber, start: slot.start, end: slot.end, status: "booked", phone: phone, leadID: leadID)
            }
        } catch let e as PSQLError where e.serverInfo?[.sqlState] == "23P01" {
            throw ShowroomError("slot_taken", "That time was just booked by someone else; pick another slot.", status: 409)
        }
    }

    /// The lead's booked test drive (the earliest, when there are several), or nil.
    public func booked(leadID: UUID) async throws -> Appointment? {
        try await db.rows("""
            SELECT id, store_id, stock_number, starts_at, ends_at, phone FROM appointments
            WHERE lead_id = \(leadID) AND status = 'booked' ORDER BY starts_at LIMIT 1
            """).first.map { row in
            let (id, store, stock, s, e, phone) = try row.decode((UUID, String, String?, Date, Date, String).self)
            return Appointment(id: id, storeID: StoreID(store), stockNumber: stock, start: s, end: e, status: "booked", phone: phone, leadID: leadID)
        }
    }

    /// Cancels a booked appointment; the phone must match the booking's.
    public func cancel(store: StoreID, id: UUID, phone: String) async throws -> Appointment {
        let digits = phone.filter(\.isNumber)
        let rows = try await db.rows("""
            UPDATE appointments SET status = 'cancelled', updated_at = now()
            WHERE id = \(id) AND store_id = \(store.rawValue) AND status = 'booked'
              AND regexp_replace(phone, '[^0-9]', '', 'g') = \(digits)
            RETURNING stock_number, starts_at, ends_at, phone
            """)
        guard let row = rows.first else {
            throw ShowroomError("appointment_not_found", "No booked appointment with that id and phone at this store.", status: 404)
        }
        let (stock, s, e, p) = try row.decode((String?, Date, Date, String).self)
        return Appointment(id: id, storeID: store, stockNumber: stock, start: s, end: e, status: "cancelled", phone: p)
    }
}
