import Foundation
import PostgresNIO
import ShowroomCore
import ShowroomTestSupport
import Testing
@testable import ShowroomData

@Suite(.enabled(if: TestDatabase.available, "needs DATABASE_URL")) struct CatalogImporterTests {
    static let today = try! LocalDate("2026-03-15")

    func importer(_ db: Database) -> CatalogImporter { CatalogImporter(db: db, today: Self.today) }

    /// Row counts of the tables the catalog fills.
    func tableCounts(_ db: Database) async throws -> [Int] {
        let row = try #require(try await db.rows("""
            SELECT (SELECT count(*)::int FROM stores), (SELECT count(*)::int FROM makes), (SELECT count(*)::int FROM models),
                   (SELECT count(*)::int FROM trims), (SELECT count(*)::int FROM promotions), (SELECT count(*)::int FROM inventory_units)
            """).first)
        let (a, b, c, d, e, f) = try row.decode((Int, Int, Int, Int, Int, Int).self)
        return [a, b, c, d, e, f]
    }

    @Test func importsEveryFileAndReImportingChangesNothing() async throws {
        try await TestDatabase.with { db in
            let folder = try ImportFixtures.catalogFolder()
            let first = try await importer(db).importFolder(folder)
            #expect(first.stores == ImportCounts(inserted: 2))
            #expect(first.makes == ImportCounts(inserted: 3))
            #expect(first.models == ImportCounts(inserted: 3))
            #expect(first.trims == ImportCounts(inserted: 4))
            #expect(first.promotions == ImportCounts(inserted: 3))
            #expect(first.units == ImportCounts(inserted: 5))
            #expect(first.warnings.isEmpty)
            let counts = try await tableCounts(db)
            #expect(counts == [2, 3, 3, 4, 3, 5])

            let second = try await importer(db).importFolder(folder)
            #expect(second.stores == ImportCounts(unchanged: 2))
            #expect(second.makes == ImportCounts(unchanged: 3))
            #expect(second.models == ImportCounts(unchanged: 3))
            #expect(second.trims == ImportCounts(unchanged: 4))
            #expect(second.promotions == ImportCounts(unchanged: 3))
            #expect(second.units == ImportCounts(unchanged: 5))
            #expect(try await tableCounts(db) == counts)
            #expect(second.elapsedSeconds > 0 && second.rowsPerSecond > 0)
        }
    }

    @Test func anEditedPriceUpdatesTheRowInsteadOfDuplicatingIt() async throws {
        try await TestDatabase.with { db in
            let folder = try ImportFixtures.catalogFolder()
            _ = try await importer(db).importFolder(folder)
            var lines = ImportFixtures.inventoryLines
            lines[0] = lines[0].replacingOccurrences(of: ",47990,47990,", with: ",45990,47990,")
            try ImportFixtures.writeInventory(lines, to: folder)
            let report = try await importer(db).importFolder(folder)
            #expect(report.units == ImportCounts(updated: 1, unchanged: 4))
            let rows = try await db.rows("SELECT count(*)::int, min(list_price)::text FROM inventory_units WHERE stock_number = 'SF001'")
            let (n, price) = try #require(rows.first).decode((Int, String).self)
            #expect(n == 1)
            #expect(price == "45990.00")
            #expect(try await tableCounts(db)[5] == 5)
        }
    }

    @Test func unitsFillDenormalizedColumnsFromTheirModelAndClosestTrimYear() async throws {
        try await TestDatabase.with { db in
            _ = try await importer(db).importFolder(try ImportFixtures.catalogFolder())
            let rows = try await db.rows("""
                SELECT u.stock_number, u.make, u.model, u.trim, u.body_type, u.powertrain, u.drivetrain, u.seats, u.range_km,
                       u.currency, t.year, u.exterior_color, u.status
                FROM inventory_units u JOIN trims t ON t.id = u.trim_id ORDER BY u.stock_number
                """)
            var byStock: [String: [String?]] = [:]
            for row in rows {
                let c = Array(row)
                let stock = try c[0].decode(String.self)
                byStock[stock] = try [1, 2, 3, 4, 5, 6].map { try c[$0].decode(String?.self) }
                    + [try c[7].decode(Int?.self).map(String.init), try c[8].decode(Int?.self).map(String.init),
                       try c[9].decode(String.self), String(try c[10].decode(Int.self)), try c[11].decode(String?.self),
                       try c[12].decode(String.self)]
            }
            #expect(byStock["SF001"] == ["Tesla", "Model 3", "Long Range AWD", "sedan", "bev", "awd", "5", "549", "USD", "2024", "white", "available"])
            #expect(byStock["SF002"]?[9] == "2025")  // a 2024 unit takes the nearest trim year
            #expect(byStock["SF003"]?[9] == "2022")
            #expect(byStock["SF003"]?[10] == "silver, metallic")
            #expect(byStock["SF003"]?[11] == "hold")
            #expect(byStock["SH002"]?[0...2] == ["BYD", "Han", "EV 605km Honor"])  // canonical spelling
            #expect(byStock["SH002"]?[8] == "CNY")
        }
    }

    @Test func searchTextHoldsLowerCasedNamesChineseNamesAndAliases() async throws {
        try await TestDatabase.with { db in
            _ = try await importer(db).importFolder(try ImportFixtures.catalogFolder())
            let text = try await db.rows("SELECT search_text FROM models WHERE name = 'Han'").first?.decode(String.self)
            #expect(text == "han 汉 han ev 汉ev byd 比亚迪 biyadi")
            let hit = try await db.rows("""
                SELECT m.name FROM models m ORDER BY word_similarity('camery', m.search_text) DESC LIMIT 1
                """).first?.decode(String.self)
            #expect(hit == "Camry")
        }
    }

    @Test func unitsGoneFromTheFileAreDeletedUnlessAnAppointmentHoldsThem() async throws {
        try await TestDatabase.with { db in
            let folder = try ImportFixtures.catalogFolder()
            _ = try await importer(db).importFolder(folder)
            try await db.execute("""
                INSERT INTO appointments (id, store_id, unit_id, name, phone, starts_at, ends_at)
                SELECT gen_random_uuid(), store_id, id, 'Ann', '+1 415 555 0100', now() + interval '1 day', now() + interval '25 hours'
                FROM inventory_units WHERE stock_number = 'SF002'
                """)
            try ImportFixtures.writeInventory(Array(ImportFixtures.inventoryLines.dropFirst(2)), to: folder)
            let report = try await importer(db).importFolder(folder)
            #expect(report.units.deleted == 1)
            #expect(report.units.markedSold == 1)
            let left = try await db.rows("SELECT stock_number, status FROM inventory_units WHERE store_id = 'sf-fix' ORDER BY 1")
                .map { try $0.decode((String, String).self) }
            #expect(left.map(\.0) == ["SF002", "SF003"])
            #expect(left.first?.1 == "sold")
        }
    }

    @Test func problemsNameTheFileRowAndFieldAndNothingIsWritten() async throws {
        try await TestDatabase.with { db in
            var lines = ImportFixtures.inventoryLines
            lines[1] = lines[1].replacingOccurrences(of: ImportFixtures.camryVIN, with: "4T1G11AK0RU200002")
            lines[2] = lines[2].replacingOccurrences(of: "SE Hybrid", with: "XSE V6")
            lines[4] = lines[4].replacingOccurrences(of: "sh-fix", with: "bj-nowhere")
            let folder = try ImportFixtures.catalogFolder(inventory: lines)
            do {
                _ = try await importer(db).importFolder(folder)
                Issue.record("imported a catalog with bad rows")
            } catch let error as ShowroomError {
                #expect(error.code == "catalog_invalid")
                #expect(error.message.contains("inventory.csv line 3 (SF002) vin: VIN 4T1G11AK0RU200002 has check digit 0"))
                #expect(error.message.contains("inventory.csv line 4 (SF003) trim: make/model/trim 'Toyota' / 'Camry' / 'XSE V6' is not in models.yaml"))
                #expect(error.message.contains("inventory.csv line 6 (SH002) store_id: 'bj-nowhere' is not a store of stores.yaml"))
            }
            #expect(try await tableCounts(db) == [0, 0, 0, 0, 0, 0])
        }
    }

    @Test func aDemoCatalogVINWithAWrongCheckDigitIsRefused() async throws {
        try await TestDatabase.with { db in
            // The real catalog/, with one Chinese VIN's check digit edited as in the audit (X → 1).
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("catalog-\(UUID().uuidString)")
            try FileManager.default.copyItem(at: DemoCatalog.folder, to: folder)
            defer { try? FileManager.default.removeItem(at: folder) }
            let file = folder.appendingPathComponent("inventory.csv")
            let text = try String(contentsOf: file, encoding: .utf8)
            #expect(text.contains("LC09L2DEXTX487757"))
            try text.replacingOccurrences(of: "LC09L2DEXTX487757", with: "LC09L2DE1TX487757").write(to: file, atomically: true, encoding: .utf8)
            do {
                _ = try await importer(db).importFolder(folder)
                Issue.record("imported a catalog VIN with a wrong check digit")
            } catch let error as ShowroomError {
                #expect(error.code == "catalog_invalid")
                #expect(error.message.contains("inventory.csv line 2 (SH24001) vin: VIN LC09L2DE1TX487757 has check digit 1"), "\(error.message)")
            }
            #expect(try await tableCounts(db) == [0, 0, 0, 0, 0, 0])
        }
    }

    @Test func anEmptyFolderSaysWhichFilesAreMissingAndALatin1FileSaysWhereItIsNotUTF8() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("catalog-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        #expect(throws: ShowroomError("catalog_invalid", """
            The catalog has 2 problems:
            - stores.yaml: missing from \(empty.path) (a catalog folder holds stores.yaml, models.yaml and inventory.csv)
            - models.yaml: missing from \(empty.path) (a catalog folder holds stores.yaml, models.yaml and inventory.csv)
            """)) { try CatalogImporter.load(empty, today: Self.today) }

        let folder = try ImportFixtures.catalogFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("inventory.csv")
        var bytes = try Data(contentsOf: csv)
        let at = try #require(bytes.firstRange(of: Data(",white,black".utf8)))
        bytes.replaceSubrange(at.lowerBound + 1..<at.lowerBound + 2, with: [0xE9])  // "white" → "\u{E9}hite" in Latin-1
        try bytes.write(to: csv)
        do {
            _ = try CatalogImporter.load(folder, today: Self.today)
            Issue.record("loaded a Latin-1 inventory.csv")
        } catch let e as ShowroomError {
            #expect(e.message.contains("inventory.csv: not UTF-8 text at line 2 (byte offset"), "\(e.message)")
        }
    }

    @Test func yamlErrorsNameTheFileAndPathAndUnknownKeysAreWarnings() async throws {
        try await TestDatabase.with { db in
            let bad = ImportFixtures.modelsYAML.replacingOccurrences(of: "seats: 5\n        trims:\n          - {trim: Long Range AWD, year: 2024",
                                                                     with: "seats: 5\n        trims:\n          - {trim: Long Range AWD, year: soon")
            let folder = try ImportFixtures.catalogFolder(models: bad)
            await #expect(throws: ShowroomError.self) { _ = try await importer(db).importFolder(folder) }
            do { _ = try await importer(db).importFolder(folder) } catch let e as ShowroomError {
                #expect(e.message.contains("models.yaml: makes.[0].models.[0].trims.[0].year"))
            }
            let typo = ImportFixtures.modelsYAML.replacingOccurrences(of: "range_km: 605", with: "range_kms: 605")
            try ImportFixtures.writeModels(typo, to: folder)
            let report = try await importer(db).importFolder(folder)
            #expect(report.warnings == ["models.yaml makes[2].models[0].trims[0]: unknown key 'range_kms' ignored"])
        }
    }

    static let without2022Trim = ImportFixtures.modelsYAML.split(separator: "\n", omittingEmptySubsequences: false)
        .filter { !$0.contains("year: 2022") }.joined(separator: "\n")

    @Test func aTrimRemovedFromModelsYamlIsDeletedAndItsUnitsMoveToTheNearestRemainingYear() async throws {
        try await TestDatabase.with { db in
            let folder = try ImportFixtures.catalogFolder()
            _ = try await importer(db).importFolder(folder)
            try ImportFixtures.writeModels(Self.without2022Trim, to: folder)
            let report = try await importer(db).importFolder(folder)
            #expect(report.trims.deleted == 1)
            #expect(report.staleTrimsKept == 0)
            #expect(report.units.updated == 1)
            let year = try await db.rows("""
                SELECT t.year FROM inventory_units u JOIN trims t ON t.id = u.trim_id WHERE u.stock_number = 'SF003'
                """).first?.decode(Int.self)
            #expect(year == 2025)
        }
    }

    @Test func aRemovedTrimStillUsedByAFeedUnitIsKept() async throws {
        try await TestDatabase.with { db in
            let folder = try ImportFixtures.catalogFolder()
            _ = try await importer(db).importFolder(folder)
            try await db.execute("UPDATE inventory_units SET source = 'feed' WHERE stock_number = 'SF003'")
            try ImportFixtures.writeModels(Self.without2022Trim, to: folder)
            try ImportFixtures.writeInventory(ImportFixtures.inventoryLines.filter { !$0.contains("SF003") }, to: folder)
            let report = try await importer(db).importFolder(folder)
            #expect(report.trims.deleted == 0)
            #expect(report.staleTrimsKept == 1)
            #expect(report.units.deleted == 0)  // feed units are not the catalog's to delete
            #expect(try await tableCounts(db)[3] == 4)
        }
    }
}
