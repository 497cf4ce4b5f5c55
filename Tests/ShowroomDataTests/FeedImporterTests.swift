import Foundation
import PostgresNIO
import ShowroomCore
import ShowroomTestSupport
import Testing
@testable import ShowroomData

@Suite(.enabled(if: TestDatabase.available, "needs DATABASE_URL")) struct FeedImporterTests {
    static let today = try! LocalDate("2026-03-15")
    static let options = FeedImporter.Options(today: today)
    static let header = ["VIN", "Stock #", "Year", "Make", "Model", "Trim", "Condition", "Mileage", "Internet Price",
                         "MSRP", "Ext Color", "Date In Stock"]

    /// `count` Camry rows for sf-test with valid VINs; `bad` maps a 1-based row to a field override.
    static func camryRows(_ count: Int, serialBase: Int = 0, bad: [Int: (Int, String)] = [:]) -> [[String]] {
        (1...count).map { i in
            var row = [ImportFixtures.vin("4T1G11AK", serial: serialBase + i), "G\(serialBase + i)", "2024", "Toyota", "Camry",
                       "SE Hybrid", "Used", "\(1000 + i)", "$\(25_000 + i)", "", "Blue", "2026-03-01"]
            if let (column, value) = bad[i] { row[column] = value }
            return row
        }
    }

    func units(_ db: Database, store: String = "sf-test") async throws -> Int {
        try await db.rows("SELECT count(*)::int FROM inventory_units WHERE store_id = \(store)").first?.decode(Int.self) ?? -1
    }

    /// Everything about the units, to compare before and after a failed import.
    func snapshot(_ db: Database) async throws -> String {
        try await db.rows("""
            SELECT coalesce(string_agg(concat_ws('|', id, store_id, vin, stock_number, list_price, mileage_km, trim, status,
                   updated_at), ',' ORDER BY id), '') FROM inventory_units
            """).first?.decode(String.self) ?? ""
    }

    @Test func aThousandRowFeedWithOneBadRowImports999AndReportsTheOne() async throws {
        try await TestDatabase.with { db in
            try await MiniCatalog.load(into: db)
            let before = try await units(db)
            let feed = ImportFixtures.csv([Self.header] + Self.camryRows(1000, bad: [637: (8, "-4500")]))
            let report = try await FeedImporter(db: db).importFeed(data: feed, store: "sf-test", options: Self.options)
            #expect(report.rows == 1000)
            #expect(report.inserted == 999)
            #expect(report.updated == 0)
            #expect(report.rejected.count == 1)
            let issue = try #require(report.rejected.first)
            #expect(issue.row == 637)
            #expect(issue.line == 638)
            #expect(issue.field == "price")
            #expect(issue.code == "price_not_positive")
            #expect(issue.reason.contains("-4500"))
            #expect(try await units(db) == before + 999)
            #expect(report.rowsPerSecond > 0)
        }
    }

    @Test func aFeedThatFailsMidwayLeavesTheDatabaseUnchanged() async throws {
        try await TestDatabase.with { db in
            try await MiniCatalog.load(into: db)
            _ = try await FeedImporter(db: db).importFeed(
                data: ImportFixtures.csv([Self.header] + Self.camryRows(100)), store: "sf-test", options: Self.options)
            let before = try await snapshot(db)
            // Feed B updates the 100 units (new prices) and adds 100; its very last row hits a
            // database error that validation cannot foresee.
            var rowsB = Self.camryRows(200).map { r in var r = r; r[8] = "$19,999"; return r }
            let lastVIN = rowsB[199][0]
            try await db.execute("""
                CREATE FUNCTION refuse_vin() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN IF NEW.vin = '\(unescaped: lastVIN)' THEN RAISE EXCEPTION 'forced failure'; END IF; RETURN NEW; END $$
                """)
            try await db.execute("CREATE TRIGGER refuse_vin BEFORE INSERT OR UPDATE ON inventory_units FOR EACH ROW EXECUTE FUNCTION refuse_vin()")
            await #expect(throws: (any Error).self) {
                _ = try await FeedImporter(db: db).importFeed(data: ImportFixtures.csv([Self.header] + rowsB), store: "sf-test", options: Self.options)
            }
            #expect(try await snapshot(db) == before)

            try await db.execute("DROP TRIGGER refuse_vin ON inventory_units")
            rowsB[0][8] = "$19,999"
            let report = try await FeedImporter(db: db).importFeed(data: ImportFixtures.csv([Self.header] + rowsB), store: "sf-test", options: Self.options)
            #expect((report.inserted, report.updated) == (100, 100))
        }
    }

    @Test func readsABOMCRLFFeedWithQuotedFieldsAndOtherHeaderNames() async throws {
        try await TestDatabase.with { db in
            try await MiniCatalog.load(into: db)
            let vinA = ImportFixtures.vin("5YJYGDEE", serial: 500_001), vinB = ImportFixtures.vin("4T1G11AK", serial: 500_002)
            let feed = ImportFixtures.csv([
                ["Vin Number", "Stock No", "Model Year", "Make", "Model", "Series", "New/Used", "Odometer", "Selling Price",
                 "Sticker", "Exterior Color", "Interior Color", "Received", "Dealer Notes"],
                [vinA, "Q-1", "2024", "Tesla", "Model Y", "Long Range AWD", "N", "12", "$48,990.00", "48,990", "Pearl \"Ultra\" White",
                 "black, vegan", "03/02/2026", "line one\r\nline two"],
                [vinB, "Q-2", "2024", "TOYOTA", "camry", "SE Hybrid", "Certified", "20,000", "$27,500", "", "Gray", "", "2026-02-20", ""],
            ], lineEnding: "\r\n", bom: true)
            let report = try await FeedImporter(db: db).importFeed(data: feed, store: "sf-test", options: Self.options)
            #expect(report.rejected == [])
            #expect(report.inserted == 2)
            #expect(report.unknownColumns == ["Dealer Notes"])
            let rows = try await db.rows("""
                SELECT stock_number, make, model, trim, condition, mileage_km, list_price::text, msrp::text, exterior_color,
                       interior_color, date_in_stock::text, drivetrain, source, status
                FROM inventory_units WHERE stock_number IN ('Q-1', 'Q-2') ORDER BY stock_number
                """).map { try $0.decode((String, String, String, String, String, Int, String, String?, String?, String?, String?, String?, String, String).self) }
            #expect(rows.count == 2)
            let (_, make, model, trim, cond, km, price, msrp, ext, int, date, drive, source, status) = rows[0]
            #expect((make, model, trim, cond, km) == ("Tesla", "Model Y", "Long Range AWD", "new", 19))
            #expect((price, msrp) == ("48990.00", "48990.00"))
            #expect((ext, int, date, drive) == ("pearl \"ultra\" white", "black, vegan", "2026-03-02", "awd"))
            #expect((source, status) == ("feed", "available"))
            #expect((rows[1].1, rows[1].2, rows[1].4, rows[1].5) == ("Toyota", "Camry", "cpo", 32_187))
        }
    }

    @Test func duplicateVINsCollapseToTheLastRow() async throws {
        try await TestDatabase.with { db in
            try await MiniCatalog.load(into: db)
            let rows = Self.camryRows(3)
            let dup1 = { var r = rows[0]; r[8] = "$21,000"; return r }(), dup2 = { var r = rows[0]; r[8] = "$22,000"; return r }()
            let feed = ImportFixtures.csv([Self.header, rows[0], rows[1], dup1, rows[2], dup2])
            let report = try await FeedImporter(db: db).importFeed(data: feed, store: "sf-test", options: Self.options)
            #expect(report.inserted == 3)
            #expect(report.duplicateVINs == 2)
            #expect(report.warnings.filter { $0.code == "duplicate_vin" }.map(\.row) == [1, 3])
            let price = try await db.rows("SELECT list_price::text FROM inventory_units WHERE vin = \(rows[0][0])").first?.decode(String.self)
            #expect(price == "22000.00")
        }
    }

    @Test func aDuplicateVINWhoseLaterCopyTheDatabaseRejectsKeepsTheEarlierGoodRow() async throws {
        try await TestDatabase.with { db in
            try await MiniCatalog.load(into: db)
            let rows = Self.camryRows(2)
            let bad = { var r = rows[0]; r[4] = "Sequoia"; r[8] = "$21,000"; return r }()  // same VIN, a model the catalog lacks
            let report = try await FeedImporter(db: db).importFeed(data: ImportFixtures.csv([Self.header, rows[0], rows[1], bad]),
                                                                   store: "sf-test", options: Self.options)
            #expect(report.rejected.map(\.row) == [3])
            #expect(report.rejected.map(\.code) == ["model_unresolved"])
            #expect(report.duplicateVINs == 0)
            #expect(report.inserted == 2)
            let price = try await db.rows("SELECT list_price::text FROM inventory_units WHERE vin = \(rows[0][0])").first?.decode(String.self)
            #expect(price == "25001.00")
        }
    }

    @Test func reImportingTheSameFeedChangesNothingAndAnEditedPriceIsAnUpdate() async throws {
        try await TestDatabase.with { db in
            try await MiniCatalog.load(into: db)
            var rows = Self.camryRows(20)
            let importer = FeedImporter(db: db)
            _ = try await importer.importFeed(data: ImportFixtures.csv([Self.header] + rows), store: "sf-test", options: Self.options)
            let again = try await importer.importFeed(data: ImportFixtures.csv([Self.header] + rows), store: "sf-test", options: Self.options)
            #expect((again.inserted, again.updated, again.unchanged) == (0, 0, 20))
            rows[4][8] = "$1,234"
            let edited = try await importer.importFeed(data: ImportFixtures.csv([Self.header] + rows), store: "sf-test", options: Self.options)
            #expect((edited.inserted, edited.updated, edited.unchanged) == (0, 1, 19))
            #expect(try await units(db) == 2 + 20)
        }
    }

    @Test func resolvesMakesAndModelsByAliasChineseNameAndSimilarityAndRejectsTheRest() async throws {
        try await TestDatabase.with { db in
            try await MiniCatalog.load(into: db)
            func row(_ serial: Int, _ make: String, _ model: String) -> [String] {
                [ImportFixtures.vin("LGXCE4CB", year: "S", plant: "N", serial: serial), "CN\(serial)", "2025", make, model, "",
                 "new", "0", "200000", "", "white", ""]
            }
            let feed = ImportFixtures.csv([Self.header, row(1, "比亚迪", "汉EV"), row(2, "biyadi", "tang"), row(3, "Telsa", "ModelY"),
                                           row(4, "Toyota", "Camry Hybrid LE"), row(5, "Tesla", "Model Z"), row(6, "Yugo", "GV")])
            let report = try await FeedImporter(db: db).importFeed(data: feed, store: "sh-test", options: Self.options)
            #expect(report.inserted == 4)
            #expect(report.rejected.map(\.row) == [5, 6])
            #expect(report.rejected.allSatisfy { $0.code == "model_unresolved" })
            #expect(report.warnings.map(\.code) == ["model_fuzzy"])
            #expect(report.warnings.first?.row == 4)
            let names = try await db.rows("""
                SELECT make || ' ' || model FROM inventory_units WHERE stock_number LIKE 'CN%' ORDER BY stock_number
                """).map { try $0.decode(String.self) }
            #expect(names == ["BYD Han", "BYD Tang", "Tesla Model Y", "Toyota Camry"])
        }
    }

    /// Make/model pairs from the audit of issue 2, fed to the real demo catalog: a right make
    /// with a model the catalog does not carry must not be filed under another model of that make.
    static let unrelatedModels: [(String, String)] = [
        ("Honda", "HR-V"), ("Ford", "F-250"), ("Ford", "Escape"), ("Toyota", "Sequoia"), ("Toyota", "Toyota Sequoia"),
        ("Hyundai", "Ioniq 6"), ("Mercedes-Benz", "EQE"), ("Mercedes-Benz", "GLE"), ("大众", "迈腾"), ("本田", "飞度"),
        ("奔驰", "S级"), ("比亚迪", "秦L"), ("Chevrolet", "Equinox EV"), ("Tesla", "Model Z"), ("Yugo", "GV"),
    ]

    /// Real misspellings and spellings of catalog models, with the catalog model each must become.
    static let typos: [(String, String, String)] = [
        ("Toyota", "Camery", "Toyota Camry"), ("Tesla", "Modle Y", "Tesla Model Y"), ("Tesla", "Model3", "Tesla Model 3"),
        ("比亚迪", "宋PLUS", "BYD Song PLUS"), ("Toyota", "Highlandr", "Toyota Highlander"), ("Honda", "Accrd", "Honda Accord"),
        ("Chevrolet", "Equinx", "Chevrolet Equinox"), ("Hondda", "Civic", "Honda Civic"), ("Toyota", "Toyota Camry", "Toyota Camry"),
        ("Toyota", "Camry Hybrid LE", "Toyota Camry"), ("特斯拉", "Model Y", "Tesla Model Y"), ("BMW", "3-Series", "BMW 3 Series"),
    ]

    @Test func aRightMakeWithAModelTheCatalogLacksIsRejectedWhileRealTyposResolve() async throws {
        try await TestDatabase.with { db in
            try await DemoCatalog.load(into: db)
            let pairs = Self.unrelatedModels.map { ($0.0, $0.1) } + Self.typos.map { ($0.0, $0.1) }
            let rows = pairs.enumerated().map { i, pair in
                [ImportFixtures.vin("1FMCU0F7", serial: 900_000 + i), "AUD\(i)", "2024", pair.0, pair.1, "", "new", "5", "$30,000", "",
                 "white", ""]
            }
            let report = try await FeedImporter(db: db).importFeed(data: ImportFixtures.csv([Self.header] + rows), store: "sf-bay",
                                                                   options: Self.options)
            let unrelated = Array(1...Self.unrelatedModels.count)
            #expect(report.rejected.map(\.row) == unrelated)
            #expect(report.rejected.allSatisfy { $0.code == "model_unresolved" })
            let sequoia = try #require(report.rejected.first { $0.row == 4 })
            #expect(sequoia.reason.contains("'Sequoia' is no catalog model of Toyota"))
            let yugo = try #require(report.rejected.last)
            #expect(yugo.reason.contains("'Yugo' is no catalog make"))
            #expect(report.inserted == Self.typos.count)
            let names = try await db.rows("""
                SELECT make || ' ' || model FROM inventory_units WHERE stock_number LIKE 'AUD%' ORDER BY substr(stock_number, 4)::int
                """).map { try $0.decode(String.self) }
            #expect(names == Self.typos.map(\.2))
            // Hand-checked: "highlandr" has 10 trigrams, 8 of them in "highlander"; the make is exact.
            let highlander = try #require(report.warnings.first { $0.reason.hasPrefix("'Toyota Highlandr'") })
            #expect(highlander.reason == "'Toyota Highlandr' taken as Toyota Highlander (model similarity 0.80).")
            let hondda = try #require(report.warnings.first { $0.reason.hasPrefix("'Hondda Civic'") })
            #expect(hondda.reason.contains("model similarity 1.00, make similarity 0.71"))
            for warning in report.warnings where warning.code == "model_fuzzy" {
                let score = try #require(warning.reason.firstMatch(of: /model similarity (\d\.\d\d)/).flatMap { Double($0.1) })
                #expect(score >= Self.options.fuzzyThreshold, "\(warning.reason)")
            }
        }
    }

    @Test func aFeedThatIsNotUTF8IsRefusedWholeNamingItsLineAndByte() async throws {
        try await TestDatabase.with { db in
            try await MiniCatalog.load(into: db)
            let before = try await snapshot(db)
            let utf8 = ImportFixtures.csv([Self.header] + Self.camryRows(3))
            // Row 3's colour "bleu clair métallisé" saved as Latin-1 (é = 0xE9); rows 1 and 2 are fine.
            var text = Array(utf8)
            let colour = Array("Blue,2026-03-01\r\n".utf8)
            let third = text.indices.filter { Array(text[$0...].prefix(colour.count)) == colour }[2]
            let prefix = Array(text[..<third]) + Array("bleu clair m".utf8)
            text = prefix + [0xE9] + Array("tallis".utf8) + [0xE9] + Array(",2026-03-01\r\n".utf8)
            do {
                _ = try await FeedImporter(db: db).importFeed(data: Data(text), store: "sf-test", options: Self.options)
                Issue.record("imported a Latin-1 feed")
            } catch let e as ShowroomError {
                #expect(e.code == "feed_not_utf8")
                #expect(e.message.hasPrefix("The feed is not UTF-8 text: line 4 (byte offset \(prefix.count)): byte 0xE9 after"), "\(e.message)")
                #expect(e.message.contains("Nothing was imported"))
                #expect(e.message.contains("iconv -f WINDOWS-1252 -t UTF-8"))
            }
            #expect(try await snapshot(db) == before)
        }
    }

    @Test func aStockNumberHeldByAnotherVINIsRejected() async throws {
        try await TestDatabase.with { db in
            try await MiniCatalog.load(into: db)
            var row = Self.camryRows(1)[0]
            row[1] = "SFT002"  // MiniCatalog's Camry has this stock number under another VIN
            let report = try await FeedImporter(db: db).importFeed(data: ImportFixtures.csv([Self.header, row]), store: "sf-test", options: Self.options)
            #expect(report.inserted == 0)
            #expect(report.rejected.map(\.code) == ["stock_number_taken"])
        }
    }

    @Test func aFeedWithoutRequiredColumnsIsRefusedWhole() async throws {
        try await TestDatabase.with { db in
            try await MiniCatalog.load(into: db)
            let feed = ImportFixtures.csv([["VIN", "Make", "Model"], [ImportFixtures.camryVIN, "Toyota", "Camry"]])
            do {
                _ = try await FeedImporter(db: db).importFeed(data: feed, store: "sf-test", options: Self.options)
                Issue.record("imported a feed without year and price columns")
            } catch let e as ShowroomError {
                #expect(e.code == "feed_missing_columns")
                #expect(e.message.contains("year, price"))
            }
            await #expect(throws: ShowroomError("store_not_found", "No store with id 'nowhere'.", status: 404)) {
                _ = try await FeedImporter(db: db).importFeed(data: feed, store: "nowhere", options: Self.options)
            }
        }
    }

    @Test func everyRowIsAccountedFor() throws {
        let rows = Self.camryRows(6, bad: [2: (0, "NOTAVIN")]) + [Self.camryRows(1)[0]]
        let parsed = try FeedImporter.parse(ImportFixtures.csv([Self.header] + rows), options: .init(currency: .USD, today: Self.today))
        #expect(parsed.report.rows == 7)
        #expect(parsed.rows.count + parsed.report.rejected.count == 7)
        #expect(parsed.report.rejected.map(\.code) == ["vin_length"])
        let collapsed = FeedImporter.collapse(parsed.rows, rejected: [])
        #expect(collapsed.duplicateVINs == 1)
        #expect(collapsed.dropped == [1])  // row 7 repeats row 1's VIN
        // When the database refuses the later copy, the earlier one stands.
        #expect(FeedImporter.collapse(parsed.rows, rejected: [7]).dropped == [])
    }
}
