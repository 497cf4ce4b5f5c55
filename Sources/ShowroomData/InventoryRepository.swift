import Foundation
import PostgresNIO
import ShowroomCore

/// Inventory reads for the agents' tools: faceted search, one unit, and (staff only) prices.
public struct InventoryRepository: Sendable {
    public let db: Database
    /// `search` counts matches exactly up to this many; above it the total is a lower bound.
    public let totalCap: Int

    /// The default cap of `search`'s count: enough to tell "a few hundred" from "plenty".
    public static let defaultTotalCap = 1000

    public init(db: Database, totalCap: Int = InventoryRepository.defaultTotalCap) {
        self.db = db
        self.totalCap = max(1, totalCap)
    }

    static let columns = """
        u.id, u.store_id, u.stock_number, u.vin, u.make, u.model, mk.name_zh, m.name_zh, u.trim, u.year,
        u.condition, u.body_type, u.powertrain, u.drivetrain, u.seats, u.range_km, u.mileage_km,
        u.exterior_color, u.interior_color, u.currency, u.list_price::text, u.msrp::text, u.status,
        u.date_in_stock::text, u.trim_id, u.model_id
        """
    static let from = """
        FROM inventory_units u JOIN models m ON m.id = u.model_id JOIN makes mk ON mk.id = m.make_id
        """

    /// Units matching every set filter, sorted and paged, with a capped count of the matches.
    ///
    /// Neither step reads every match of a broad filter. First, one statement takes up to
    /// `totalCap + 1` matches in no order, counts them and, when that is all of them, sorts the
    /// page from them: the total is exact. Otherwise the page is read in the sort order (an
    /// index stops after the page) and the total is `totalCap`, flagged as a lower bound.
    public func search(_ f: InventoryFilter, sort: InventorySort = .priceAsc, limit: Int = 10, offset: Int = 0) async throws
        -> InventorySearchResult
    {
        let (count, capped) = try await db.transaction { conn in
            // A sequential scan that stops at the cap is fast only when matches are spread
            // evenly through the table; on clustered rows (imports write a make or a trim at a
            // time) it can read the whole store. The facet indexes bound the work instead.
            try await conn.query("SET LOCAL enable_seqscan = off", logger: db.logger)
            let rows = try await conn.rows(Self.cappedQuery(f, cap: totalCap, sort: sort, limit: limit, offset: offset), logger: db.logger)
            let count = try rows.first.map { try Array($0)[Self.columnCount].decode(Int.self) } ?? 0
            return (count, try rows.filter { try Array($0)[0].decode(Int64?.self) != nil }.map(Self.decode))
        }
        if count <= totalCap {
            return InventorySearchResult(total: count, totalIsLowerBound: false, vehicles: capped)
        }
        let rows = try await db.rows(Self.pageQuery(f, sort: sort, limit: limit, offset: offset))
        return InventorySearchResult(total: totalCap, totalIsLowerBound: true, vehicles: try rows.map(Self.decode))
    }

    /// The first statement of `search` with its binds, under the name the benchmarks EXPLAIN
    /// (`search` runs it with `enable_seqscan = off`; when it counts more than the cap, the
    /// page comes from `pageQuery`).
    public static func searchQuery(_ f: InventoryFilter, sort: InventorySort, limit: Int, offset: Int) -> PostgresQuery {
        cappedQuery(f, cap: defaultTotalCap, sort: sort, limit: limit, offset: offset)
    }

    /// Columns of `columns`, after which `cappedQuery` puts the count.
    static let columnCount = 26

    /// Up to `cap + 1` matches taken in no order and counted; when they are all the matches
    /// (count <= cap) also the sorted page of them, one row per unit with the count last, or a
    /// single row of NULLs and the count when the page is empty.
    public static func cappedQuery(_ f: InventoryFilter, cap: Int, sort: InventorySort, limit: Int, offset: Int) -> PostgresQuery {
        filtered(f, select: "WITH hits AS MATERIALIZED (SELECT u.id", suffix: """
            LIMIT \(cap + 1))
            SELECT p.*, t.n FROM (SELECT count(*)::int8 AS n FROM hits) t
            LEFT JOIN LATERAL (
                SELECT \(columns) FROM hits JOIN inventory_units u ON u.id = hits.id
                JOIN models m ON m.id = u.model_id JOIN makes mk ON mk.id = m.make_id
                WHERE t.n <= \(cap)
                ORDER BY \(sort.sql) LIMIT \(max(0, limit)) OFFSET \(max(0, offset))) p ON true
            """)
    }

    /// A page of the units matching `f`, read in the sort order (public so the benchmarks can EXPLAIN exactly it).
    public static func pageQuery(_ f: InventoryFilter, sort: InventorySort, limit: Int, offset: Int) -> PostgresQuery {
        filtered(f, select: "SELECT \(columns)", join: "JOIN models m ON m.id = u.model_id JOIN makes mk ON mk.id = m.make_id",
                 suffix: "ORDER BY \(sort.sql) LIMIT \(max(0, limit)) OFFSET \(max(0, offset))")
    }

    /// `select`, the filters as one condition on `u`, then `suffix` (both SQL of this file, no input).
    /// Prices bind as numeric, the column's type, so the price indexes apply; unset filters fold
    /// away because postgres plans each unnamed statement with its binds.
    static func filtered(_ f: InventoryFilter, select: String, join: String = "", suffix: String) -> PostgresQuery {
        """
        \(unescaped: select)
        FROM inventory_units u \(unescaped: join)
        WHERE u.store_id = \(f.storeID.rawValue)
          AND (\(f.includeUnavailable) OR u.status = 'available')
          AND (\(f.make)::text IS NULL OR u.make = \(f.make))
          AND (\(f.model)::text IS NULL OR u.model = \(f.model))
          AND (\(f.models)::text[] IS NULL OR u.model = ANY(\(f.models)))
          AND (\(f.bodyType?.rawValue)::text IS NULL OR u.body_type = \(f.bodyType?.rawValue))
          AND (\(f.powertrain?.rawValue)::text IS NULL OR u.powertrain = \(f.powertrain?.rawValue))
          AND (\(f.condition?.rawValue)::text IS NULL OR u.condition = \(f.condition?.rawValue))
          AND (\(f.priceMin)::numeric IS NULL OR u.list_price >= \(f.priceMin)::numeric)
          AND (\(f.priceMax)::numeric IS NULL OR u.list_price <= \(f.priceMax)::numeric)
          AND (\(f.seatsMin)::int IS NULL OR u.seats >= \(f.seatsMin)::int)
          AND (\(f.rangeMinKm)::int IS NULL OR u.range_km >= \(f.rangeMinKm)::int)
          AND (\(f.drivetrain?.rawValue)::text IS NULL OR u.drivetrain = \(f.drivetrain?.rawValue))
          AND (\(f.yearMin)::int IS NULL OR u.year >= \(f.yearMin)::int)
          AND (\(f.mileageMaxKm)::int IS NULL OR u.mileage_km <= \(f.mileageMaxKm)::int)
          AND (\(f.color)::text IS NULL OR u.exterior_color ILIKE \(f.color))
        \(unescaped: suffix)
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
