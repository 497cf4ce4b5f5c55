import ShowroomCore

/// What a dealer feed import did.
///
/// `row` in `rejected` and `warnings` is the 1-based DATA row number (the header and blank lines
/// are not counted); `line` is the physical line the row starts on. Every data row is either
/// applied (`inserted`, `updated` or `unchanged`), rejected with its reason, or superseded by a
/// later row with the same VIN (`duplicateVINs`, each reported as a `duplicate_vin` warning), so
/// `rows == inserted + updated + unchanged + rejected.count + duplicateVINs`.
public struct FeedImportReport: Sendable, Hashable, Codable {
    public typealias Issue = FeedRowValidator.Issue

    public var store: StoreID
    /// Data rows read.
    public var rows = 0
    public var inserted = 0
    public var updated = 0
    /// Rows whose unit already held exactly these values.
    public var unchanged = 0
    public var rejected: [Issue] = []
    public var warnings: [Issue] = []
    /// Rows dropped because a later row has the same VIN (last wins).
    public var duplicateVINs = 0
    /// Header columns the importer did not recognize (ignored).
    public var unknownColumns: [String] = []
    /// Wall-clock seconds from parsing to commit.
    public var elapsedSeconds = 0.0
    /// Data rows handled per second.
    public var rowsPerSecond = 0.0

    public init(store: StoreID) { self.store = store }

    enum CodingKeys: String, CodingKey {
        case store, rows, inserted, updated, unchanged, rejected, warnings
        case duplicateVINs = "duplicate_vins", unknownColumns = "unknown_columns"
        case elapsedSeconds = "elapsed_seconds", rowsPerSecond = "rows_per_second"
    }
}

extension FeedImportReport: CustomStringConvertible {
    /// Totals, then every rejection and warning with its row and line.
    public var description: String {
        var lines = ["store \(store.rawValue): \(rows) rows; \(inserted) inserted, \(updated) updated, \(unchanged) unchanged, "
            + "\(rejected.count) rejected, \(duplicateVINs) duplicate VINs"]
        if !unknownColumns.isEmpty { lines.append("ignored columns: \(unknownColumns.joined(separator: ", "))") }
        lines += rejected.map { "rejected row \($0.row) (line \($0.line)) \($0.code): \($0.reason)" }
        lines += warnings.map { "warning row \($0.row) (line \($0.line)) \($0.code): \($0.reason)" }
        lines.append(String(format: "%.2f s, %.0f rows/s", elapsedSeconds, rowsPerSecond))
        return lines.joined(separator: "\n")
    }
}
