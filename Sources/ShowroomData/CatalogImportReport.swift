/// What `showroom import catalog/` did, table by table, with its timing.
public struct CatalogImportReport: Sendable, Hashable, Codable {
    public var stores = ImportCounts()
    public var makes = ImportCounts()
    public var models = ImportCounts()
    public var trims = ImportCounts()
    public var promotions = ImportCounts()
    /// Inventory units; `deleted` and `markedSold` count units of the file's stores that are no
    /// longer in inventory.csv (sold when an appointment still points at them, deleted otherwise).
    public var units = ImportCounts()
    /// Catalog trims gone from models.yaml but kept because inventory units still use them.
    public var staleTrimsKept = 0
    /// Non-fatal findings (unknown keys, a foreign VIN with a wrong check digit, floor above list).
    public var warnings: [String] = []
    /// Wall-clock seconds from reading the files to commit.
    public var elapsedSeconds = 0.0
    /// Rows of all files handled per second.
    public var rowsPerSecond = 0.0

    public init() {}

    enum CodingKeys: String, CodingKey {
        case stores, makes, models, trims, promotions, units, warnings
        case staleTrimsKept = "stale_trims_kept", elapsedSeconds = "elapsed_seconds", rowsPerSecond = "rows_per_second"
    }
}

extension CatalogImportReport: CustomStringConvertible {
    /// One line per table, then the warnings, for `showroom import catalog/`.
    public var description: String {
        var lines = [
            "stores: \(stores)", "makes: \(makes)", "models: \(models)", "trims: \(trims)",
            "promotions: \(promotions)", "units: \(units)",
        ]
        if staleTrimsKept > 0 { lines.append("trims gone from models.yaml but still used by units: \(staleTrimsKept)") }
        lines += warnings.map { "warning: \($0)" }
        lines.append(String(format: "%.2f s, %.0f rows/s", elapsedSeconds, rowsPerSecond))
        return lines.joined(separator: "\n")
    }
}

extension CatalogImporter {
    /// The report `importFolder` returns.
    public typealias Report = CatalogImportReport
}
