/// One page of `InventoryRepository.search` and how many units match.
///
/// Counting every match of a broad filter on a large inventory costs more than the page
/// itself, so the count stops at a cap: `total` is exact while `totalIsLowerBound` is false;
/// when it is true, more than `total` units match (say "1,000+", never "1,000").
public struct InventorySearchResult: Sendable, Hashable {
    /// Matching units, exact up to the repository's cap; the cap itself when there are more.
    public var total: Int
    /// True when more than `total` units match and the count stopped at the cap.
    public var totalIsLowerBound: Bool
    /// The requested page, in the requested sort order.
    public var vehicles: [VehicleRecord]

    public init(total: Int, totalIsLowerBound: Bool, vehicles: [VehicleRecord]) {
        self.total = total
        self.totalIsLowerBound = totalIsLowerBound
        self.vehicles = vehicles
    }
}
