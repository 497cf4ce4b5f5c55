import Foundation
import ShowroomCore
import ShowroomData
import ShowroomTestSupport
import Testing

/// The repository's own `catalog/` (the demo dealer group) imports cleanly and idempotently.
@Suite(.enabled(if: TestDatabase.available
                && FileManager.default.fileExists(atPath: TestDatabase.repoRoot.appendingPathComponent("catalog/stores.yaml").path),
                "needs DATABASE_URL and catalog/"))
struct CatalogFolderTests {
    @Test func theDemoCatalogImportsWithoutProblemsAndReImportsUnchanged() async throws {
        let folder = TestDatabase.repoRoot.appendingPathComponent("catalog")
        try await TestDatabase.with { db in
            let first = try await CatalogImporter(db: db).importFolder(folder)
            #expect(first.stores.inserted == 2)
            #expect(first.units.inserted >= 150)
            #expect(first.warnings == [])
            let again = try await CatalogImporter(db: db).importFolder(folder)
            #expect(again.units == ImportCounts(unchanged: first.units.inserted))
            #expect(again.trims == ImportCounts(unchanged: first.trims.inserted))
            let missingTrim = try await db.rows("SELECT count(*)::int FROM inventory_units WHERE trim_id IS NULL").first?.decode(Int.self)
            #expect(missingTrim == 0)
        }
    }
}
