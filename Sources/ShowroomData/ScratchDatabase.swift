import Foundation
import Logging
import PostgresNIO
import ShowroomCore

/// A throwaway database for tests and benchmarks: created on the server of
/// `DATABASE_URL` with a unique name, migrated, dropped by `drop()`.
///
/// Tests of every module use it so that suites running in parallel never share rows.
public enum ScratchDatabase {
    /// The server URL tests use, from `DATABASE_URL`; nil when tests must skip.
    public static var serverURL: DatabaseURL? {
        guard let text = ProcessInfo.processInfo.environment["DATABASE_URL"], !text.isEmpty else { return nil }
        return try? DatabaseURL(text)
    }

    /// Creates an empty database named `showroom_t_<random>` and returns its URL.
    public static func create(on server: DatabaseURL, prefix: String = "showroom_t") async throws -> DatabaseURL {
        let name = prefix + "_" + UUID().uuidString.prefix(12).lowercased().replacingOccurrences(of: "-", with: "")
        let admin = Database(url: server, maxConnections: 1)
        try await admin.withRunning { db in
            try await db.execute(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"))
        }
        return server.with(database: name)
    }

    /// Drops a database made by `create` (terminating its connections).
    ///
    /// Retried for a few seconds: an autovacuum worker that has just connected to the database
    /// cannot be terminated by a role without `pg_signal_backend` (SQLSTATE 42501), and is gone
    /// a moment later.
    public static func drop(_ url: DatabaseURL, server: DatabaseURL) async throws {
        let admin = Database(url: server, maxConnections: 1)
        try await admin.withRunning { db in
            for attempt in 1...20 {
                do {
                    try await db.execute(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(url.database) WITH (FORCE)"))
                    return
                } catch let e as PSQLError where e.serverInfo?[.sqlState] == "42501" && attempt < 20 {
                    try await Task.sleep(for: .milliseconds(250))
                }
            }
        }
    }
}
