import Foundation
import ShowroomCore
import ShowroomData

/// A migrated scratch database for one test: `try await TestDatabase.with { db in ... }`.
///
/// Needs `DATABASE_URL` (the test script starts a throwaway cluster); suites that use it
/// carry `.enabled(if: TestDatabase.available)` so they report as skipped without one.
public enum TestDatabase {
    public static var available: Bool { ScratchDatabase.serverURL != nil }

    /// Creates, migrates, hands over and drops a database.
    public static func with<T: Sendable>(migrate: Bool = true, _ body: @Sendable (Database) async throws -> T) async throws -> T {
        guard let server = ScratchDatabase.serverURL else {
            throw ShowroomError("no_database", "DATABASE_URL is not set")
        }
        let url = try await ScratchDatabase.create(on: server)
        do {
            // Tests check behaviour, not how fast a busy machine hands out connections: a
            // generous wait (the product's is 5 s) keeps a loaded CI box from failing them.
            let patient = DatabaseAvailability(acquireTimeout: .seconds(60))
            let result = try await Database(url: url, maxConnections: 8, availability: patient).withRunning { db in
                if migrate { try await Migrator(db: db).migrate() }
                return try await body(db)
            }
            try await ScratchDatabase.drop(url, server: server)
            return result
        } catch {
            try? await ScratchDatabase.drop(url, server: server)
            throw error
        }
    }

    /// The repository root (for `catalog/`, `agents/`) and `../shared` (real data sets).
    public static var repoRoot: URL {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }

    /// `../shared/data/<name>` when present (real data sets are not in the repo).
    public static func sharedData(_ name: String) -> URL? {
        let url = repoRoot.deletingLastPathComponent().appendingPathComponent("shared/data/\(name)")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }
}
