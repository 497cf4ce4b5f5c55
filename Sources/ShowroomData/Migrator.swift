import Logging
import PostgresNIO
import ShowroomCore

/// Applies `Migration.all` in order, each in its own transaction, recording each in
/// `schema_migrations`. Re-running is a no-op; a database newer than this binary is refused.
public struct Migrator: Sendable {
    public let db: Database
    public let migrations: [Migration]

    public init(db: Database, migrations: [Migration] = Migration.all) {
        self.db = db
        self.migrations = migrations
    }

    /// Versions applied in the database, ascending.
    public func appliedVersions() async throws -> [Int] {
        try await db.execute("""
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())
            """)
        return try await db.rows("SELECT version FROM schema_migrations ORDER BY version").map { try $0.decode(Int.self) }
    }

    /// Applies what is missing; returns the versions it applied.
    @discardableResult
    public func migrate() async throws -> [Int] {
        let applied = try await appliedVersions()
        let latest = migrations.last?.version ?? 0
        if let newest = applied.last, newest > latest {
            throw ShowroomError("database_newer_than_binary",
                "The database is at schema version \(newest) but this showroom binary only knows up to \(latest). Upgrade showroom before running it against this database.",
                status: 503)
        }
        var done: [Int] = []
        for m in migrations where !applied.contains(m.version) {
            try await db.transaction { conn in
                // Serialize concurrent migrators (two replicas starting at once).
                try await conn.query("SELECT pg_advisory_xact_lock(727274)", logger: db.logger)
                let already = try await conn.rows("SELECT 1 FROM schema_migrations WHERE version = \(m.version)", logger: db.logger)
                guard already.isEmpty else { return }
                try await conn.runScript(m.sql, logger: db.logger)
                try await conn.query("INSERT INTO schema_migrations (version, name) VALUES (\(m.version), \(m.name))", logger: db.logger)
            }
            done.append(m.version)
        }
        return done
    }

    /// True when the database holds exactly the migrations this binary knows.
    public func isCurrent() async throws -> Bool {
        try await schemaProblem() == nil
    }

    /// Why this binary cannot use the database's schema, or nil when it is current:
    /// `not_migrated` (no or older migrations: run `showroom migrate`) or
    /// `database_newer_than_binary` (a newer showroom migrated it: upgrade this binary; never migrate down).
    public func schemaProblem() async throws -> ShowroomError? {
        let latest = migrations.last?.version ?? 0
        let version: Int
        do {
            version = try await db.rows("SELECT coalesce(max(version), 0) FROM schema_migrations").first?.decode(Int.self) ?? 0
        } catch let e as PSQLError where e.serverInfo?[.sqlState] == "42P01" {
            version = 0  // no schema_migrations table: never migrated
        }
        if version < latest {
            return ShowroomError("not_migrated",
                "The database is at schema version \(version) and this showroom needs \(latest): run `showroom migrate`.", status: 503)
        }
        if version > latest {
            return ShowroomError("database_newer_than_binary",
                "The database is at schema version \(version) but this showroom binary only knows up to \(latest): "
                    + "upgrade showroom (do not migrate this database down).", status: 503)
        }
        return nil
    }
}
