import Foundation
import Logging
import PostgresNIO
import ShowroomCore

/// Imports reference makes, models and trims from public data sets: the US EPA fuel-economy
/// file (`source = 'epa'`) and the China NEV spec file (`source = 'cn-nev'`).
///
/// Natural key of a reference trim: (`source`, `variant_key`), where `variant_key` is the
/// publisher's own record id — `epa:<id>` (EPA vehicle id) and `autocango:<slug>` (the last
/// part of the spec page URL). Descriptive columns cannot be the key: 3,706 EPA rows repeat
/// (year, make, model, transmission, drive, displacement, cylinders, fuel, class) and differ in
/// engine descriptor or motor, and an EPA correction to such a column would otherwise create a
/// second trim. So every distinct record is one trim; a re-import updates in place. Rows that
/// repeat another row in every column but the id (the NEV file lists 39 vehicles twice under two
/// URLs) are the same vehicle and are reported as duplicates, not imported twice.
///
/// Makes and models are matched ignoring case (EPA writes both `Leaf` and `LEAF`; the spelling
/// used most in the file is kept) and against existing names and aliases, so reference trims
/// attach to the dealer catalog's models where they are the same (EPA `Tesla Model 3`); models
/// that exist already are not modified. Trims gone from a newer file are kept (reference data
/// only grows). Everything runs in one transaction: COPY into a temporary table, then
/// set-based inserts and one upsert.
public struct ReferenceImporter: Sendable {
    public let db: Database

    public init(db: Database) { self.db = db }

    /// Imports `vehicles.csv` of fueleconomy.gov.
    public func importEPA(_ file: URL) async throws -> ReferenceImportReport {
        try await run(file, source: "epa", map: Self.mapEPA)
    }

    /// Imports `car_specs_china.csv` (autocango.com China spec pages).
    public func importNEV(_ file: URL) async throws -> ReferenceImportReport {
        try await run(file, source: "cn-nev", map: Self.mapNEV)
    }

    /// A trim ready for the database, in the units of the `trims` table.
    struct Trim: Sendable {
        var row: Int
        var make: String
        var model: String
        var name: String
        var year: Int
        var variantKey: String
        var powertrain: Powertrain?
        var drivetrain: Drivetrain?
        var bodyType: BodyType?
        var seats: Int?
        var priceCNY: Double?
        var priceUSD: Double?
        var rangeKm: Int?
        var fuelL100km: Double?
        var mpgCombined: Int?
        var kwh100km: Double?
        var powerKw: Int?
        var batteryKwh: Double?
        var lengthMm: Int?
        var widthMm: Int?
        var heightMm: Int?
        var wheelbaseMm: Int?
        var accel0to100: Double?
        /// Source-specific facts as a JSON object text.
        var specs: String
    }

    private func run(_ file: URL, source: String,
                     map: (Data, inout ReferenceImportReport) throws -> [Trim]) async throws -> ReferenceImportReport {
        let timer = ImportTimer()
        let data: Data
        do { data = try Data(contentsOf: file) } catch {
            throw ShowroomError("reference_file_unreadable", "Cannot read \(file.path).")
        }
        var report = ReferenceImportReport(source: source)
        var trims = try map(data, &report)
        Self.foldCase(&trims)
        report.distinctMakes = Set(trims.map(\.make)).count
        report.distinctModels = Set(trims.map { "\($0.make)|\($0.model)" }).count
        let rows = trims
        let applied = try await db.transaction { conn in try await apply(rows, source: source, conn) }
        report.makesInserted = applied.makes
        report.modelsInserted = applied.models
        report.trims = ImportCounts(inserted: applied.trims.inserted, updated: applied.trims.updated,
                                    unchanged: trims.count - applied.trims.inserted - applied.trims.updated)
        report.rejected.sort { $0.row < $1.row }
        report.warnings.sort { $0.row < $1.row }
        report.elapsedSeconds = timer.elapsedSeconds
        report.rowsPerSecond = timer.rate(report.rows)
        return report
    }

    /// Rewrites make and model names that differ only in case to the spelling used most often
    /// (first seen on a tie).
    static func foldCase(_ trims: inout [Trim]) {
        func canonical(_ names: [String]) -> [String: String] {
            var counts: [String: [String: (n: Int, first: Int)]] = [:]
            for (i, name) in names.enumerated() {
                let key = name.lowercased()
                let c = counts[key]?[name] ?? (0, i)
                counts[key, default: [:]][name] = (c.n + 1, c.first)
            }
            return counts.mapValues { spellings in
                spellings.max { a, b in a.value.n != b.value.n ? a.value.n < b.value.n : a.value.first > b.value.first }!.key
            }
        }
        let makes = canonical(trims.map(\.make))
        for i in trims.indices { trims[i].make = makes[trims[i].make.lowercased()]! }
        let models = canonical(trims.map { "\($0.make)\u{1F}\($0.model)" })
        for i in trims.indices {
            let folded = models["\(trims[i].make)\u{1F}\(trims[i].model)".lowercased()]!
            trims[i].model = String(folded.split(separator: "\u{1F}", omittingEmptySubsequences: false).last!)
        }
    }

    /// Calls `body` for every data row of a reference CSV with the header's column indexes and the
    /// 1-based row number, after counting the row and rejecting it when its width differs from
    /// the header's. Throws `reference_columns_missing` naming the columns the file lacks.
    static func forEachDataRow(
        in data: Data, file: String, required: [String], report: inout ReferenceImportReport,
        _ body: (CSVParser.Record, [String: Int], Int, inout ReferenceImportReport) throws -> Void
    ) throws {
        var column: [String: Int] = [:]
        var width = 0
        try CSVParser.forEachRecord(in: data) { record in
            if width == 0 {
                width = record.count
                for (i, name) in record.fields.enumerated() where column[name] == nil { column[name] = i }
                let missing = required.filter { column[$0] == nil }
                if !missing.isEmpty {
                    throw ShowroomError("reference_columns_missing", "\(file) lacks columns: \(missing.joined(separator: ", ")).")
                }
                return
            }
            report.rows += 1
            if let ragged = record.raggedness(expected: width) {
                report.rejected.append(.init(row: report.rows, line: record.line, field: nil, code: "row_ragged", reason: ragged))
                return
            }
            try body(record, column, report.rows, &report)
        }
    }
}
