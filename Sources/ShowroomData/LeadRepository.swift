import Foundation
import Logging
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
    /// Returns it and whether it was new. See `upsert(on:...)`.
    public func upsert(store: StoreID, name: String, phone: String?, email: String?, interest: String,
                       stockNumber: String?, vin: String?, vehicle: JSONValue?, conversationID: UUID?, note: String?) async throws
        -> (lead: Lead, created: Bool)
    {
        try await db.transaction { conn in
            try await Self.upsert(on: conn, logger: db.logger, store: store, name: name, phone: phone, email: email, interest: interest,
                                  stockNumber: stockNumber, vin: vin, vehicle: vehicle, conversationID: conversationID, note: note)
        }
    }

    /// The upsert inside a caller's transaction (a booking writes its lead with the appointment).
    ///
    /// A lead is the same person when ANY contact matches at the store: the phone's digits or the
    /// lower-cased email (email first, then email + phone is one lead, not two). When several
    /// leads match, the oldest is refreshed. Lead writes of a store are serialized by a
    /// transaction-scoped advisory lock, so two first contacts cannot both insert. The interest
    /// is never downgraded: test-drive (2) > lease, trade-in (1) > buy (0); an equal rank takes
    /// the newer one.
    public static func upsert(on conn: PostgresConnection, logger: Logger, store: StoreID, name: String, phone: String?, email: String?,
                              interest: String, stockNumber: String?, vin: String?, vehicle: JSONValue?, conversationID: UUID?,
                              note: String?) async throws -> (lead: Lead, created: Bool)
    {
        guard let key = Lead.contactKey(phone: phone, email: email) else {
            throw ShowroomError.invalid("A phone number or an email address is required.")
        }
        let digits = phone.map { String($0.filter(\.isNumber)) }.flatMap { $0.count >= 7 ? $0 : nil }
        let mail = email.map { $0.trimmed.lowercased() }.flatMap { $0.contains("@") ? $0 : nil }
        let keys = [digits.map { "tel:" + $0 }, mail.map { "mail:" + $0 }].compactMap { $0 }
        try await conn.query("SELECT pg_advisory_xact_lock(hashtext('leads:' || \(store.rawValue)))", logger: logger)
        let rows = try await conn.rows("""
            WITH hit AS (
                SELECT id FROM leads, LATERAL (SELECT regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g') AS pd, \(digits)::text AS d) x
                WHERE store_id = \(store.rawValue)
                  AND ((x.d IS NOT NULL AND \(unescaped: Self.samePhone("x.pd", "x.d")))
                    OR (\(mail)::text IS NOT NULL AND lower(email) = \(mail))
                    OR contact_key = ANY(\(keys)))
                ORDER BY created_at, id LIMIT 1
            ), updated AS (
                UPDATE leads SET
                    name = \(name), phone = coalesce(\(phone), leads.phone), email = coalesce(\(email), leads.email),
                    interest = CASE WHEN \(Lead.interestRank(interest)) >= \(unescaped: Lead.interestRankSQL("leads.interest"))
                                    THEN \(interest) ELSE leads.interest END,
                    stock_number = coalesce(\(stockNumber), leads.stock_number), vin = coalesce(\(vin), leads.vin),
                    vehicle = coalesce(\(vehicle?.jsonString())::jsonb, leads.vehicle),
                    conversation_id = coalesce(\(conversationID), leads.conversation_id),
                    note = coalesce(\(note), leads.note), consent = true, consent_at = now(), updated_at = now()
                FROM hit WHERE leads.id = hit.id
                RETURNING \(unescaped: Self.qualifiedColumns), false
            ), inserted AS (
                INSERT INTO leads (id, store_id, contact_key, name, phone, email, consent, interest, stock_number, vin, vehicle, conversation_id, note)
                SELECT \(UUID()), \(store.rawValue), \(key), \(name), \(phone), \(email), true, \(interest), \(stockNumber), \(vin),
                       \(vehicle?.jsonString())::jsonb, \(conversationID), \(note)
                WHERE NOT EXISTS (SELECT 1 FROM hit)
                RETURNING \(unescaped: Self.qualifiedColumns), true
            )
            SELECT * FROM updated UNION ALL SELECT * FROM inserted
            """, logger: logger)
        guard let row = rows.first else { throw ShowroomError("lead_failed", "The lead could not be saved.", status: 500) }
        return (try Self.decode(row), try Array(row)[14].decode(Bool.self))
    }

    /// SQL: the digit strings `a` and `b` are the same phone — equal, or, when both have at
    /// least 10 digits, one is the other with a country code in front (+1 415… = 415…).
    static func samePhone(_ a: String, _ b: String) -> String {
        "(\(a) = \(b) OR (least(length(\(a)), length(\(b))) >= 10 AND (right(\(a), length(\(b))) = \(b) OR right(\(b), length(\(a))) = \(a))))"
    }

    /// `columns` qualified by the table, for statements that join.
    static var qualifiedColumns: String {
        columns.split(separator: ",").map { "leads." + $0.trimmingCharacters(in: .whitespacesAndNewlines) }.joined(separator: ", ")
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
