import Foundation
import PostgresNIO
import ShowroomCore

/// The catalog import's temporary tables and set-based statements (constants; all values
/// travel through COPY).
extension CatalogImporter {
    func copy(_ bundle: Bundle, _ conn: PostgresConnection) async throws {
        let log = db.logger
        func text(_ d: Decimal?) -> String? { d.map { "\($0)" } }
        func int(_ i: Int?) -> String? { i.map(String.init) }

        let stores: [[String?]] = bundle.stores.map { s in
            [s.id, s.name, s.nameZh, s.city, s.currency.rawValue, s.locale, s.timezone, s.address, s.phone, s.email,
             JSONValue.object(s.hours.mapValues { .string($0) }).jsonString(), s.taxProfile.jsonString(),
             ImportSQL.jsonArray(s.allowedOrigins ?? []), s.publishableKey, (s.settings ?? .object([:])).jsonString()]
        }
        try await conn.copyIntoTempTable("import_stores", columns: [
            "id", "name", "name_zh", "city", "currency", "locale", "timezone", "address", "phone", "email", "hours",
            "tax_profile", "allowed_origins", "publishable_key", "settings",
        ], rows: stores, logger: log)

        let promotions: [[String?]] = bundle.stores.flatMap { s in
            (s.promotions ?? []).map { p in
                [s.id, p.code, p.title, p.titleZh, p.kind.rawValue, "\(p.value)", p.make, p.model, p.powertrain?.rawValue,
                 p.condition?.rawValue, String(p.automatic), p.startsOn?.description, p.endsOn?.description, String(p.active)]
            }
        }
        try await conn.copyIntoTempTable("import_promotions", columns: [
            "store_id", "code", "title", "title_zh", "kind", "value", "make", "model", "powertrain", "condition",
            "automatic", "starts_on", "ends_on", "active",
        ], rows: promotions, logger: log)

        try await conn.copyIntoTempTable("import_makes", columns: ["name", "name_zh", "aliases", "country"],
            rows: bundle.makes.map { [$0.make, $0.nameZh, ImportSQL.jsonArray($0.aliases ?? []), $0.country] }, logger: log)

        var models: [[String?]] = [], trims: [[String?]] = []
        for mk in bundle.makes {
            for m in mk.models {
                models.append([mk.make, m.model, m.nameZh, ImportSQL.jsonArray(m.aliases ?? []), m.bodyType.rawValue,
                               m.powertrain.rawValue, String(m.seats), Self.searchText(make: mk, model: m)])
                for t in m.trims {
                    trims.append([mk.make, m.model, t.trim, String(t.year), t.powertrain?.rawValue, t.drivetrain?.rawValue,
                                  t.bodyType?.rawValue, int(t.seats), text(t.priceCNY), text(t.priceUSD), int(t.rangeKm),
                                  text(t.fuelL100km), int(t.mpgCombined), text(t.kwh100km), int(t.powerKw), text(t.batteryKwh),
                                  int(t.lengthMm), int(t.widthMm), int(t.heightMm), int(t.wheelbaseMm), text(t.accel0to100)])
                }
            }
        }
        try await conn.copyIntoTempTable("import_models", columns: [
            "make", "name", "name_zh", "aliases", "body_type", "powertrain", "seats", "search_text",
        ], rows: models, logger: log)
        try await conn.copyIntoTempTable("import_trims", columns: ["make", "model"] + Self.trimColumns, rows: trims, logger: log)

        let units: [[String?]] = bundle.units.map { u in
            [String(u.line), u.storeID, u.stockNumber, u.vin, u.make, u.model, u.trim, String(u.year), u.condition.rawValue,
             String(u.mileageKm), u.exteriorColor, u.interiorColor, text(u.listPrice), text(u.msrp), text(u.floorPrice),
             text(u.cost), u.status.rawValue, u.dateInStock?.description]
        }
        try await conn.copyIntoTempTable("import_units", columns: [
            "line", "store_id", "stock_number", "vin", "make", "model", "trim", "year", "condition", "mileage_km",
            "exterior_color", "interior_color", "list_price", "msrp", "floor_price", "cost", "status", "date_in_stock",
        ], rows: units, logger: log)
    }

    /// The text the trigram index searches: canonical, Chinese and alias names of the model and
    /// of its make, lower-cased, space-separated.
    static func searchText(make: MakeEntry, model: ModelEntry) -> String {
        let names = [model.model] + [model.nameZh].compactMap { $0 } + (model.aliases ?? [])
            + [make.make] + [make.nameZh].compactMap { $0 } + (make.aliases ?? [])
        var seen = Set<String>()
        return names.map { $0.lowercased() }.filter { !$0.isEmpty && seen.insert($0).inserted }.joined(separator: " ")
    }

