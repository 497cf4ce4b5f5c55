import Foundation
import PostgresNIO
import ShowroomCore

extension FeedImporter {
    /// What the database part of an import did.
    struct Applied: Sendable {
        var inserted = 0
        var updated = 0
        var rejected: [FeedImportReport.Issue] = []
        var warnings: [FeedImportReport.Issue] = []
    }

    /// Loads the validated rows into a temporary table and applies them set-based, inside the
    /// caller's transaction.
    func apply(_ rows: [FeedRowValidator.Row], store: Store, threshold: Double, _ conn: PostgresConnection) async throws -> Applied {
        let log = db.logger
        var copy = ImportCopy()
        for r in rows {
            copy.field(r.row)
            copy.field(r.line)
            copy.field(r.vin.rawValue)
            copy.field(r.stockNumber)
            copy.field(r.year)
            copy.field(r.make)
            copy.field(r.model)
            copy.field(r.trim)
            copy.field(r.bodyType?.rawValue)
            copy.field(r.condition.rawValue)
            copy.field(r.mileageKm)
            copy.field(r.price.plainDecimalText)
            copy.field(r.msrp?.plainDecimalText)
            copy.field(r.exteriorColor)
            copy.field(r.interiorColor)
            copy.field(r.dateInStock?.description)
            copy.endRow()
        }
        try await conn.copyIntoTempTable("feed_rows", columns: [
            "row", "line", "vin", "stock_number", "year", "make", "model", "trim", "body_type", "condition", "mileage_km",
            "list_price", "msrp", "exterior_color", "interior_color", "date_in_stock",
        ], rows: copy, logger: log)

        try await conn.run("ANALYZE feed_rows", logger: log)
        var applied = Applied()
        try await conn.run(Self.createModelMap, logger: log)
        try await conn.query(Self.resolveModels(threshold: threshold), logger: log)
        for row in try await conn.rows(PostgresQuery(unsafeSQL: Self.unresolvedRows), logger: log) {
            let (n, line, make, model) = try row.decode((Int, Int, String, String).self)
            applied.rejected.append(.init(row: n, line: line, field: "model", code: "model_unresolved",
                reason: "'\(make) \(model)' matches no catalog model by name, Chinese name or alias, nor by similarity ≥ \(threshold)."))
        }
        for row in try await conn.rows(PostgresQuery(unsafeSQL: Self.fuzzyMatches), logger: log) {
            let (n, line, make, model, mk, m, score, count) = try row.decode((Int, Int, String, String, String, String, Double, Int).self)
            let more = count > 1 ? " (and \(count - 1) more row\(count == 2 ? "" : "s"))" : ""
            applied.warnings.append(.init(row: n, line: line, field: "model", code: "model_fuzzy",
                reason: "'\(make) \(model)' taken as \(mk) \(m) (similarity \(String(format: "%.2f", score)))\(more)."))
        }
        for row in try await conn.rows(Self.stockConflicts(store.id), logger: log) {
            let (n, line, stock, vin) = try row.decode((Int, Int, String, String).self)
            applied.rejected.append(.init(row: n, line: line, field: "stock_number", code: "stock_number_taken",
                reason: "Stock number \(stock) already belongs to VIN \(vin) in store \(store.id)."))
        }
        let rejectedRows = applied.rejected.map(\.row)
        if !rejectedRows.isEmpty {
            try await conn.query("DELETE FROM feed_rows WHERE row::int = ANY(\(rejectedRows))", logger: log)
        }
        try await conn.run(Self.mapTrims, logger: log)
        let counts = try await conn.upsertCounts(Self.upsert(store: store), logger: log)
        applied.inserted = counts.inserted
        applied.updated = counts.updated
        return applied
    }

    static let createModelMap = """
        CREATE TEMP TABLE feed_models (make text, model text, model_id int, make_name text, model_name text,
            score float8, exact boolean) ON COMMIT DROP
        """

    /// SQL that reduces a name to lower-case letters and digits for exact comparison.
    static func norm(_ expr: String) -> String { "regexp_replace(lower(\(expr)), '[[:space:][:punct:]]+', '', 'g')" }

