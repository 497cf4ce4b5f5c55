import Foundation
import Logging
import PostgresNIO
import ShowroomCore

/// Imports a dealer inventory feed (CSV) into one store: `showroom import feed.csv --store sf-bay`.
///
/// Every row is parsed and validated in memory first (`FeedRowValidator`: VIN with the market
/// check-digit rule, year, price, mileage, make/model present). The accepted rows are then
/// applied in ONE transaction: COPY into a temporary
/// table, make/model resolved set-based against the catalog (exact canonical, Chinese or alias
/// name, ignoring case, spaces and punctuation; then pg_trgm word similarity over
/// `models.search_text` at `fuzzyThreshold`, refusing a candidate whose short or digit-bearing
/// words the feed lacks, so `Model Z` never becomes `Model Y` nor `ES6` `ES8`), rows whose stock
/// number belongs to another
/// VIN of the store rejected, rows with the same VIN collapsed to the last one not rejected
/// (`collapse`), and one `INSERT ... ON CONFLICT (store_id, vin) DO UPDATE`. No
/// round trip per row; any database error rolls the whole feed back.
///
/// On update the feed sets what it describes (stock number, model, trim, year, condition,
/// mileage, colours, price, MSRP, date in stock when given) and leaves what it does not know
/// (status, floor price, cost). New units are `available`. Units missing from the feed are left
/// alone: a feed may be partial. A trim is matched by name within the resolved model (closest
/// year); when none matches, the unit keeps the feed's trim text and the model's specs.
public struct FeedImporter: Sendable {
    /// How the feed is read.
    public struct Options: Sendable, Hashable {
        /// Unit of mileage values without one; nil means miles for USD stores, km for CNY stores.
        public var mileageUnit: FeedHeaderMap.MileageUnit?
        /// The day the year range is judged on; nil means today in the store's time zone.
        public var today: LocalDate?
        /// Minimum pg_trgm word similarity (0...1) for a fuzzy make/model match.
        public var fuzzyThreshold: Double

        public init(mileageUnit: FeedHeaderMap.MileageUnit? = nil, today: LocalDate? = nil, fuzzyThreshold: Double = 0.5) {
            self.mileageUnit = mileageUnit
            self.today = today
            self.fuzzyThreshold = fuzzyThreshold
        }
    }

    public let db: Database

    public init(db: Database) { self.db = db }

    /// Imports `data` (UTF-8 CSV, with or without BOM, any line endings) into `store`.
    /// Throws `store_not_found`, `feed_not_utf8` (naming the line and byte offset of the first
    /// byte that is not UTF-8), `feed_empty` or `feed_missing_columns` before touching anything.
    public func importFeed(data: Data, store storeID: StoreID, options: Options = .init()) async throws -> FeedImportReport {
        let timer = ImportTimer()
        let store = try await StoreRepository(db: db).require(storeID)
        let today = options.today ?? LocalDate(Date(), in: store.timeZone)
        var parsed = try Self.parse(data, options: .init(currency: store.currency, mileageUnit: options.mileageUnit, today: today))
        parsed.report.store = storeID
        let rows = parsed.rows
        let applied = try await db.transaction { conn in
            try await apply(rows, store: store, threshold: options.fuzzyThreshold, conn)
        }
        var report = parsed.report
        report.inserted = applied.inserted
        report.updated = applied.updated
        report.duplicateVINs = applied.duplicateVINs
        report.unchanged = rows.count - applied.rejected.count - applied.duplicateVINs - applied.inserted - applied.updated
        report.rejected = (report.rejected + applied.rejected).sorted { $0.row < $1.row }
        report.warnings = (report.warnings + applied.warnings).sorted { $0.row < $1.row }
        report.elapsedSeconds = timer.elapsedSeconds
        report.rowsPerSecond = timer.rate(report.rows)
        return report
    }

    /// Validated rows ready for the database, and the report so far.
    struct Parsed: Sendable {
        var rows: [FeedRowValidator.Row]
        var report: FeedImportReport
    }

    /// Parses and validates the whole feed (duplicates are collapsed later, by `collapse`, once
    /// the database has said which rows it refuses). Pure: no database.
    static func parse(_ data: Data, options: FeedRowValidator.Options) throws -> Parsed {
        if let fault = UTF8Fault.find(in: data) {
            throw ShowroomError("feed_not_utf8", "The feed is not UTF-8 text: \(fault.location) is not UTF-8. "
                + "Nothing was imported. \(fault.advice)")
        }
        var report = FeedImportReport(store: "")
        var validator: FeedRowValidator?
        var accepted: [FeedRowValidator.Row] = []
        var headerError: ShowroomError?
        CSVParser.forEachRecord(in: data) { record in
            guard headerError == nil else { return }
            guard let v = validator else {
                let v = FeedRowValidator(header: record.fields, options: options)
                headerError = v.header.missingColumnsError
                report.unknownColumns = v.header.unknown
                validator = v
                return
            }
            report.rows += 1
            switch v.validate(record, row: report.rows) {
            case .accepted(let row, let warnings):
                accepted.append(row)
                report.warnings += warnings
            case .rejected(let issue, let warnings):
                report.rejected.append(issue)
                report.warnings += warnings
            }
        }
        if let headerError { throw headerError }
        guard validator != nil else { throw ShowroomError("feed_empty", "The feed is empty: no header row.") }

        return Parsed(rows: accepted, report: report)
    }

    /// What collapsing the accepted rows left and why the others went.
    struct Collapsed: Sendable {
        /// Row numbers that are not applied: superseded duplicates and stock-number losers.
        var dropped: [Int] = []
        var duplicateVINs = 0
        var warnings: [FeedImportReport.Issue] = []
        var rejected: [FeedImportReport.Issue] = []
    }

    /// Collapses rows with the same VIN to the last one that is not in `rejected` (rows the
    /// database refused, say for an unknown model, so a bad later copy never discards a good
    /// earlier one), then rejects all but the last of surviving rows that give one stock number
    /// to different VINs. Pure: no database.
    static func collapse(_ rows: [FeedRowValidator.Row], rejected: Set<Int>) -> Collapsed {
        var out = Collapsed()
        let live = rows.filter { !rejected.contains($0.row) }
        var lastByVIN: [VIN: Int] = [:]
        for (i, row) in live.enumerated() { lastByVIN[row.vin] = i }
        var lastByStock: [String: Int] = [:]
        for (i, row) in live.enumerated() where lastByVIN[row.vin] == i { lastByStock[row.stockNumber] = i }
        for (i, row) in live.enumerated() {
            let winner = live[lastByVIN[row.vin]!]
            if winner.row != row.row {
                out.duplicateVINs += 1
                out.dropped.append(row.row)
                out.warnings.append(.init(row: row.row, line: row.line, field: "vin", code: "duplicate_vin",
                    reason: "VIN \(row.vin) appears again in row \(winner.row); the later row wins."))
            } else if let keeper = lastByStock[row.stockNumber], keeper != i {
                let other = live[keeper]
                out.dropped.append(row.row)
                out.rejected.append(.init(row: row.row, line: row.line, field: "stock_number", code: "stock_number_duplicate",
                    reason: "Stock number \(row.stockNumber) is given again to VIN \(other.vin) in row \(other.row); the later row wins."))
            }
        }
        return out
    }
}
