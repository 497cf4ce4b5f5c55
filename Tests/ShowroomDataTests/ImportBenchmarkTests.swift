import Foundation
import ShowroomCore
import ShowroomData
import ShowroomTestSupport
import Testing

/// Timings for BENCHMARKS.md, run only on request:
/// `SHOWROOM_BENCH=1 swift test -c release -Xswiftc -enable-testing --filter ImportBenchmarkTests`.
/// They check counts, never speed; the numbers are printed.
@Suite(.enabled(if: TestDatabase.available && ProcessInfo.processInfo.environment["SHOWROOM_BENCH"] != nil,
                "set SHOWROOM_BENCH=1 and DATABASE_URL"))
struct ImportBenchmarkTests {
    @Test func timesAHundredThousandUnitFeed() async throws {
        let feed = FeedImporter.syntheticFeed(rows: 100_000)
        try await TestDatabase.with { db in
            try await MiniCatalog.load(into: db)
            let first = try await FeedImporter(db: db).importFeed(data: feed, store: "sf-test")
            #expect(first.inserted == 100_000 && first.rejected.isEmpty)
            let again = try await FeedImporter(db: db).importFeed(data: feed, store: "sf-test")
            #expect(again.unchanged == 100_000)
            print("BENCH feed 100000 rows: insert \(first.elapsedSeconds) s (\(Int(first.rowsPerSecond)) rows/s), "
                + "re-import \(again.elapsedSeconds) s (\(Int(again.rowsPerSecond)) rows/s)")
        }
    }

    @Test(.enabled(if: TestDatabase.sharedData("epa-fueleconomy") != nil)) func timesTheEPAReferenceImport() async throws {
        let file = try #require(TestDatabase.sharedData("epa-fueleconomy")).appendingPathComponent("vehicles.csv")
        try await TestDatabase.with { db in
            let report = try await ReferenceImporter(db: db).importEPA(file)
            #expect(report.trims.inserted == report.rows - report.rejected.count - report.duplicates.count)
            print("BENCH epa \(report.rows) rows: \(report.elapsedSeconds) s (\(Int(report.rowsPerSecond)) rows/s)")
        }
    }
}