    /// Best catalog model for every distinct (make, model) of the feed; NULL model_id when none
    /// passes. Tiers: exact make and model (3), exact make and similar model (1 + similarity),
    /// similar make and model text (similarity). Catalog rows win ties over reference rows.
    static func resolveModels(threshold: Double) -> PostgresQuery {
        let makeExact = """
            (lower(mk.name) = lower(p.make) OR lower(coalesce(mk.name_zh, '')) = lower(p.make)
             OR lower(p.make) = ANY(SELECT lower(a) FROM unnest(mk.aliases) a) OR \(norm("mk.name")) = \(norm("p.make")))
            """
        let modelExact = """
            (\(norm("m.name")) = \(norm("p.model")) OR \(norm("coalesce(m.name_zh, '')")) = \(norm("p.model"))
             OR \(norm("p.model")) = ANY(SELECT \(norm("a")) FROM unnest(m.aliases) a)
             OR \(norm("mk.name || m.name")) = \(norm("p.model")))
            """
        // Short (≤ 2 characters) or digit-bearing words of the catalog name tell models apart
        // (Model Y / Model 3, ES6 / ES8): a fuzzy match must contain every one of them.
        let distinctOK = """
            NOT EXISTS (SELECT 1 FROM regexp_split_to_table(lower(m.name), '[[:space:][:punct:]]+') tok
                        WHERE tok <> '' AND (length(tok) <= 2 OR tok ~ '[0-9]')
                          AND tok <> ALL (regexp_split_to_array(lower(p.model), '[[:space:][:punct:]]+')))
            """
        let modelSimilarity = "greatest(word_similarity(lower(p.model), m.search_text), word_similarity(lower(m.name), lower(p.model)))"
        let textSimilarity = """
            greatest(word_similarity(lower(p.make || ' ' || p.model), m.search_text),
                     word_similarity(lower(mk.name || ' ' || m.name), lower(p.make || ' ' || p.model)))
            """
        let sql = """
            INSERT INTO feed_models (make, model, model_id, make_name, model_name, score, exact)
            SELECT p.make, p.model, r.id, r.make_name, r.model_name, r.score, r.score >= 3
            FROM (SELECT DISTINCT make, model FROM feed_rows) p
            LEFT JOIN LATERAL (
                SELECT m.id, mk.name AS make_name, m.name AS model_name,
                    CASE WHEN e.mk AND e.mo THEN 3.0::float8
                         WHEN e.mk THEN 1.0::float8 + \(modelSimilarity)
                         ELSE (\(textSimilarity))::float8 END AS score
                FROM models m JOIN makes mk ON mk.id = m.make_id,
                LATERAL (SELECT \(makeExact) AS mk, \(modelExact) AS mo) e
                WHERE (e.mk AND e.mo)
                   OR (\(distinctOK) AND e.mk AND \(modelSimilarity) >= $1)
                   OR (\(distinctOK) AND \(textSimilarity) >= $1)
                ORDER BY score DESC, (m.source = 'catalog') DESC, m.id
                LIMIT 1) r ON true
            """
        var binds = PostgresBindings()
        binds.append(threshold)
        return PostgresQuery(unsafeSQL: sql, binds: binds)
    }

    static let unresolvedRows = """
        SELECT f.row::int, f.line::int, f.make, f.model FROM feed_rows f
        JOIN feed_models r ON r.make = f.make AND r.model = f.model WHERE r.model_id IS NULL ORDER BY f.row::int
        """

    static let fuzzyMatches = """
        SELECT min(f.row::int), min(f.line::int), r.make, r.model, r.make_name, r.model_name,
               CASE WHEN r.score > 1 THEN r.score - 1 ELSE r.score END, count(*)::int
        FROM feed_rows f JOIN feed_models r ON r.make = f.make AND r.model = f.model
        WHERE r.model_id IS NOT NULL AND NOT r.exact
        GROUP BY r.make, r.model, r.make_name, r.model_name, r.score
        """

    /// The trim of every distinct (model, trim text, year) of the feed: same name ignoring case,
    /// catalog trims first, then the closest year.
    static let mapTrims = """
        CREATE TEMP TABLE feed_trims ON COMMIT DROP AS
        SELECT p.model_id, p.trim, p.year, (
            SELECT x.id FROM trims x WHERE x.model_id = p.model_id AND lower(x.name) = lower(p.trim)
            ORDER BY (x.source = 'catalog') DESC, abs(x.year - p.year::int), x.year DESC LIMIT 1) AS trim_id
        FROM (SELECT DISTINCT r.model_id, f.trim, f.year FROM feed_rows f
              JOIN feed_models r ON r.make = f.make AND r.model = f.model
              WHERE r.model_id IS NOT NULL AND f.trim IS NOT NULL) p
        """

    static func stockConflicts(_ store: StoreID) -> PostgresQuery {
        """
        SELECT f.row::int, f.line::int, f.stock_number, u.vin FROM feed_rows f
        JOIN inventory_units u ON u.store_id = \(store.rawValue) AND u.stock_number = f.stock_number AND u.vin <> f.vin
        """
    }

    static let unitColumns = [
        "stock_number", "trim_id", "model_id", "make", "model", "trim", "year", "condition", "body_type", "powertrain",
        "drivetrain", "seats", "range_km", "mileage_km", "exterior_color", "interior_color", "currency", "list_price",
        "msrp", "source",
    ]

    static func upsert(store: Store) -> PostgresQuery {
        let conflict = ImportSQL.updateChanged("u", unitColumns,
            touch: "date_in_stock = coalesce(EXCLUDED.date_in_stock, u.date_in_stock), updated_at = now()",
            changedAlso: "EXCLUDED.date_in_stock IS NOT NULL AND EXCLUDED.date_in_stock IS DISTINCT FROM u.date_in_stock")
        let sql = """
            INSERT INTO inventory_units AS u (store_id, vin, status, date_in_stock, \(unitColumns.joined(separator: ", ")))
            SELECT $1, f.vin, 'available', f.date_in_stock::date, f.stock_number, tr.id, m.id, mk.name, m.name,
                coalesce(tr.name, f.trim, ''), f.year::int, f.condition, coalesce(tr.body_type, m.body_type, f.body_type),
                coalesce(tr.powertrain, m.powertrain), tr.drivetrain, coalesce(tr.seats, m.seats), tr.range_km,
                f.mileage_km::int, f.exterior_color, f.interior_color, $2, f.list_price::numeric, f.msrp::numeric, 'feed'
            FROM feed_rows f
            JOIN feed_models r ON r.make = f.make AND r.model = f.model
            JOIN models m ON m.id = r.model_id JOIN makes mk ON mk.id = m.make_id
            LEFT JOIN feed_trims ft ON ft.model_id = m.id AND ft.trim = f.trim AND ft.year = f.year
            LEFT JOIN trims tr ON tr.id = ft.trim_id
            ON CONFLICT (store_id, vin) \(conflict)
            """
        var binds = PostgresBindings()
        binds.append(store.id.rawValue)
        binds.append(store.currency.rawValue)
        return PostgresQuery(unsafeSQL: sql, binds: binds)
    }
}
