import Foundation
import PostgresNIO
import ShowroomCore
import ShowroomTestSupport
import Testing
@testable import ShowroomData

@Suite struct ReferenceImporterValueTests {
    @Test(arguments: [
        ("5", 5, false), ("2/5", 2, true), ("10-18", 10, true), ("●6○7", 6, true), ("●3○2", 3, true),
        ("14", nil, true), ("", nil, false), ("n/a", nil, true),
    ] as [(String, Int?, Bool)])
    func readsFreeTextSeats(text: String, seats: Int?, noted: Bool) {
        let (count, note) = ReferenceImporter.seatCount(text)
        #expect(count == seats)
        #expect((note != nil) == noted)
    }

    @Test func repairsUTF8ThatWasReadAsLatin1() {
        #expect(ReferenceImporter.repairMojibake("Lithium Iron Phosphate Batteryï¼\u{88}LFPï¼\u{89}")
                == .repaired("Lithium Iron Phosphate Battery（LFP）"))
        #expect(ReferenceImporter.repairMojibake("â\u{97}\u{8F}2â\u{97}\u{8B}3") == .repaired("●2○3"))
        #expect(ReferenceImporter.repairMojibake("â\u{80}\u{8C}NCM+LFP") == .repaired("NCM+LFP"))
        #expect(ReferenceImporter.repairMojibake("汉 EV") == .unchanged)
        #expect(ReferenceImporter.repairMojibake("plain") == .unchanged)
        #expect(ReferenceImporter.repairMojibake("\u{E9}t\u{E9}") == .unrepairable)  // real Latin-1, not UTF-8
    }

    @Test func foldsCaseVariantsToTheMostUsedSpelling() {
        func trim(_ make: String, _ model: String) -> ReferenceImporter.Trim {
            .init(row: 1, make: make, model: model, name: model, year: 2020, variantKey: "k", specs: "{}")
        }
        var trims = [trim("Nissan", "Leaf"), trim("Nissan", "LEAF"), trim("Nissan", "Leaf"), trim("MINI", "Cooper"), trim("Mini", "Cooper")]
        ReferenceImporter.foldCase(&trims)
        #expect(trims.map(\.model) == ["Leaf", "Leaf", "Leaf", "Cooper", "Cooper"])
        #expect(trims.map(\.make) == ["Nissan", "Nissan", "Nissan", "MINI", "MINI"])
    }

    @Test func readsBatteryCapacityYearAndClassFromNames() {
        #expect(ReferenceImporter.batteryKwh("2022 DaYun M1 BEV 90.58KWH") == 90.58)
        #expect(ReferenceImporter.batteryKwh("2024 BYD Han") == nil)
        #expect(ReferenceImporter.leadingYear("2022 RADAR RD6") == 2022)
        #expect(ReferenceImporter.strippingLeadingYear("2025 BYD Han EV") == "BYD Han EV")
        #expect(ReferenceImporter.epaBody("Small Sport Utility Vehicle 4WD") == .suv)
        #expect(ReferenceImporter.epaBody("Minivan - 2WD") == .mpv)
        #expect(ReferenceImporter.epaBody("Special Purpose Vehicles") == nil)
        #expect(ReferenceImporter.epaDrivetrain("4-Wheel or All-Wheel Drive") == .awd)
        #expect(ReferenceImporter.epaDrivetrain("2-Wheel Drive") == nil)
    }
}

/// The real data sets in ../shared/data; expectations are computed from the files.
@Suite(.enabled(if: TestDatabase.available && TestDatabase.sharedData("epa-fueleconomy") != nil,
                "needs DATABASE_URL and ../shared/data/epa-fueleconomy"))
