import Foundation
import PostgresNIO
import ShowroomCore

/// The staff side of inventory: every status, floor price and cost, and unit edits.
///
/// Amounts are bound as decimal text and stored as `numeric(12,2)`; callers validate ranges
/// first so that no constraint violation reaches the database.
extension InventoryRepository {
    /// A unit with its staff-only amounts.
    public struct StaffUnit: Sendable, Hashable {
        public var vehicle: VehicleRecord
        public var floorPrice: Money?
        public var cost: Money?
        public var createdAt: Date
        public var updatedAt: Date
    }

    /// Filters of the staff inventory list. `stores == nil` means every store.
    public struct StaffQuery: Sendable, Hashable {
        public var stores: [StoreID]?
        public var status: UnitStatus?
        public var make: String?
        public var model: String?
        public var condition: VehicleCondition?
        public var priceMin: Double?
        public var priceMax: Double?

        public init(stores: [StoreID]? = nil) { self.stores = stores }
    }

    /// A new unit. Make and model must name a catalog model (by name, alias or Chinese name).
    public struct UnitInput: Sendable, Hashable {
        public var store: StoreID
        public var stockNumber: String
        public var vin: String
        public var make: String
        public var model: String
        public var trim: String = ""
        public var year: Int
        public var condition: VehicleCondition
        public var listPrice: Decimal
        public var msrp: Decimal?
        public var floorPrice: Decimal?
        public var cost: Decimal?
        public var status: UnitStatus = .available
        public var mileageKm: Int = 0
        public var exteriorColor: String?
        public var interiorColor: String?
        public var bodyType: BodyType?
        public var powertrain: Powertrain?
        public var drivetrain: Drivetrain?
        public var seats: Int?
        public var rangeKm: Int?
        public var dateInStock: String?

        public init(store: StoreID, stockNumber: String, vin: String, make: String, model: String, year: Int,
                    condition: VehicleCondition, listPrice: Decimal) {
            self.store = store
            self.stockNumber = stockNumber
            self.vin = vin
            self.make = make
            self.model = model
            self.year = year
            self.condition = condition
            self.listPrice = listPrice
        }
    }

    /// A partial edit: nil fields stay as they are.
    public struct UnitPatch: Sendable, Hashable {
        public var listPrice: Decimal?
        public var msrp: Decimal?
        public var floorPrice: Decimal?
        public var cost: Decimal?
        public var status: UnitStatus?
        public var mileageKm: Int?
        public var exteriorColor: String?
        public var interiorColor: String?
        public var trim: String?
        public var rangeKm: Int?
        public var dateInStock: String?

        public init() {}
    }

    static let staffColumns = columns + ", u.floor_price::text, u.cost::text, u.created_at, u.updated_at"

    /// Units of the stores in scope matching the filters, by store and stock number, paged.
    public func staffList(_ q: StaffQuery, limit: Int = 50, offset: Int = 0) async throws -> (total: Int, units: [StaffUnit]) {
        let stores = q.stores?.map(\.rawValue)
        let rows = try await db.rows("""
            SELECT \(unescaped: Self.staffColumns), count(*) OVER () \(unescaped: Self.from)
            WHERE (\(stores)::text[] IS NULL OR u.store_id = ANY(\(stores)::text[]))
              AND (\(q.status?.rawValue)::text IS NULL OR u.status = \(q.status?.rawValue))
              AND (\(q.make)::text IS NULL OR lower(u.make) = lower(\(q.make)))
              AND (\(q.model)::text IS NULL OR lower(u.model) = lower(\(q.model)))
              AND (\(q.condition?.rawValue)::text IS NULL OR u.condition = \(q.condition?.rawValue))
              AND (\(q.priceMin)::float8 IS NULL OR u.list_price >= \(q.priceMin)::float8)
              AND (\(q.priceMax)::float8 IS NULL OR u.list_price <= \(q.priceMax)::float8)
            ORDER BY u.store_id, u.stock_number
            LIMIT \(limit) OFFSET \(offset)
            """)
        var total = 0
        var out: [StaffUnit] = []
        for row in rows {
            out.append(try Self.decodeStaff(row))
            total = try Array(row)[30].decode(Int.self)
        }
        if out.isEmpty && offset > 0 {
            total = try await staffList(q, limit: 1, offset: 0).total
        }
        return (total, out)
    }

