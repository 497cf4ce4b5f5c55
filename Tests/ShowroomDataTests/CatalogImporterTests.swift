import Foundation
import ShowroomCore
import ShowroomTestSupport
import Testing
@testable import ShowroomData

@Suite(.enabled(if: TestDatabase.available)) struct CatalogImporterTests {
    @Test func reimportingUpdatesRowsAndNeverDuplicates() async throws {
        try await TestDatabase.with { db in
            let first = try await DemoCatalog.load(into: db)
            #expect(first.stores == 2 && first.makes == 18 && first.units >= 150)
            let counts = try await db.rows("SELECT (SELECT count(*) FROM makes), (SELECT count(*) FROM models), (SELECT count(*) FROM trims), (SELECT count(*) FROM inventory_units)")
                .first!.decode((Int, Int, Int, Int).self)
            // Edit a price in a copy of the catalog and import it again.
            let copy = FileManager.default.temporaryDirectory.appendingPathComponent("catalog-\(UUID().uuidString)")
            try FileManager.default.copyItem(at: DemoCatalog.folder, to: copy)
            defer { try? FileManager.default.removeItem(at: copy) }
            let csvURL = copy.appendingPathComponent("inventory.csv")
            var lines = try String(contentsOf: csvURL, encoding: .utf8).components(separatedBy: "\n")
            var fields = lines[1].components(separatedBy: ",")
            let stock = fields[1]
            fields[11] = "123456"
            lines[1] = fields.joined(separator: ",")
            try lines.joined(separator: "\n").write(to: csvURL, atomically: true, encoding: .utf8)
            _ = try await CatalogImporter(db: db).importFolder(copy)
            let again = try await db.rows("SELECT (SELECT count(*) FROM makes), (SELECT count(*) FROM models), (SELECT count(*) FROM trims), (SELECT count(*) FROM inventory_units)")
                .first!.decode((Int, Int, Int, Int).self)
            #expect(again == counts)
            let price = try await db.rows("SELECT list_price::float8 FROM inventory_units WHERE stock_number = \(stock)").first!.decode(Double.self)
            #expect(price == 123456)
        }
    }

    @Test func everyUnitHasAValidVINAndItsStoresCurrency() async throws {
        try await TestDatabase.with { db in
            try await DemoCatalog.load(into: db)
            let rows = try await db.rows("SELECT u.vin, u.currency, s.currency FROM inventory_units u JOIN stores s ON s.id = u.store_id")
            for row in rows {
                let (vin, unitCurrency, storeCurrency) = try row.decode((String, String, String).self)
                #expect(try VIN(vin).hasValidCheckDigit, "\(vin)")
                #expect(unitCurrency == storeCurrency)
            }
        }
    }

    @Test func aBadFileIsRefusedWithItsNameAndNothingChanges() async throws {
        try await TestDatabase.with { db in
            let copy = FileManager.default.temporaryDirectory.appendingPathComponent("catalog-\(UUID().uuidString)")
            try FileManager.default.copyItem(at: DemoCatalog.folder, to: copy)
            defer { try? FileManager.default.removeItem(at: copy) }
            let csvURL = copy.appendingPathComponent("inventory.csv")
            let text = try String(contentsOf: csvURL, encoding: .utf8)
            try (text + "sf-bay,SFX999,1HGCM82633A00435X,Honda,Accord,No Such Trim,2026,new,0,white,black,30000,30000,29000,28000,available,2026-11-01\n")
                .write(to: csvURL, atomically: true, encoding: .utf8)
            await #expect(throws: ShowroomError.self) { try await CatalogImporter(db: db).importFolder(copy) }
            do { _ = try await CatalogImporter(db: db).importFolder(copy) } catch let e as ShowroomError {
                #expect(e.message.contains("inventory.csv") && e.message.contains("No Such Trim"))
            }
            let stores = try await db.rows("SELECT count(*) FROM stores").first!.decode(Int.self)
            #expect(stores == 0)
        }
    }
}