struct EPAReferenceImportTests {
    @Test func importsEveryDistinctEPAVehicleAndReImportsInPlace() async throws {
        let file = try #require(TestDatabase.sharedData("epa-fueleconomy")).appendingPathComponent("vehicles.csv")
        let records = CSVParser.records(in: try Data(contentsOf: file))
        let header = try #require(records.first).fields
        func col(_ name: String) throws -> Int { try #require(header.firstIndex(of: name)) }
        let (id, year, make, model, base, range) = (try col("id"), try col("year"), try col("make"), try col("model"),
                                                     try col("baseModel"), try col("range"))
        let (trany, drive, displ, cyl, fuel, vclass) = (try col("trany"), try col("drive"), try col("displ"),
                                                         try col("cylinders"), try col("fuelType"), try col("VClass"))
        let rows = records.dropFirst()
        var ids = Set<Int>(), makes = Set<String>(), models = Set<String>(), withRange = 0
        var byDescription: [[String]: [Int]] = [:]
        for r in rows {
            guard let i = Int(r[id]), ids.insert(i).inserted, let y = Int(r[year]), (1950...2100).contains(y),
                !r[make].isEmpty, !r[model].isEmpty
            else { continue }
            makes.insert(r[make].lowercased())
            models.insert(r[make].lowercased() + "|" + (r[base].isEmpty ? r[model] : r[base]).lowercased())
            if (Double(r[range]) ?? 0) > 0 { withRange += 1 }
            byDescription[[r[year], r[make], r[model], r[trany], r[drive], r[displ], r[cyl], r[fuel], r[vclass]], default: []].append(i)
        }
        let repeatedIDs = byDescription.values.filter { $0.count > 1 }.flatMap { $0 }.map { "epa:\($0)" }
        #expect(repeatedIDs.count > 3000)  // the file's repeated natural keys
        let (expectedTrims, expectedMakes, expectedModels, expectedRanges) = (ids.count, makes.count, models.count, withRange)

        try await TestDatabase.with { db in
            let report = try await ReferenceImporter(db: db).importEPA(file)
            #expect(report.rows == rows.count)
            #expect(report.trims == ImportCounts(inserted: expectedTrims))
            #expect(report.rows == report.trims.inFile + report.rejected.count + report.duplicates.count)
            #expect(report.distinctMakes == expectedMakes)
            #expect(report.distinctModels == expectedModels)
            func count(_ sql: PostgresQuery) async throws -> Int { try await db.rows(sql).first?.decode(Int.self) ?? -1 }
            #expect(try await count("SELECT count(*)::int FROM trims WHERE source = 'epa'") == expectedTrims)
            #expect(try await count("SELECT count(*)::int FROM makes") == expectedMakes)
            #expect(try await count("SELECT count(*)::int FROM models WHERE source = 'epa'") == expectedModels)
            #expect(try await count("SELECT count(*)::int FROM trims WHERE source = 'epa' AND variant_key = ANY(\(repeatedIDs))") == repeatedIDs.count)
            // The three kinds of missing value become absent values, never 0 or -1.
            #expect(try await count("SELECT count(*)::int FROM trims WHERE source = 'epa' AND range_km IS NOT NULL") == expectedRanges)
            #expect(try await count("""
                SELECT count(*)::int FROM trims WHERE source = 'epa' AND ((specs->>'co2_g_per_mile')::float8 <= 0
                    OR (specs->>'fe_score')::float8 <= 0 OR (specs->>'displacement_l')::float8 <= 0 OR mpg_combined <= 0)
                """) == 0)

            let again = try await ReferenceImporter(db: db).importEPA(file)
            #expect(again.trims == ImportCounts(unchanged: expectedTrims))
            #expect(again.makesInserted == 0 && again.modelsInserted == 0)
            #expect(try await count("SELECT count(*)::int FROM trims") == expectedTrims)
        }
    }
}

@Suite(.enabled(if: TestDatabase.available && TestDatabase.sharedData("cn-nev-specs-autocango") != nil,
                "needs DATABASE_URL and ../shared/data/cn-nev-specs-autocango"))
struct NEVReferenceImportTests {
    @Test func importsWhatIsSoundReportsTheRestRowByRowAndAttachesToCatalogModels() async throws {
        let file = try #require(TestDatabase.sharedData("cn-nev-specs-autocango")).appendingPathComponent("car_specs_china.csv")
        let records = CSVParser.records(in: try Data(contentsOf: file))
        let header = try #require(records.first).fields
        let url = try #require(header.firstIndex(of: "source_url")), seats = try #require(header.firstIndex(of: "seats"))
        let yearCol = try #require(header.firstIndex(of: "model_year"))
        let brand = try #require(header.firstIndex(of: "brand")), series = try #require(header.firstIndex(of: "series"))
        var seen = Set<[String]>(), duplicates = 0
        var firstOccurrence: [Int: CSVParser.Record] = [:]
        for (n, r) in records.dropFirst().enumerated() {
            var key = r.fields
            key.remove(at: url)
            if seen.insert(key).inserted { firstOccurrence[n + 1] = r } else { duplicates += 1 }
        }
        let rowCount = records.count - 1
        let (firstRows, duplicateCount) = (firstOccurrence, duplicates)
        #expect(duplicates > 0)

        try await TestDatabase.with { db in
            try await MiniCatalog.load(into: db)
            let report = try await ReferenceImporter(db: db).importNEV(file)
            #expect(report.rows == rowCount)
            #expect(report.duplicates.count == duplicateCount)
            #expect(report.rows == report.trims.inFile + report.rejected.count + report.duplicates.count)
            #expect(report.trims.inserted == report.trims.inFile)
            for issue in report.rejected + report.warnings + report.duplicates {
                #expect((1...rowCount).contains(issue.row) && !issue.reason.isEmpty && !issue.code.isEmpty)
            }
            let rejected = Set(report.rejected.map(\.row))
            let imported = firstRows.filter { !rejected.contains($0.key) }
            #expect(imported.count == report.trims.inFile)

            // Every imported row whose year is "-" says where its year came from.
            let yearFromName = Set(report.warnings.filter { $0.code == "year_from_name" }.map(\.row))
            #expect(Set(imported.filter { $0.value[yearCol] == "-" }.keys) == yearFromName)
            #expect(!yearFromName.isEmpty)
            // Seats that are not a single count in 1-12 are reported row by row.
            let oddSeats = Set(imported.filter { r in
                let text = r.value[seats]
                return !text.isEmpty && !(Int(text).map { (1...12).contains($0) } ?? false)
            }.keys)
            #expect(Set(report.warnings.filter { $0.code == "seats_text" }.map(\.row)) == oddSeats)

            func count(_ sql: PostgresQuery) async throws -> Int { try await db.rows(sql).first?.decode(Int.self) ?? -1 }
            #expect(try await count("SELECT count(*)::int FROM trims WHERE source = 'cn-nev'") == report.trims.inFile)
            // Mojibake is repaired: no Latin-1 reading of UTF-8 survives, the seat marks are real.
            #expect(try await count("""
                SELECT count(*)::int FROM trims WHERE source = 'cn-nev'
                AND (specs::text ~ '[\\u0080-\\u009f]' OR specs::text LIKE '%ï¼%' OR specs::text LIKE '%â%' OR name LIKE '%â%')
                """) == 0)
            let markedSeats = imported.values.filter { $0[seats] == "â\u{97}\u{8F}2â\u{97}\u{8B}3" }.count
            #expect(markedSeats > 0)
            #expect(try await count("SELECT count(*)::int FROM trims WHERE source = 'cn-nev' AND specs->>'seats_text' = '●2○3'") == markedSeats)
            // BYD Han trims attach to the catalog's Han; the catalog model stays the catalog's.
            let hanRows = imported.values.filter { $0[brand] == "BYD" && $0[series] == "Han" }.count
            #expect(hanRows > 0)
            #expect(try await count("""
                SELECT count(*)::int FROM trims t JOIN models m ON m.id = t.model_id JOIN makes mk ON mk.id = m.make_id
                WHERE t.source = 'cn-nev' AND mk.name = 'BYD' AND m.name = 'Han' AND m.source = 'catalog'
                """) == hanRows)
            #expect(try await count("SELECT count(*)::int FROM models WHERE lower(name) = 'han'") == 1)
        }
    }
}
