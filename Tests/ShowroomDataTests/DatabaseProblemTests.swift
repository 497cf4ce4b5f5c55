import Foundation
import Logging
import ShowroomCore
import ShowroomTestSupport
import Testing
@testable import ShowroomData

@Suite(.enabled(if: TestDatabase.available, "needs DATABASE_URL")) struct DatabaseProblemTests {
    /// Runs `body` on a pool for `url` and returns the explained error it throws.
    func explained(_ url: DatabaseURL, _ body: @escaping @Sendable (Database) async throws -> Void) async -> ShowroomError? {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        do {
            try await Database(url: url, maxConnections: 1, logger: logger,
                               availability: DatabaseAvailability(acquireTimeout: .seconds(2))).withRunning { try await body($0) }
            return nil
        } catch {
            return await DatabaseProblem.explain(error, url: url)
        }
    }

    @Test func aWrongPasswordIsDatabaseAuthNotATemporaryOutage() async throws {
        var url = try #require(ScratchDatabase.serverURL)
        url.password = "certainly-not-the-password"
        let e = try #require(await explained(url) { try await $0.execute("SELECT 1") })
        #expect(e.code == "database_auth")
        #expect(e.message.contains("refused user '\(url.username)'"))
        #expect(!e.message.contains("certainly-not-the-password"))
    }

    @Test func aMissingDatabaseIsDatabaseMissing() async throws {
        let url = try #require(ScratchDatabase.serverURL).with(database: "showroom_no_such_db_\(UInt32.random(in: 0...UInt32.max))")
        let e = try #require(await explained(url) { try await $0.execute("SELECT 1") })
        #expect(e.code == "database_missing")
        #expect(e.message.contains("'\(url.database)'") && e.message.contains("createdb"))
    }

    @Test func aPortNothingListensOnIsUnavailableWithConnectionRefused() async throws {
        var url = try #require(ScratchDatabase.serverURL)
        url.port = 9  // discard: nothing listens there on a test machine
        let e = try #require(await explained(url) { try await $0.execute("SELECT 1") })
        #expect(e.code == "database_unavailable")
        #expect(e.message.contains("\(url.host):9 (connection refused)"), "\(e.message)")
    }

    @Test func aMissingTableIsNotMigratedAndSchemaProblemSaysWhichWay() async throws {
        try await TestDatabase.with(migrate: false) { db in
            let e = await explained(db.url) { try await $0.execute("SELECT count(*) FROM inventory_units") }
            #expect(e?.code == "not_migrated")
            #expect(e?.message.contains("showroom migrate") == true)
            let empty = try await Migrator(db: db).schemaProblem()
            #expect(empty?.code == "not_migrated")
            #expect(empty?.message.contains("schema version 0") == true)
            try await Migrator(db: db).migrate()
            #expect(try await Migrator(db: db).schemaProblem() == nil)
            try await db.execute("INSERT INTO schema_migrations (version, name) VALUES (\(Migration.latestVersion + 1), 'from the future')")
            let newer = try #require(try await Migrator(db: db).schemaProblem())
            #expect(newer.code == "database_newer_than_binary")
            #expect(newer.message.contains("upgrade showroom"))
            #expect(!newer.message.contains("run `showroom migrate`"))
        }
    }

    @Test func aStatementErrorIsNotADatabaseProblem() async throws {
        try await TestDatabase.with { db in
            let e = await explained(db.url) { try await $0.execute("SELECT 1/0") }
            #expect(e == nil)
        }
    }
}
