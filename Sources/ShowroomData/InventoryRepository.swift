import Foundation
import PostgresNIO
import ShowroomCore

/// Inventory reads for the agents' tools: faceted search, one unit, and (staff only) prices.
public struct InventoryRepository: Sendable {
    public let db: Database

    public init(db: Database) { self.db = db }

    static let columns = """
        u.id, u.store_id, u.stock_number, u.vin, u.make, u.model, mk.name_zh, m.name_zh, u.trim, u.year,
        u.condition, u.body_type, u.powertrain, u.drivetrain, u.seats, u.range_km, u.mileage_km,
        u.exterior_color, u.interior_color, u.currency, u.list_price::text, u.msrp::text, u.status,
        u.date_in_stock::text, u.trim_id, u.model_id
        """
    static let from = """
        FROM inventory_units u JOIN models m ON m.id = u.model_id JOIN makes mk ON mk.id = m.make_id
        """

    /// Units matching every set filter, sorted and paged, with the total count before paging.
    public func search(_ f: InventoryFilter, sort: InventorySort = .priceAsc, limit: Int = 10, offset: Int = 0) async throws
        -> (total: Int, vehicles: [VehicleRecord])
    {
        var total = 0
        var out: [VehicleRecord] = []
        for row in try await db.rows(Self.searchQuery(f, sort: sort, limit: limit, offset: offset)) {
            out.append(try Self.decode(row))
            total = try Array(row)[26].decode(Int.self)
        }
        if out.isEmpty && offset > 0 {
            total = try await search(f, sort: sort, limit: 1, offset: 0).total
        }
        return (total, out)
    }

    /// The SQL of `search` with its binds (public so the benchmarks can EXPLAIN exactly it).
    public static func searchQuery(_ f: InventoryFilter, sort: InventorySort, limit: Int, offset: Int) -> PostgresQuery {
        """
            SELECT \(unescaped: Self.columns), count(*) OVER () \(unescaped: Self.from)
            WHERE u.store_id = \(f.storeID.rawValue)
              AND (\(f.includeUnavailable) OR u.status = 'available')
              AND (\(f.make)::text IS NULL OR u.make = \(f.make))
              AND (\(f.model)::text IS NULL OR u.model = \(f.model))
              AND (\(f.bodyType?.rawValue)::text IS NULL OR u.body_type = \(f.bodyType?.rawValue))
              AND (\(f.powertrain?.rawValue)::text IS NULL OR u.powertrain = \(f.powertrain?.rawValue))
              AND (\(f.condition?.rawValue)::text IS NULL OR u.condition = \(f.condition?.rawValue))
              AND (\(f.priceMin)::float8 IS NULL OR u.list_price >= \(f.priceMin)::float8)
              AND (\(f.priceMax)::float8 IS NULL OR u.list_price <= \(f.priceMax)::float8)
              AND (\(f.seatsMin)::int IS NULL OR u.seats >= \(f.seatsMin))
              AND (\(f.rangeMinKm)::int IS NULL OR u.range_km >= \(f.rangeMinKm))
              AND (\(f.drivetrain?.rawValue)::text IS NULL OR u.drivetrain = \(f.drivetrain?.rawValue))
              AND (\(f.yearMin)::int IS NULL OR u.year >= \(f.yearMin))
              AND (\(f.mileageMaxKm)::int IS NULL OR u.mileage_km <= \(f.mileageMaxKm))
              AND (\(f.color)::text IS NULL OR u.exterior_color ILIKE \(f.color))
            ORDER BY \(unescaped: sort.sql)
            LIMIT \(limit) OFFSET \(offset)
            """
    }

    /// One unit of a store by stock number or VIN (any status), or nil.
    public func unit(store: StoreID, stockNumber: String? = nil, vin: String? = nil) async throws -> VehicleRecord? {
        let rows = try await db.rows("""
            SELECT \(unescaped: Self.columns) \(unescaped: Self.from)
            WHERE u.store_id = \(store.rawValue)
              AND ((\(stockNumber)::text IS NOT NULL AND upper(u.stock_number) = upper(\(stockNumber)))
                OR (\(vin)::text IS NOT NULL AND u.vin = upper(\(vin))))
            LIMIT 1
            """)
        return try rows.first.map(Self.decode)
    }

    /// Units by stock numbers (one query), in no particular order.
    public func units(store: StoreID, stockNumbers: [String]) async throws -> [VehicleRecord] {
        guard !stockNumbers.isEmpty else { return [] }
        return try await db.rows("""
            SELECT \(unescaped: Self.columns) \(unescaped: Self.from)
            WHERE u.store_id = \(store.rawValue) AND u.stock_number = ANY(\(stockNumbers))
            """).map(Self.decode)
    }

    /// Staff-only: a unit's floor price and cost. Never call this from a customer-scoped path.
    public func staffPrices(store: StoreID, stockNumber: String) async throws -> (list: Money, floor: Money?, cost: Money?)? {
        let rows = try await db.rows("""
            SELECT currency, list_price::text, floor_price::text, cost::text FROM inventory_units
            WHERE store_id = \(store.rawValue) AND upper(stock_number) = upper(\(stockNumber))
            """)
        guard let row = rows.first else { return nil }
        let (cur, list, floor, cost) = try row.decode((String, String, String?, String?).self)
        let c = Currency(rawValue: cur) ?? .USD
        func money(_ s: String?) -> Money? { s.flatMap { Decimal(string: $0) }.map { Money(decimal: $0, currency: c) } }
        guard let l = money(list) else { return nil }
        return (l, money(floor), money(cost))
    }

    static func decode(_ row: PostgresRow) throws -> VehicleRecord {
        let c = Array(row)
        func s(_ i: Int) throws -> String { try c[i].decode(String.self) }
        func os(_ i: Int) throws -> String? { try c[i].decode(String?.self) }
        func oi(_ i: Int) throws -> Int? { try c[i].decode(Int?.self) }
        let currency = Currency(rawValue: try s(19)) ?? .USD
        let price = Money(decimal: Decimal(string: try s(20)) ?? 0, currency: currency)
        let msrp = try os(21).flatMap { Decimal(string: $0) }.map { Money(decimal: $0, currency: currency) }
        return VehicleRecord(
            id: try c[0].decode(Int64.self), storeID: StoreID(try s(1)), stockNumber: try s(2), vin: try s(3),
            make: try s(4), model: try s(5), makeZh: try os(6), modelZh: try os(7), trim: try s(8),
            year: try c[9].decode(Int.self), condition: VehicleCondition(rawValue: try s(10)) ?? .used,
            bodyType: try os(11).flatMap(BodyType.init(rawValue:)), powertrain: try os(12).flatMap(Powertrain.init(rawValue:)),
            drivetrain: try os(13).flatMap(Drivetrain.init(rawValue:)), seats: try oi(14), rangeKm: try oi(15),
            mileageKm: try c[16].decode(Int.self), exteriorColor: try os(17), interiorColor: try os(18),
            price: price, msrp: msrp, status: UnitStatus(rawValue: try s(22)) ?? .available,
            dateInStock: try os(23), trimID: try oi(24), modelID: try c[25].decode(Int.self))
    }
}
