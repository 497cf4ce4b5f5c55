/// What an import did to one table, by natural key.
///
/// `unchanged` rows were in the file and already held exactly those values (no write, so a
/// re-import of an unedited file reports only `unchanged`). `deleted` rows are gone from the
/// file and were removed (or, for inventory units with appointments, marked sold: `markedSold`).
public struct ImportCounts: Sendable, Hashable, Codable {
    public var inserted = 0
    public var updated = 0
    public var unchanged = 0
    public var deleted = 0
    public var markedSold = 0

    public init(inserted: Int = 0, updated: Int = 0, unchanged: Int = 0, deleted: Int = 0, markedSold: Int = 0) {
        self.inserted = inserted
        self.updated = updated
        self.unchanged = unchanged
        self.deleted = deleted
        self.markedSold = markedSold
    }

    /// Rows in the file: inserted + updated + unchanged.
    public var inFile: Int { inserted + updated + unchanged }

    enum CodingKeys: String, CodingKey {
        case inserted, updated, unchanged, deleted, markedSold = "marked_sold"
    }
}

extension ImportCounts: CustomStringConvertible {
    /// `3 new, 1 updated, 40 unchanged` plus deletions when there were any.
    public var description: String {
        var parts = ["\(inserted) new", "\(updated) updated", "\(unchanged) unchanged"]
        if deleted > 0 { parts.append("\(deleted) deleted") }
        if markedSold > 0 { parts.append("\(markedSold) marked sold") }
        return parts.joined(separator: ", ")
    }
}
