import Foundation
import PostgresNIO
import ShowroomCore
import ShowroomTestSupport
import Testing
@testable import ShowroomData

@Suite(.enabled(if: TestDatabase.available, "needs DATABASE_URL")) struct MigratorTests {
    @Test func migratesAnEmptyDatabaseAndASecondRunAppliesNothing() async throws {
        try await TestDatabase.with(migrate: false) { db in
            let migrator = Migrator(db: db)
            #expect(try await migrator.appliedVersions().isEmpty)
            #expect(try await migrator.migrate() == Migration.all.map(\.version))
            #expect(try await migrator.migrate() == [])
            #expect(try await migrator.appliedVersions() == Migration.all.map(\.version))
            #expect(try await migrator.isCurrent())
            let tables = try await db.rows("""
                SELECT count(*)::int FROM information_schema.tables WHERE table_schema = 'public'
                AND table_name IN ('stores', 'makes', 'models', 'trims', 'inventory_units', 'promotions', 'leads',
                                   'appointments', 'conversations', 'messages', 'tool_calls')
                """).first?.decode(Int.self)
            #expect(tables == 11)
            let trgm = try await db.rows("SELECT count(*)::int FROM pg_extension WHERE extname = 'pg_trgm'").first?.decode(Int.self)
            #expect(trgm == 1)
        }
    }

    @Test func versionTwoAddsTheSearchIndexesAndFacetStatistics() async throws {
        try await TestDatabase.with(migrate: false) { db in
            try await Migrator(db: db, migrations: [.v1Schema]).migrate()
            #expect(try await Migrator(db: db, migrations: [.v1Schema, .v2SearchIndexes]).migrate() == [2])
            let indexes = try await db.rows("""
                SELECT indexname FROM pg_indexes WHERE tablename = 'inventory_units' AND indexname LIKE 'units_avail_%' ORDER BY 1
                """).map { try $0.decode(String.self) }
            #expect(indexes == ["units_avail_condition", "units_avail_make_model", "units_avail_newest", "units_avail_range"])
            let stats = try await db.rows("SELECT stxname FROM pg_statistic_ext ORDER BY 1").map { try $0.decode(String.self) }
            #expect(stats == ["units_facets", "units_make_model"])
            #expect(Migration.all.map(\.version) == [1, 2, 3])
        }
    }

    @Test func versionThreeRecordsWhichStaffKeyOpenedAConversation() async throws {
        try await TestDatabase.with(migrate: false) { db in
            try await Migrator(db: db, migrations: [.v1Schema, .v2SearchIndexes]).migrate()
            #expect(try await Migrator(db: db).migrate() == [3])
            let column = try await db.rows("""
                SELECT data_type FROM information_schema.columns WHERE table_name = 'conversations' AND column_name = 'staff_key_id'
                """).map { try $0.decode(String.self) }
            #expect(column == ["uuid"])
        }
    }

    @Test func refusesADatabaseNewerThanTheBinary() async throws {
        try await TestDatabase.with { db in
            try await db.execute("INSERT INTO schema_migrations (version, name) VALUES (999, 'from the future')")
            do {
                try await Migrator(db: db).migrate()
                Issue.record("migrated a database at version 999")
            } catch let error as ShowroomError {
                #expect(error.code == "database_newer_than_binary")
                #expect(error.message.contains("999"))
                #expect(error.message.contains("\(Migration.latestVersion)"))
            }
            #expect(try await !Migrator(db: db).isCurrent())
        }
    }
}
