import ArgumentParser
import BenchSupport
import Foundation
import ShowroomCore
import ShowroomData

/// Import throughput on scratch databases (DATABASE_URL): the demo catalog folder, a generated
/// 100,000-unit dealer feed (insert, then the same feed again: all unchanged), and the
/// reference data sets of ../shared/data (US EPA fuel economy; China NEV specs) when present.
/// Each import runs `--repeat` times on a new database; the median is reported.
struct ImportsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "imports", abstract: "Import rows/s.")

    @Option(help: "Runs of each import (median reported).") var `repeat` = 3
    @Option(help: "Units in the generated feed.") var feedRows = 100_000

    func run() async throws {
        var catalog: [(Double, Int)] = [], feed: [(Double, Int)] = [], again: [(Double, Int)] = []
        var epa: [(Double, Int)] = [], nev: [(Double, Int)] = []
        let feedData = FeedImporter.syntheticFeed(rows: feedRows)
        for _ in 0..<`repeat` {
            try await Self.onScratch(catalog: false) { db in
                let r = try await CatalogImporter(db: db).importFolder(RepositoryPaths.catalog)
                let rows = r.stores.inFile + r.makes.inFile + r.models.inFile + r.trims.inFile + r.promotions.inFile + r.units.inFile
                catalog.append((r.elapsedSeconds, rows))
            }
            try await Self.onScratch(catalog: true) { db in
                let first = try await FeedImporter(db: db).importFeed(data: feedData, store: "sf-bay")
                guard first.inserted == feedRows else { throw ShowroomError("bench", "feed: \(first.inserted) inserted, \(first.rejected.count) rejected") }
                feed.append((first.elapsedSeconds, first.rows))
                let second = try await FeedImporter(db: db).importFeed(data: feedData, store: "sf-bay")
                again.append((second.elapsedSeconds, second.rows))
            }
            if let dir = RepositoryPaths.sharedData("epa-fueleconomy") {
                try await Self.onScratch(catalog: false) { db in
                    let r = try await ReferenceImporter(db: db).importEPA(dir.appendingPathComponent("vehicles.csv"))
                    epa.append((r.elapsedSeconds, r.rows))
                }
            }
            if let dir = RepositoryPaths.sharedData("cn-nev-specs-autocango") {
                try await Self.onScratch(catalog: false) { db in
                    let r = try await ReferenceImporter(db: db).importNEV(dir.appendingPathComponent("car_specs_china.csv"))
                    nev.append((r.elapsedSeconds, r.rows))
                }
            }
        }
        func line(_ name: String, _ runs: [(Double, Int)]) {
            guard !runs.isEmpty else { print("  \(name): skipped (data set absent)"); return }
            let sorted = runs.sorted { $0.0 < $1.0 }
            let (s, rows) = sorted[sorted.count / 2]
            print(String(format: "  %-44@ %7d rows  median %6.2f s  %8.0f rows/s  (runs: %@)", name as NSString, rows, s,
                         Double(rows) / s, runs.map { String(format: "%.2f s", $0.0) }.joined(separator: ", ") as NSString))
        }
        print("imports (median of \(`repeat`) runs, each on a new database):")
        line("catalog/ (stores, makes, models, trims, units)", catalog)
        line("feed, \(feedRows) new units", feed)
        line("feed again, \(feedRows) unchanged units", again)
        line("EPA vehicles.csv (reference)", epa)
        line("China NEV specs (reference)", nev)
    }

    static func onScratch(catalog: Bool, _ body: (Database) async throws -> Void) async throws {
        let bench = try await BenchDatabase.open(catalog: catalog)
        do {
            try await body(bench.db)
            await bench.close()
        } catch {
            await bench.close()
            throw error
        }
    }
}
