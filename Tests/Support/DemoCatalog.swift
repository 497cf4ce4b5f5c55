import Foundation
import ShowroomData

/// The demo catalog (`catalog/`) imported into a test database.
public enum DemoCatalog {
    public static var folder: URL { TestDatabase.repoRoot.appendingPathComponent("catalog") }

    @discardableResult
    public static func load(into db: Database) async throws -> CatalogImportReport {
        try await CatalogImporter(db: db).importFolder(folder)
    }
}
