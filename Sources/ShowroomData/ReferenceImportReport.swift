import ShowroomCore

/// What a reference-catalog import (EPA or China NEV specs) did.
///
/// Row issues use the feed's shape: `row` is the 1-based data row, `line` the physical line.
/// Every data row is imported as a trim, `rejected` (unsound, with the reason) or a
/// `duplicate` of an earlier row, so `rows == trims.inFile + rejected.count + duplicates.count`.
/// `warnings` name rows imported with a repair or a dropped value (year taken from the name,
/// seats text that is not one count, unknown fuel type ...).
public struct ReferenceImportReport: Sendable, Hashable, Codable {
    public typealias Issue = FeedRowValidator.Issue

    /// `epa` or `cn-nev`, as stored in `models.source` and `trims.source`.
    public var source: String
    /// Data rows read.
    public var rows = 0
    /// Trims by natural key (`source`, `variant_key`).
    public var trims = ImportCounts()
    /// Makes and models created; existing ones (e.g. the dealer catalog's) are matched by name,
    /// ignoring case, or by alias, and reused untouched.
    public var makesInserted = 0
    public var modelsInserted = 0
    /// Distinct makes and models the file names (after folding case variants).
    public var distinctMakes = 0
    public var distinctModels = 0
    public var rejected: [Issue] = []
    public var duplicates: [Issue] = []
    public var warnings: [Issue] = []
    /// Wall-clock seconds from reading the file to commit.
    public var elapsedSeconds = 0.0
    /// Data rows handled per second.
    public var rowsPerSecond = 0.0

    public init(source: String) { self.source = source }

    enum CodingKeys: String, CodingKey {
        case source, rows, trims, rejected, duplicates, warnings
        case makesInserted = "makes_inserted", modelsInserted = "models_inserted"
        case distinctMakes = "distinct_makes", distinctModels = "distinct_models"
        case elapsedSeconds = "elapsed_seconds", rowsPerSecond = "rows_per_second"
    }
}

extension ReferenceImportReport: CustomStringConvertible {
    /// Totals, then every rejected row with its reason; warnings are counted by code.
    public var description: String {
        var lines = ["\(source): \(rows) rows; trims \(trims); \(makesInserted) makes and \(modelsInserted) models created; "
            + "\(rejected.count) rejected, \(duplicates.count) duplicates"]
        lines += rejected.map { "rejected row \($0.row) (line \($0.line)) \($0.code): \($0.reason)" }
        let byCode = Dictionary(grouping: warnings, by: \.code).map { "\($0.key) \($0.value.count)" }.sorted()
        if !byCode.isEmpty { lines.append("warnings: " + byCode.joined(separator: ", ")) }
        lines.append(String(format: "%.2f s, %.0f rows/s", elapsedSeconds, rowsPerSecond))
        return lines.joined(separator: "\n")
    }
}