    /// One unit of a store by stock number (case-insensitive), any status.
    public func staffUnit(store: StoreID, stockNumber: String) async throws -> StaffUnit? {
        try await db.rows("""
            SELECT \(unescaped: Self.staffColumns) \(unescaped: Self.from)
            WHERE u.store_id = \(store.rawValue) AND upper(u.stock_number) = upper(\(stockNumber))
            """).first.map(Self.decodeStaff)
    }

    /// The stores (of `stores`, nil = all) holding a unit with this stock number, by id.
    public func stores(withStockNumber stockNumber: String, in stores: [StoreID]?) async throws -> [StoreID] {
        let s = stores?.map(\.rawValue)
        return try await db.rows("""
            SELECT store_id FROM inventory_units
            WHERE upper(stock_number) = upper(\(stockNumber)) AND (\(s)::text[] IS NULL OR store_id = ANY(\(s)::text[]))
            ORDER BY store_id
            """).map { StoreID(try $0.decode(String.self)) }
    }

    /// Adds a unit. Throws `unknown_model` (404) when make/model are not in the catalog,
    /// `store_not_found` (404), and `duplicate_unit` (409) when the stock number or VIN exists.
    public func create(_ u: UnitInput) async throws -> StaffUnit {
        let models = try await db.rows("""
            SELECT m.id, mk.name, m.name FROM models m JOIN makes mk ON mk.id = m.make_id
            WHERE (lower(mk.name) = lower(\(u.make)) OR mk.name_zh = \(u.make)
                   OR lower(\(u.make)) = ANY(SELECT lower(a) FROM unnest(mk.aliases) a))
              AND (lower(m.name) = lower(\(u.model)) OR m.name_zh = \(u.model)
                   OR lower(\(u.model)) = ANY(SELECT lower(a) FROM unnest(m.aliases) a))
            ORDER BY (lower(mk.name) = lower(\(u.make)) AND lower(m.name) = lower(\(u.model))) DESC, m.id
            LIMIT 1
            """)
        guard let modelRow = models.first else {
            throw ShowroomError("unknown_model", "The catalog has no model '\(u.make) \(u.model)'.", status: 404)
        }
        let (modelID, makeName, modelName) = try modelRow.decode((Int, String, String).self)
        func text(_ d: Decimal?) -> String? { d.map { "\($0)" } }
        let rows = try await db.rows("""
            WITH t AS (
              SELECT id, body_type, powertrain, drivetrain, seats, range_km FROM trims
              WHERE model_id = \(modelID) AND lower(name) = lower(\(u.trim)) AND year = \(u.year) LIMIT 1
            ), m AS (SELECT body_type, powertrain, seats FROM models WHERE id = \(modelID))
            INSERT INTO inventory_units (store_id, stock_number, vin, trim_id, model_id, make, model, trim, year, condition,
                body_type, powertrain, drivetrain, seats, range_km, mileage_km, exterior_color, interior_color, currency,
                list_price, msrp, floor_price, cost, status, date_in_stock)
            SELECT s.id, \(u.stockNumber), upper(\(u.vin)), (SELECT id FROM t), \(modelID), \(makeName), \(modelName), \(u.trim),
                \(u.year), \(u.condition.rawValue),
                coalesce(\(u.bodyType?.rawValue), (SELECT body_type FROM t), (SELECT body_type FROM m)),
                coalesce(\(u.powertrain?.rawValue), (SELECT powertrain FROM t), (SELECT powertrain FROM m)),
                coalesce(\(u.drivetrain?.rawValue), (SELECT drivetrain FROM t)),
                coalesce(\(u.seats), (SELECT seats FROM t), (SELECT seats FROM m)),
                coalesce(\(u.rangeKm), (SELECT range_km FROM t)),
                \(u.mileageKm), \(u.exteriorColor), \(u.interiorColor), s.currency,
                \(text(u.listPrice))::numeric, \(text(u.msrp))::numeric, \(text(u.floorPrice))::numeric, \(text(u.cost))::numeric,
                \(u.status.rawValue), \(u.dateInStock)::date
            FROM stores s WHERE s.id = \(u.store.rawValue)
            ON CONFLICT DO NOTHING
            RETURNING id
            """)
        guard !rows.isEmpty else {
            if try await StoreRepository(db: db).store(u.store) == nil {
                throw ShowroomError("store_not_found", "No store with id '\(u.store.rawValue)'.", status: 404)
            }
            throw ShowroomError("duplicate_unit", "Store '\(u.store.rawValue)' already has a unit with stock number '\(u.stockNumber)' or VIN '\(u.vin.uppercased())'.", status: 409)
        }
        guard let unit = try await staffUnit(store: u.store, stockNumber: u.stockNumber) else {
            throw ShowroomError("unit_not_found", "The new unit could not be read back.", status: 500)
        }
        return unit
    }

