import Crypto
import Foundation
import PostgresNIO
import ShowroomCore

/// Creates, finds and revokes staff keys. A key is `sk_` + 40 random base62 characters,
/// shown once; the table holds its SHA-256 hash and a short prefix.
public struct StaffKeyRepository: Sendable {
    public let db: Database

    public init(db: Database) { self.db = db }

    /// Creates a key and returns it with its secret (the only time the secret exists).
    public func create(role: StaffRole, stores: [StoreID], label: String) async throws -> (secret: String, key: StaffKey) {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        var rng = SystemRandomNumberGenerator()
        let secret = "sk_" + String((0..<40).map { _ in alphabet[Int(rng.next(upperBound: UInt32(alphabet.count)))] })
        let id = UUID()
        let prefix = String(secret.prefix(9))
        for s in stores where try await StoreRepository(db: db).store(s) == nil {
            throw ShowroomError("store_not_found", "No store with id '\(s.rawValue)'.", status: 404)
        }
        let rows = try await db.rows("""
            INSERT INTO staff_keys (id, prefix, key_hash, role, store_ids, label)
            VALUES (\(id), \(prefix), \(Self.hash(secret)), \(role.rawValue), \(stores.map(\.rawValue)), \(label))
            RETURNING created_at
            """)
        let created = try rows.first?.decode(Date.self) ?? Date()
        return (secret, StaffKey(id: id, prefix: prefix, role: role, storeIDs: stores, label: label, createdAt: created))
    }

    /// The active key for a presented secret, or nil (unknown or revoked). Marks it used.
    public func authenticate(_ secret: String) async throws -> StaffKey? {
        guard secret.hasPrefix("sk_"), secret.count <= 100 else { return nil }
        let rows = try await db.rows("""
            UPDATE staff_keys SET last_used_at = now()
            WHERE key_hash = \(Self.hash(secret)) AND revoked_at IS NULL
            RETURNING id, prefix, role, store_ids, label, created_at, revoked_at, last_used_at
            """)
        return try rows.first.map(Self.decode)
    }

    /// The prefix of the revoked key a secret belongs to, or nil (for audit records of refusals).
    public func revokedPrefix(_ secret: String) async throws -> String? {
        guard secret.hasPrefix("sk_"), secret.count <= 100 else { return nil }
        return try await db.rows("SELECT prefix FROM staff_keys WHERE key_hash = \(Self.hash(secret)) AND revoked_at IS NOT NULL")
            .first?.decode(String.self)
    }

    /// Whether a key is still active (a long-lived session, like `showroom mcp`, checks before each call).
    public func isActive(_ id: UUID) async throws -> Bool {
        !(try await db.rows("SELECT 1 FROM staff_keys WHERE id = \(id) AND revoked_at IS NULL").isEmpty)
    }

    public func list() async throws -> [StaffKey] {
        try await db.rows("""
            SELECT id, prefix, role, store_ids, label, created_at, revoked_at, last_used_at FROM staff_keys ORDER BY created_at
            """).map(Self.decode)
    }

    /// Revokes by id or prefix; returns whether a key was revoked.
    @discardableResult
    public func revoke(_ idOrPrefix: String) async throws -> Bool {
        let id = UUID(uuidString: idOrPrefix)
        let rows = try await db.rows("""
            UPDATE staff_keys SET revoked_at = now()
            WHERE revoked_at IS NULL AND (id = \(id) OR prefix = \(idOrPrefix)) RETURNING id
            """)
        return !rows.isEmpty
    }

    static func hash(_ secret: String) -> String {
        SHA256.hash(data: Data(secret.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    static func decode(_ row: PostgresRow) throws -> StaffKey {
        let (id, prefix, role, stores, label, created, revoked, used) =
            try row.decode((UUID, String, String, [String], String, Date, Date?, Date?).self)
        return StaffKey(id: id, prefix: prefix, role: StaffRole(rawValue: role) ?? .sales, storeIDs: stores.map { StoreID($0) },
                        label: label, createdAt: created, revokedAt: revoked, lastUsedAt: used)
    }
}
