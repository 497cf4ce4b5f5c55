import PostgresNIO
import ShowroomCore
import ShowroomData

/// A prototype of the search proposed in BENCHMARKS.md, to measure it beside the current one:
/// the page is read with ORDER BY … LIMIT and no window function (so an index in the sort order
/// can stop early), prices compare as numeric (so the price indexes apply), and the total is
/// counted separately up to a cap (`cap + 1` means "more than cap"); see `run`. Same filters and columns as
/// `InventoryRepository.search`; not used by the product.
enum ProposedSearch {
    static let cap = 1000

    static let columns = """
        u.id, u.store_id, u.stock_number, u.vin, u.make, u.model, mk.name_zh, m.name_zh, u.trim, u.year,
        u.condition, u.body_type, u.powertrain, u.drivetrain, u.seats, u.range_km, u.mileage_km,
        u.exterior_color, u.interior_color, u.currency, u.list_price::text, u.msrp::text, u.status,
        u.date_in_stock::text, u.trim_id, u.model_id
        FROM inventory_units u JOIN models m ON m.id = u.model_id JOIN makes mk ON mk.id = m.make_id
        """

    static func page(_ f: InventoryFilter, sort: InventorySort, limit: Int, offset: Int) -> PostgresQuery {
        query(f, select: "SELECT \(columns)", suffix: "ORDER BY \(sortSQL(sort)) LIMIT \(limit) OFFSET \(offset)")
    }

    /// Ids of up to `cap + 1` matching units, in no order (the planner picks the cheapest plan).
    static func ids(_ f: InventoryFilter) -> PostgresQuery {
        query(f, select: "SELECT u.id FROM inventory_units u", suffix: "LIMIT \(cap + 1)")
    }

    /// Two phases: the matching ids up to the cap; when there are at most `cap`, the page is
    /// sorted from those ids alone, otherwise (many matches) it is read in the sort order's
    /// index, which finds a page quickly because matches are frequent.
    static func run(_ db: Database, _ f: InventoryFilter, sort: InventorySort, limit: Int, offset: Int) async throws -> (total: Int, rows: Int) {
        let ids = try await db.rows(ids(f)).map { try $0.decode(Int64.self) }
        if ids.count <= cap {
            let rows = try await db.rows("""
                SELECT \(unescaped: columns) WHERE u.id = ANY(\(ids)) ORDER BY \(unescaped: sortSQL(sort)) LIMIT \(limit) OFFSET \(offset)
                """)
            return (ids.count, rows.count)
        }
        let page = try await db.rows(page(f, sort: sort, limit: limit, offset: offset))
        return (ids.count, page.count)
    }

    static func sortSQL(_ s: InventorySort) -> String {
        switch s {
        case .priceAsc: "u.list_price ASC, u.id"
        case .priceDesc: "u.list_price DESC, u.id"
        case .rangeDesc: "u.range_km DESC NULLS LAST, u.list_price ASC, u.id"
        case .newest: "u.year DESC, u.mileage_km ASC, u.id"
        }
    }

    static func query(_ f: InventoryFilter, select: String, suffix: String) -> PostgresQuery {
        """
        \(unescaped: select)
        WHERE u.store_id = \(f.storeID.rawValue)
          AND (\(f.includeUnavailable) OR u.status = 'available')
          AND (\(f.make)::text IS NULL OR u.make = \(f.make))
          AND (\(f.model)::text IS NULL OR u.model = \(f.model))
          AND (\(f.bodyType?.rawValue)::text IS NULL OR u.body_type = \(f.bodyType?.rawValue))
          AND (\(f.powertrain?.rawValue)::text IS NULL OR u.powertrain = \(f.powertrain?.rawValue))
          AND (\(f.condition?.rawValue)::text IS NULL OR u.condition = \(f.condition?.rawValue))
          AND (\(f.priceMin)::float8 IS NULL OR u.list_price >= \(f.priceMin)::float8::numeric)
          AND (\(f.priceMax)::float8 IS NULL OR u.list_price <= \(f.priceMax)::float8::numeric)
          AND (\(f.seatsMin)::int IS NULL OR u.seats >= \(f.seatsMin))
          AND (\(f.rangeMinKm)::int IS NULL OR u.range_km >= \(f.rangeMinKm))
          AND (\(f.drivetrain?.rawValue)::text IS NULL OR u.drivetrain = \(f.drivetrain?.rawValue))
          AND (\(f.yearMin)::int IS NULL OR u.year >= \(f.yearMin))
          AND (\(f.mileageMaxKm)::int IS NULL OR u.mileage_km <= \(f.mileageMaxKm))
          AND (\(f.color)::text IS NULL OR u.exterior_color ILIKE \(f.color))
        \(unescaped: suffix)
        """
    }
}