    /// Applies a partial edit in one statement; nil when the store has no such unit.
    public func update(store: StoreID, stockNumber: String, _ p: UnitPatch) async throws -> StaffUnit? {
        func text(_ d: Decimal?) -> String? { d.map { "\($0)" } }
        return try await db.rows("""
            WITH u AS (
              UPDATE inventory_units SET
                list_price = coalesce(\(text(p.listPrice))::numeric, list_price),
                msrp = coalesce(\(text(p.msrp))::numeric, msrp),
                floor_price = coalesce(\(text(p.floorPrice))::numeric, floor_price),
                cost = coalesce(\(text(p.cost))::numeric, cost),
                status = coalesce(\(p.status?.rawValue), status),
                mileage_km = coalesce(\(p.mileageKm), mileage_km),
                exterior_color = coalesce(\(p.exteriorColor), exterior_color),
                interior_color = coalesce(\(p.interiorColor), interior_color),
                trim = coalesce(\(p.trim), trim),
                range_km = coalesce(\(p.rangeKm), range_km),
                date_in_stock = coalesce(\(p.dateInStock)::date, date_in_stock),
                updated_at = now()
              WHERE store_id = \(store.rawValue) AND upper(stock_number) = upper(\(stockNumber))
              RETURNING *
            )
            SELECT \(unescaped: Self.staffColumns) \(unescaped: Self.from.replacingOccurrences(of: "inventory_units u", with: "u"))
            """).first.map(Self.decodeStaff)
    }

    /// Removes a unit; false when the store has no such unit. Appointments keep their row (unit_id → NULL).
    public func delete(store: StoreID, stockNumber: String) async throws -> Bool {
        !(try await db.rows("""
            DELETE FROM inventory_units WHERE store_id = \(store.rawValue) AND upper(stock_number) = upper(\(stockNumber))
            RETURNING id
            """)).isEmpty
    }

    static func decodeStaff(_ row: PostgresRow) throws -> StaffUnit {
        let vehicle = try decode(row)
        let c = Array(row)
        func money(_ i: Int) throws -> Money? {
            try c[i].decode(String?.self).flatMap { Decimal(string: $0) }.map { Money(decimal: $0, currency: vehicle.price.currency) }
        }
        return StaffUnit(vehicle: vehicle, floorPrice: try money(26), cost: try money(27),
                         createdAt: try c[28].decode(Date.self), updatedAt: try c[29].decode(Date.self))
    }
}