    static let trimColumns = [
        "name", "year", "powertrain", "drivetrain", "body_type", "seats", "price_cny", "price_usd", "range_km",
        "fuel_l_100km", "mpg_combined", "kwh_100km", "power_kw", "battery_kwh", "length_mm", "width_mm", "height_mm",
        "wheelbase_mm", "accel_0_100_s",
    ]

    static let upsertStores = """
        INSERT INTO stores AS s (id, name, name_zh, city, currency, locale, timezone, address, phone, email, hours,
            tax_profile, allowed_origins, publishable_key, settings)
        SELECT s2.id, s2.name, s2.name_zh, s2.city, s2.currency, s2.locale, s2.timezone, s2.address, s2.phone, s2.email,
            s2.hours::jsonb, s2.tax_profile::jsonb, \(ImportSQL.textArray("s2.allowed_origins")), s2.publishable_key,
            coalesce((SELECT settings FROM stores WHERE id = s2.id), '{}'::jsonb) || s2.settings::jsonb
        FROM import_stores s2
        ON CONFLICT (id) \(ImportSQL.updateChanged("s", [
            "name", "name_zh", "city", "currency", "locale", "timezone", "address", "phone", "email", "hours",
            "tax_profile", "allowed_origins", "publishable_key", "settings",
        ], touch: "updated_at = now()"))
        """

    static let upsertMakes = """
        INSERT INTO makes AS mk (name, name_zh, aliases, country)
        SELECT name, name_zh, \(ImportSQL.textArray("aliases")), country FROM import_makes
        ON CONFLICT ((lower(name))) \(ImportSQL.updateChanged("mk", ["name", "name_zh", "aliases", "country"]))
        """

    static let upsertModels = """
        INSERT INTO models AS m (make_id, name, name_zh, aliases, body_type, powertrain, seats, source, search_text)
        SELECT mk.id, t.name, t.name_zh, \(ImportSQL.textArray("t.aliases")), t.body_type, t.powertrain, t.seats::int,
            'catalog', t.search_text
        FROM import_models t JOIN makes mk ON lower(mk.name) = lower(t.make)
        ON CONFLICT (make_id, (lower(name))) \(ImportSQL.updateChanged("m", [
            "name", "name_zh", "aliases", "body_type", "powertrain", "seats", "source", "search_text",
        ]))
        """

    static let upsertTrims = """
        INSERT INTO trims AS x (model_id, variant_key, source, \(trimColumns.joined(separator: ", ")))
        SELECT m.id, '', 'catalog', t.name, t.year::int, t.powertrain, t.drivetrain, t.body_type, t.seats::int,
            t.price_cny::numeric, t.price_usd::numeric, t.range_km::int, t.fuel_l_100km::numeric, t.mpg_combined::int,
            t.kwh_100km::numeric, t.power_kw::int, t.battery_kwh::numeric, t.length_mm::int, t.width_mm::int,
            t.height_mm::int, t.wheelbase_mm::int, t.accel_0_100_s::numeric
        FROM import_trims t JOIN makes mk ON lower(mk.name) = lower(t.make)
        JOIN models m ON m.make_id = mk.id AND lower(m.name) = lower(t.model)
        ON CONFLICT (model_id, name, year, variant_key) \(ImportSQL.updateChanged("x", ["source"] + trimColumns.dropFirst(2)))
        """

    static let upsertPromotions = """
        INSERT INTO promotions AS p (store_id, code, title, title_zh, kind, value, make, model, powertrain, condition,
            automatic, starts_on, ends_on, active)
        SELECT store_id, code, title, title_zh, kind, value::numeric, make, model, powertrain, condition,
            automatic::boolean, starts_on::date, ends_on::date, active::boolean
        FROM import_promotions
        ON CONFLICT (store_id, code) \(ImportSQL.updateChanged("p", [
            "title", "title_zh", "kind", "value", "make", "model", "powertrain", "condition", "automatic",
            "starts_on", "ends_on", "active",
        ]))
        """

    static let deleteStalePromotions = """
        WITH d AS (
            DELETE FROM promotions p WHERE p.store_id IN (SELECT id FROM import_stores)
            AND NOT EXISTS (SELECT 1 FROM import_promotions t WHERE t.store_id = p.store_id AND t.code = p.code)
            RETURNING 1)
        SELECT count(*) FROM d
        """

