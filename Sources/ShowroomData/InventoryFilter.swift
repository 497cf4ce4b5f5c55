import ShowroomCore

/// Filters of `search_inventory` (tools.md); amounts in whole units of the store's currency.
public struct InventoryFilter: Sendable, Hashable {
    public var storeID: StoreID
    public var make: String?
    public var model: String?
    /// Any of these models (a family such as 宋 → Song L, Song PLUS); nil means no such filter.
    public var models: [String]?
    public var bodyType: BodyType?
    public var powertrain: Powertrain?
    public var condition: VehicleCondition?
    public var priceMin: Double?
    public var priceMax: Double?
    public var seatsMin: Int?
    public var rangeMinKm: Int?
    public var drivetrain: Drivetrain?
    public var yearMin: Int?
    public var mileageMaxKm: Int?
    public var color: String?
    /// Only `available` units unless a staff caller asks for all.
    public var includeUnavailable: Bool = false

    public init(storeID: StoreID) { self.storeID = storeID }
}

/// Sort orders of `search_inventory`.
public enum InventorySort: String, Sendable, CaseIterable {
    case priceAsc = "price_asc"
    case priceDesc = "price_desc"
    case rangeDesc = "range_desc"
    case newest

    var sql: String {
        switch self {
        case .priceAsc: "u.list_price ASC, u.id"
        case .priceDesc: "u.list_price DESC, u.id"
        case .rangeDesc: "u.range_km DESC NULLS LAST, u.list_price ASC, u.id"
        case .newest: "u.year DESC, u.mileage_km ASC, u.id"
        }
    }
}
