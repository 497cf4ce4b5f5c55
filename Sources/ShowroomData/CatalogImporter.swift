import Foundation
import Logging
import PostgresNIO
import ShowroomCore

/// Loads the dealer group's editable catalog (`catalog/stores.yaml`, `models.yaml`,
/// `inventory.csv`) into Postgres: `showroom import catalog/`.
///
/// Everything is checked first (errors name the file, the row or YAML path, and the field) and
/// then written in ONE transaction, keyed by natural keys so a re-import updates in place and
/// never duplicates: stores by id; makes by name and models by (make, name), both compared
/// case-insensitively; trims by (model, trim, year) with an empty `variant_key`; promotions by
/// (store, code); inventory units by (store, stock number). Rows whose values did not change are
/// not written (reported `unchanged`).
///
/// The files are authoritative for what they describe: promotions of a listed store that are
/// gone from the file are deleted; catalog inventory units of a listed store that are gone from
/// inventory.csv are deleted, unless an appointment points at one, which is then marked `sold`
/// so the booking keeps its vehicle; catalog trims gone from models.yaml are deleted unless a
/// unit uses them; catalog models gone from the file are deleted when nothing uses them. Stores
/// and makes are never deleted (a store holds leads and conversations), and units that came from
/// a dealer feed (`source = 'feed'`) are left alone. Store `settings` keys in the file overwrite
/// the stored ones; keys set at run time (e.g. by staff) and absent from the file stay.
public struct CatalogImporter: Sendable {
    public let db: Database
    /// The day the year range of inventory rows is judged on (newest model year = next year).
    public var today: LocalDate

    public init(db: Database, today: LocalDate = LocalDate(Date(), in: TimeZone(identifier: "UTC")!)) {
        self.db = db
        self.today = today
    }

    /// Imports the catalog folder; throws `catalog_invalid` (nothing written) when any file has problems.
    public func importFolder(_ folder: URL) async throws -> CatalogImportReport {
        let timer = ImportTimer()
        let bundle = try Self.load(folder, today: today)
        var report = try await db.transaction { conn in try await apply(bundle, conn) }
        report.warnings = bundle.warnings
        let trims = bundle.makes.reduce(0) { $0 + $1.models.reduce(0) { $0 + $1.trims.count } }
        let rows = bundle.stores.count + bundle.makes.count + trims + bundle.units.count
        report.elapsedSeconds = timer.elapsedSeconds
        report.rowsPerSecond = timer.rate(rows)
        return report
    }

    private func apply(_ bundle: Bundle, _ conn: PostgresConnection) async throws -> CatalogImportReport {
        let log = db.logger
        var report = CatalogImportReport()
        try await copy(bundle, conn)
        report.stores = try await counted(bundle.stores.count, conn.upsertCounts(Self.upsertStores, logger: log))
        report.makes = try await counted(bundle.makes.count, conn.upsertCounts(Self.upsertMakes, logger: log))
        report.models = try await counted(bundle.makes.reduce(0) { $0 + $1.models.count },
                                          conn.upsertCounts(Self.upsertModels, logger: log))
        let trimCount = bundle.makes.reduce(0) { $0 + $1.models.reduce(0) { $0 + $1.trims.count } }
        report.trims = try await counted(trimCount, conn.upsertCounts(Self.upsertTrims, logger: log))
        let promotionCount = bundle.stores.reduce(0) { $0 + ($1.promotions?.count ?? 0) }
        report.promotions = try await counted(promotionCount, conn.upsertCounts(Self.upsertPromotions, logger: log))
        report.promotions.deleted = try await conn.count(Self.deleteStalePromotions, logger: log)

        let stale = try await conn.rows(PostgresQuery(unsafeSQL: Self.retireStaleUnits), logger: log).first
        let (deleted, sold) = try stale?.decode((Int, Int).self) ?? (0, 0)
        let conflicts = try await conn.rows(PostgresQuery(unsafeSQL: Self.vinConflicts), logger: log)
        if !conflicts.isEmpty {
            let lines = try conflicts.prefix(20).map { row -> String in
                let (line, vin, stock) = try row.decode((Int, String, String).self)
                return "- inventory.csv line \(line) vin: \(vin) already belongs to stock \(stock) of the same store"
            }
            throw ShowroomError("catalog_invalid", "The catalog has \(conflicts.count) VIN conflict(s):\n" + lines.joined(separator: "\n"))
        }
        report.units = try await counted(bundle.units.count, conn.upsertCounts(Self.upsertUnits, logger: log))
        report.units.deleted = deleted
        report.units.markedSold = sold
        let missing = try await conn.count(Self.unitsNotWritten, logger: log)
        guard missing == 0 else {
            throw ShowroomError("catalog_import_failed", "\(missing) inventory row(s) matched no store, model or trim in the database.", status: 500)
        }
        report.trims.deleted = try await conn.count(Self.deleteStaleTrims, logger: log)
        report.staleTrimsKept = try await conn.count(Self.staleTrimsInUse, logger: log)
        report.models.deleted = try await conn.count(Self.deleteStaleModels, logger: log)
        return report
    }

    private func counted(_ total: Int, _ counts: (inserted: Int, updated: Int)) -> ImportCounts {
        ImportCounts(inserted: counts.inserted, updated: counts.updated, unchanged: total - counts.inserted - counts.updated)
    }
}
