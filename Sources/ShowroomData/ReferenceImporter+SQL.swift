import Foundation
import PostgresNIO
import ShowroomCore

extension ReferenceImporter {
    struct Applied: Sendable {
        var makes = 0
        var models = 0
        var trims: (inserted: Int, updated: Int) = (0, 0)
    }

    func apply(_ trims: [Trim], source: String, _ conn: PostgresConnection) async throws -> Applied {
        let log = db.logger
        var copy = ImportCopy()
        for t in trims {
            copy.field(t.make)
            copy.field(t.model)
            copy.field(t.name)
            copy.field(t.year)
            copy.field(t.variantKey)
            copy.field(t.powertrain?.rawValue)
            copy.field(t.drivetrain?.rawValue)
            copy.field(t.bodyType?.rawValue)
            copy.field(t.seats)
            copy.field(t.priceCNY)
            copy.field(t.priceUSD)
            copy.field(t.rangeKm)
            copy.field(t.fuelL100km)
            copy.field(t.mpgCombined)
            copy.field(t.kwh100km)
            copy.field(t.powerKw)
            copy.field(t.batteryKwh)
            copy.field(t.lengthMm)
            copy.field(t.widthMm)
            copy.field(t.heightMm)
            copy.field(t.wheelbaseMm)
            copy.field(t.accel0to100)
            copy.field(t.specs)
            copy.endRow()
        }
        try await conn.copyIntoTempTable("ref_rows", columns: ["make", "model"] + Self.trimColumns + ["specs"],
                                         rows: copy, logger: log)
        try await conn.run("ANALYZE ref_rows", logger: log)
        var applied = Applied()
        applied.makes = try await conn.count(Self.insertMakes, logger: log)
        try await conn.run(Self.mapMakes, logger: log)
        var binds = PostgresBindings()
        binds.append(source)
        applied.models = try await conn.rows(PostgresQuery(unsafeSQL: Self.insertModels, binds: binds), logger: log)
            .first?.decode(Int.self) ?? 0
        try await conn.run(Self.mapModels, logger: log)
        applied.trims = try await conn.upsertCounts(PostgresQuery(unsafeSQL: Self.upsertTrims, binds: binds), logger: log)
        return applied
    }

    static let trimColumns = [
        "name", "year", "variant_key", "powertrain", "drivetrain", "body_type", "seats", "price_cny", "price_usd",
        "range_km", "fuel_l_100km", "mpg_combined", "kwh_100km", "power_kw", "battery_kwh", "length_mm", "width_mm",
        "height_mm", "wheelbase_mm", "accel_0_100_s",
    ]

    /// An existing make whose name or alias equals `<expr>`, ignoring case.
    static func sameMake(_ expr: String) -> String {
        "(lower(mk.name) = lower(\(expr)) OR lower(\(expr)) = ANY(SELECT lower(a) FROM unnest(mk.aliases) a))"
    }

    static let insertMakes = """
        WITH ins AS (
            INSERT INTO makes (name)
            SELECT r.make FROM (SELECT DISTINCT make FROM ref_rows) r
            WHERE NOT EXISTS (SELECT 1 FROM makes mk WHERE \(sameMake("r.make")))
            ON CONFLICT DO NOTHING RETURNING 1)
        SELECT count(*) FROM ins
        """

    static let mapMakes = """
        CREATE TEMP TABLE ref_makes ON COMMIT DROP AS
        SELECT r.make, (SELECT mk.id FROM makes mk WHERE \(sameMake("r.make"))
                        ORDER BY (lower(mk.name) = lower(r.make)) DESC, mk.id LIMIT 1) AS make_id
        FROM (SELECT DISTINCT make FROM ref_rows) r
        """

    /// An existing model of make `p.make_id` named or aliased `p.model`, ignoring case.
    static let sameModel = """
        m.make_id = p.make_id AND (lower(m.name) = lower(p.model) OR lower(p.model) = ANY(SELECT lower(a) FROM unnest(m.aliases) a))
        """

    /// New models take the most common body type, powertrain and seat count of their trims.
    static let insertModels = """
        WITH ins AS (
            INSERT INTO models (make_id, name, body_type, powertrain, seats, source, search_text)
            SELECT p.make_id, p.model, a.body_type, a.powertrain, a.seats, $1, lower(p.make || ' ' || p.model)
            FROM (SELECT make, model, mode() WITHIN GROUP (ORDER BY body_type) AS body_type,
                         mode() WITHIN GROUP (ORDER BY powertrain) AS powertrain,
                         mode() WITHIN GROUP (ORDER BY seats::int) AS seats
                  FROM ref_rows GROUP BY make, model) a
            JOIN ref_makes rm ON rm.make = a.make
            CROSS JOIN LATERAL (SELECT rm.make_id, a.make, a.model) p
            WHERE NOT EXISTS (SELECT 1 FROM models m WHERE \(sameModel))
            ON CONFLICT DO NOTHING RETURNING 1)
        SELECT count(*) FROM ins
        """

    static let mapModels = """
        CREATE TEMP TABLE ref_models ON COMMIT DROP AS
        SELECT DISTINCT ON (p.make, p.model) p.make, p.model, m.id AS model_id
        FROM (SELECT DISTINCT r.make, r.model, rm.make_id FROM ref_rows r JOIN ref_makes rm ON rm.make = r.make) p
        JOIN models m ON \(sameModel)
        ORDER BY p.make, p.model, (lower(m.name) = lower(p.model)) DESC, m.id
        """

    static let upsertTrims = """
        INSERT INTO trims AS x (model_id, source, specs, \(trimColumns.joined(separator: ", ")))
        SELECT rm.model_id, $1, r.specs::jsonb, r.name, r.year::int, r.variant_key, r.powertrain, r.drivetrain,
            r.body_type, r.seats::int, r.price_cny::numeric, r.price_usd::numeric, r.range_km::int,
            r.fuel_l_100km::numeric, r.mpg_combined::int, r.kwh_100km::numeric, r.power_kw::int,
            r.battery_kwh::numeric, r.length_mm::int, r.width_mm::int, r.height_mm::int, r.wheelbase_mm::int,
            r.accel_0_100_s::numeric
        FROM ref_rows r JOIN ref_models rm ON rm.make = r.make AND rm.model = r.model
        ON CONFLICT (source, variant_key) WHERE variant_key <> ''
        \(ImportSQL.updateChanged("x", ["model_id", "specs"] + trimColumns.filter { $0 != "variant_key" }))
        """
}
