import Foundation
import PostgresNIO
import ShowroomCore

/// Reads stores. Stores change rarely (catalog import), so callers may cache them briefly.
public struct StoreRepository: Sendable {
    public let db: Database

    public init(db: Database) { self.db = db }

    private static let columns = """
        id, name, name_zh, city, currency, locale, timezone, address, phone, email,
        hours::text, tax_profile::text, allowed_origins, publishable_key, settings::text
        """

    /// The store with this id, or nil.
    public func store(_ id: StoreID) async throws -> Store? {
        let rows = try await db.rows("SELECT \(unescaped: Self.columns) FROM stores WHERE id = \(id.rawValue)")
        return try rows.first.map(Self.decode)
    }

    /// The store with this id, or a `store_not_found` error.
    public func require(_ id: StoreID) async throws -> Store {
        guard let s = try await store(id) else {
            throw ShowroomError("store_not_found", "No store with id '\(id.rawValue)'.", status: 404)
        }
        return s
    }

    /// The store whose publishable key this is, or nil.
    public func store(publishableKey: String) async throws -> Store? {
        let rows = try await db.rows("SELECT \(unescaped: Self.columns) FROM stores WHERE publishable_key = \(publishableKey)")
        return try rows.first.map(Self.decode)
    }

    /// All stores, by id.
    public func all() async throws -> [Store] {
        try await db.rows("SELECT \(unescaped: Self.columns) FROM stores ORDER BY id").map(Self.decode)
    }

    /// Updates the assistant switch and quiet hours of a store's settings.
    public func updateSettings(_ id: StoreID, patch: JSONValue) async throws {
        try await db.execute("UPDATE stores SET settings = settings || \(patch.jsonString())::jsonb, updated_at = now() WHERE id = \(id.rawValue)")
    }

    static func decode(_ row: PostgresRow) throws -> Store {
        let (id, name, nameZh, city, currency, locale, timezone, address, phone, email) =
            try row.decode((String, String, String?, String, String, String, String, String, String, String?).self)
        let cells = Array(row)
        let hoursText = try cells[10].decode(String.self)
        let taxText = try cells[11].decode(String.self)
        let origins = try cells[12].decode([String].self)
        let key = try cells[13].decode(String.self)
        let settingsText = try cells[14].decode(String.self)
        let hours = (JSONValue.parse(hoursText)?.objectValue ?? [:]).compactMapValues(\.stringValue)
        return Store(
            id: StoreID(id), name: name, nameZh: nameZh, city: city, currency: Currency(rawValue: currency) ?? .USD,
            locale: locale, timezone: timezone, address: address, phone: phone, email: email, hours: hours,
            taxProfile: JSONValue.parse(taxText) ?? .object([:]), allowedOrigins: origins, publishableKey: key,
            settings: JSONValue.parse(settingsText) ?? .object([:]))
    }
}
