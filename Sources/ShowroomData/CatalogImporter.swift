import Foundation
import Logging
import PostgresNIO
import ShowroomCore

/// Loads the demo catalog folder (`showroom import catalog/`) in one transaction.
///
/// Every table is upserted set-based from one JSON parameter (`jsonb_to_recordset`), keyed by
/// natural keys — store id; make name; (make, model); (model, trim, year); (store, code);
/// (store, stock number) — so re-importing an edited file updates rows and never duplicates
/// them. Units that disappeared from `inventory.csv` are marked `sold` (not deleted: leads and
/// appointments may point at them).
public struct CatalogImporter: Sendable {
    public let db: Database

    public init(db: Database) { self.db = db }

    public struct Report: Sendable, Hashable, CustomStringConvertible {
        public var stores = 0, makes = 0, models = 0, trims = 0, promotions = 0, units = 0, unitsRetired = 0
        public var description: String {
            "stores \(stores), makes \(makes), models \(models), trims \(trims), promotions \(promotions), units \(units) (retired \(unitsRetired))"
        }
    }

    public func importFolder(_ folder: URL) async throws -> Report {
        let files = try CatalogFiles.load(from: folder)
        let rows = try CatalogRows(files)
        return try await db.transaction { conn in
            var r = Report()
            let log = db.logger
            r.stores = try await count(conn, log, """
                INSERT INTO stores (id, name, name_zh, city, currency, locale, timezone, address, phone, email, hours, tax_profile,
                                    allowed_origins, publishable_key, settings, updated_at)
                SELECT id, name, name_zh, city, currency, locale, timezone, address, phone, email, hours, tax_profile,
                       ARRAY(SELECT jsonb_array_elements_text(allowed_origins)), publishable_key, settings, now()
                FROM jsonb_to_recordset(\(rows.stores.jsonString())::jsonb) AS x(id text, name text, name_zh text, city text, currency text,
                     locale text, timezone text, address text, phone text, email text, hours jsonb, tax_profile jsonb,
                     allowed_origins jsonb, publishable_key text, settings jsonb)
                ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, name_zh = EXCLUDED.name_zh, city = EXCLUDED.city,
                  currency = EXCLUDED.currency, locale = EXCLUDED.locale, timezone = EXCLUDED.timezone, address = EXCLUDED.address,
                  phone = EXCLUDED.phone, email = EXCLUDED.email, hours = EXCLUDED.hours, tax_profile = EXCLUDED.tax_profile,
                  allowed_origins = EXCLUDED.allowed_origins, publishable_key = EXCLUDED.publishable_key,
                  settings = EXCLUDED.settings, updated_at = now()
                RETURNING 1
                """)
            r.makes = try await count(conn, log, """
                INSERT INTO makes (name, name_zh, aliases, country)
                SELECT name, name_zh, ARRAY(SELECT jsonb_array_elements_text(aliases)), country
                FROM jsonb_to_recordset(\(rows.makes.jsonString())::jsonb) AS x(name text, name_zh text, aliases jsonb, country text)
                ON CONFLICT (name) DO UPDATE SET name_zh = EXCLUDED.name_zh, aliases = EXCLUDED.aliases, country = EXCLUDED.country
                RETURNING 1
                """)
            r.models = try await count(conn, log, """
                INSERT INTO models (make_id, name, name_zh, aliases, body_type, powertrain, seats, source, search_text)
                SELECT mk.id, x.name, x.name_zh, ARRAY(SELECT jsonb_array_elements_text(x.aliases)), x.body_type, x.powertrain, x.seats,
                       'catalog', x.search_text
                FROM jsonb_to_recordset(\(rows.models.jsonString())::jsonb) AS x(make text, name text, name_zh text, aliases jsonb,
                     body_type text, powertrain text, seats int, search_text text)
                JOIN makes mk ON mk.name = x.make
                ON CONFLICT (make_id, name) DO UPDATE SET name_zh = EXCLUDED.name_zh, aliases = EXCLUDED.aliases,
                  body_type = EXCLUDED.body_type, powertrain = EXCLUDED.powertrain, seats = EXCLUDED.seats,
                  source = 'catalog', search_text = EXCLUDED.search_text
                RETURNING 1
                """)
            r.trims = try await count(conn, log, """
                INSERT INTO trims (model_id, name, year, variant_key, powertrain, drivetrain, body_type, seats, price_cny, price_usd,
                                   range_km, fuel_l_100km, kwh_100km, power_kw, battery_kwh, length_mm, width_mm, height_mm,
                                   wheelbase_mm, accel_0_100_s, specs, source)
                SELECT m.id, x.trim, x.year, '', x.powertrain, x.drivetrain, x.body_type, x.seats, x.price_cny, x.price_usd,
                       x.range_km, x.fuel_l_100km, x.kwh_100km, x.power_kw, x.battery_kwh, x.length_mm, x.width_mm, x.height_mm,
                       x.wheelbase_mm, x.accel_0_100_s, coalesce(x.specs, '{}'), 'catalog'
                FROM jsonb_to_recordset(\(rows.trims.jsonString())::jsonb) AS x(make text, model text, trim text, year int,
                     powertrain text, drivetrain text, body_type text, seats int, price_cny numeric, price_usd numeric, range_km int,
                     fuel_l_100km numeric, kwh_100km numeric, power_kw int, battery_kwh numeric, length_mm int, width_mm int,
                     height_mm int, wheelbase_mm int, accel_0_100_s numeric, specs jsonb)
                JOIN makes mk ON mk.name = x.make JOIN models m ON m.make_id = mk.id AND m.name = x.model
                ON CONFLICT (model_id, name, year, variant_key) DO UPDATE SET powertrain = EXCLUDED.powertrain,
                  drivetrain = EXCLUDED.drivetrain, body_type = EXCLUDED.body_type, seats = EXCLUDED.seats,
                  price_cny = EXCLUDED.price_cny, price_usd = EXCLUDED.price_usd, range_km = EXCLUDED.range_km,
                  fuel_l_100km = EXCLUDED.fuel_l_100km, kwh_100km = EXCLUDED.kwh_100km, power_kw = EXCLUDED.power_kw,
                  battery_kwh = EXCLUDED.battery_kwh, length_mm = EXCLUDED.length_mm, width_mm = EXCLUDED.width_mm,
                  height_mm = EXCLUDED.height_mm, wheelbase_mm = EXCLUDED.wheelbase_mm, accel_0_100_s = EXCLUDED.accel_0_100_s,
                  specs = EXCLUDED.specs
                RETURNING 1
                """)
            r.promotions = try await count(conn, log, """
                INSERT INTO promotions (store_id, code, title, title_zh, kind, value, make, model, powertrain, condition, automatic,
                                        starts_on, ends_on, active)
                SELECT store_id, code, title, title_zh, kind, value, make, model, powertrain, condition, coalesce(automatic, false),
                       starts_on, ends_on, coalesce(active, true)
                FROM jsonb_to_recordset(\(rows.promotions.jsonString())::jsonb) AS x(store_id text, code text, title text,
                     title_zh text, kind text, value numeric, make text, model text, powertrain text, condition text,
                     automatic boolean, starts_on date, ends_on date, active boolean)
                ON CONFLICT (store_id, code) DO UPDATE SET title = EXCLUDED.title, title_zh = EXCLUDED.title_zh, kind = EXCLUDED.kind,
                  value = EXCLUDED.value, make = EXCLUDED.make, model = EXCLUDED.model, powertrain = EXCLUDED.powertrain,
                  condition = EXCLUDED.condition, automatic = EXCLUDED.automatic, starts_on = EXCLUDED.starts_on,
                  ends_on = EXCLUDED.ends_on, active = EXCLUDED.active
                RETURNING 1
                """)
            try await conn.query("""
                UPDATE promotions SET active = false
                WHERE store_id = ANY(\(rows.storeIDs)) AND NOT (code = ANY(\(rows.promotionCodes)))
                """, logger: log)
            r.units = try await count(conn, log, """
                INSERT INTO inventory_units (store_id, stock_number, vin, trim_id, model_id, make, model, trim, year, condition,
                       body_type, powertrain, drivetrain, seats, range_km, mileage_km, exterior_color, interior_color, currency,
                       list_price, msrp, floor_price, cost, status, date_in_stock, updated_at)
                SELECT x.store_id, x.stock_number, x.vin, t.id, m.id, mk.name, m.name, t.name, x.year, x.condition,
                       coalesce(t.body_type, m.body_type), coalesce(t.powertrain, m.powertrain), t.drivetrain, coalesce(t.seats, m.seats),
                       t.range_km, x.mileage_km, x.exterior_color, x.interior_color, s.currency, x.list_price, x.msrp, x.floor_price,
                       x.cost, x.status, x.date_in_stock, now()
                FROM jsonb_to_recordset(\(rows.units.jsonString())::jsonb) AS x(store_id text, stock_number text, vin text, make text,
                     model text, trim text, year int, condition text, mileage_km int, exterior_color text, interior_color text,
                     list_price numeric, msrp numeric, floor_price numeric, cost numeric, status text, date_in_stock date)
                JOIN stores s ON s.id = x.store_id
                JOIN makes mk ON mk.name = x.make JOIN models m ON m.make_id = mk.id AND m.name = x.model
                JOIN LATERAL (SELECT * FROM trims t WHERE t.model_id = m.id AND t.name = x.trim
                              ORDER BY abs(t.year - x.year) LIMIT 1) t ON true
                ON CONFLICT (store_id, stock_number) DO UPDATE SET vin = EXCLUDED.vin, trim_id = EXCLUDED.trim_id,
                  model_id = EXCLUDED.model_id, make = EXCLUDED.make, model = EXCLUDED.model, trim = EXCLUDED.trim,
                  year = EXCLUDED.year, condition = EXCLUDED.condition, body_type = EXCLUDED.body_type,
                  powertrain = EXCLUDED.powertrain, drivetrain = EXCLUDED.drivetrain, seats = EXCLUDED.seats,
                  range_km = EXCLUDED.range_km, mileage_km = EXCLUDED.mileage_km, exterior_color = EXCLUDED.exterior_color,
                  interior_color = EXCLUDED.interior_color, currency = EXCLUDED.currency, list_price = EXCLUDED.list_price,
                  msrp = EXCLUDED.msrp, floor_price = EXCLUDED.floor_price, cost = EXCLUDED.cost, status = EXCLUDED.status,
                  date_in_stock = EXCLUDED.date_in_stock, updated_at = now()
                RETURNING 1
                """)
            guard r.units == rows.units.arrayValue?.count else {
                throw ShowroomError("invalid_catalog", "inventory.csv: \((rows.units.arrayValue?.count ?? 0) - r.units) rows name a make, model or trim that models.yaml does not have")
            }
            r.unitsRetired = try await count(conn, log, """
                UPDATE inventory_units SET status = 'sold', updated_at = now()
                WHERE store_id = ANY(\(rows.storeIDs)) AND status <> 'sold'
                  AND NOT (store_id || '/' || stock_number = ANY(\(rows.unitKeys)))
                RETURNING 1
                """)
            return r
        }
    }

    private func count(_ conn: PostgresConnection, _ logger: Logger, _ query: PostgresQuery) async throws -> Int {
        try await conn.rows(query, logger: logger).count
    }
}