    static let retireStaleUnits = """
        WITH stale AS (
            SELECT u.id, EXISTS (SELECT 1 FROM appointments a WHERE a.unit_id = u.id) AS booked
            FROM inventory_units u
            WHERE u.source = 'catalog' AND u.store_id IN (SELECT id FROM import_stores)
              AND NOT EXISTS (SELECT 1 FROM import_units t WHERE t.store_id = u.store_id AND t.stock_number = u.stock_number)),
        del AS (DELETE FROM inventory_units u USING stale s WHERE u.id = s.id AND NOT s.booked RETURNING 1),
        sold AS (UPDATE inventory_units u SET status = 'sold', updated_at = now() FROM stale s
                 WHERE u.id = s.id AND s.booked AND u.status <> 'sold' RETURNING 1)
        SELECT (SELECT count(*) FROM del), (SELECT count(*) FROM sold)
        """

    static let vinConflicts = """
        SELECT t.line::int, t.vin, u.stock_number FROM import_units t
        JOIN inventory_units u ON u.store_id = t.store_id AND u.vin = t.vin AND u.stock_number <> t.stock_number
        ORDER BY t.line::int
        """

    static let unitColumns = [
        "vin", "trim_id", "model_id", "make", "model", "trim", "year", "condition", "body_type", "powertrain",
        "drivetrain", "seats", "range_km", "mileage_km", "exterior_color", "interior_color", "currency", "list_price",
        "msrp", "floor_price", "cost", "status", "date_in_stock", "source",
    ]

    static let upsertUnits = """
        INSERT INTO inventory_units AS u (store_id, stock_number, \(unitColumns.joined(separator: ", ")))
        SELECT t.store_id, t.stock_number, t.vin, tr.id, m.id, mk.name, m.name, tr.name, t.year::int, t.condition,
            coalesce(tr.body_type, m.body_type), coalesce(tr.powertrain, m.powertrain), tr.drivetrain,
            coalesce(tr.seats, m.seats), tr.range_km, t.mileage_km::int, t.exterior_color, t.interior_color, s.currency,
            t.list_price::numeric, t.msrp::numeric, t.floor_price::numeric, t.cost::numeric, t.status,
            t.date_in_stock::date, 'catalog'
        FROM import_units t
        JOIN stores s ON s.id = t.store_id
        JOIN makes mk ON lower(mk.name) = lower(t.make)
        JOIN models m ON m.make_id = mk.id AND lower(m.name) = lower(t.model)
        JOIN LATERAL (
            SELECT x.* FROM trims x
            JOIN import_trims it ON it.name = x.name AND it.year::int = x.year
                AND lower(it.make) = lower(t.make) AND lower(it.model) = lower(t.model)
            WHERE x.model_id = m.id AND x.name = t.trim AND x.source = 'catalog' AND x.variant_key = ''
            ORDER BY abs(x.year - t.year::int), x.year DESC LIMIT 1) tr ON true
        ON CONFLICT (store_id, stock_number) \(ImportSQL.updateChanged("u", unitColumns, touch: "updated_at = now()"))
        """

    static let unitsNotWritten = """
        SELECT count(*) FROM import_units t WHERE NOT EXISTS (
            SELECT 1 FROM inventory_units u WHERE u.store_id = t.store_id AND u.stock_number = t.stock_number)
        """

    /// Catalog trims no longer in models.yaml (by model, name and year).
    static let staleTrims = """
        x.source = 'catalog' AND x.variant_key = '' AND NOT EXISTS (
            SELECT 1 FROM import_trims t JOIN makes mk ON lower(mk.name) = lower(t.make)
            JOIN models m ON m.make_id = mk.id AND lower(m.name) = lower(t.model)
            WHERE m.id = x.model_id AND t.name = x.name AND t.year::int = x.year)
        """

    static let deleteStaleTrims = """
        WITH d AS (DELETE FROM trims x WHERE \(staleTrims)
            AND NOT EXISTS (SELECT 1 FROM inventory_units u WHERE u.trim_id = x.id) RETURNING 1)
        SELECT count(*) FROM d
        """

    static let staleTrimsInUse = "SELECT count(*) FROM trims x WHERE \(staleTrims)"

    static let deleteStaleModels = """
        WITH d AS (
            DELETE FROM models m WHERE m.source = 'catalog'
            AND NOT EXISTS (SELECT 1 FROM import_models t JOIN makes mk ON lower(mk.name) = lower(t.make)
                            WHERE mk.id = m.make_id AND lower(t.name) = lower(m.name))
            AND NOT EXISTS (SELECT 1 FROM trims x WHERE x.model_id = m.id)
            AND NOT EXISTS (SELECT 1 FROM inventory_units u WHERE u.model_id = m.id)
            RETURNING 1)
        SELECT count(*) FROM d
        """
}
