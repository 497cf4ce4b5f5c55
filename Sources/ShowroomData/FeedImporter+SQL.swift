import Foundation
import PostgresNIO
import ShowroomCore

extension FeedImporter {
    /// What the database part of an import did.
    struct Applied: Sendable {
        var inserted = 0
        var updated = 0
        var duplicateVINs = 0
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
            let (n, line, make, model, makeKnown) = try row.decode((Int, Int, String, String, Bool).self)
            applied.rejected.append(.init(row: n, line: line, field: "model", code: "model_unresolved",
                reason: Self.unresolvedReason(make: make, model: model, makeKnown: makeKnown, threshold: threshold)))
        }
        for row in try await conn.rows(PostgresQuery(unsafeSQL: Self.fuzzyMatches), logger: log) {
            let (n, line, make, model, mk, m, makeScore, modelScore, count) =
                try row.decode((Int, Int, String, String, String, String, Double, Double, Int).self)
            applied.warnings.append(.init(row: n, line: line, field: "model", code: "model_fuzzy",
                reason: Self.fuzzyReason(make: make, model: model, as: (mk, m), makeScore: makeScore, modelScore: modelScore, rows: count)))
        }
        for row in try await conn.rows(Self.stockConflicts(store.id), logger: log) {
            let (n, line, stock, vin) = try row.decode((Int, Int, String, String).self)
            applied.rejected.append(.init(row: n, line: line, field: "stock_number", code: "stock_number_taken",
                reason: "Stock number \(stock) already belongs to VIN \(vin) in store \(store.id)."))
        }
        let collapsed = Self.collapse(rows, rejected: Set(applied.rejected.map(\.row)))
        applied.duplicateVINs = collapsed.duplicateVINs
        applied.warnings += collapsed.warnings
        applied.rejected += collapsed.rejected
        let notApplied = applied.rejected.map(\.row) + collapsed.dropped
        if !notApplied.isEmpty {
            try await conn.query("DELETE FROM feed_rows WHERE row::int = ANY(\(notApplied))", logger: log)
        }
        try await conn.run(Self.mapTrims, logger: log)
        let counts = try await conn.upsertCounts(Self.upsert(store: store), logger: log)
        applied.inserted = counts.inserted
        applied.updated = counts.updated
        return applied
    }

    /// The rejection of a row whose make and model resolve to no catalog model, saying which part failed.
    static func unresolvedReason(make: String, model: String, makeKnown: Bool, threshold: Double) -> String {
        makeKnown
            ? "'\(model)' is no catalog model of \(make): no name, Chinese name or alias matches, and no model name is "
                + "similar (≥ \(threshold)) while keeping every code of it (such as the Y of Model Y, ES6, GLC)."
            : "'\(make)' is no catalog make, and no catalog make and model are both similar (≥ \(threshold)) to '\(make) \(model)'."
    }

    /// The warning for a row taken as a similar catalog model; the similarities are the ones the
    /// threshold was applied to (1 for a part that matched exactly).
    static func fuzzyReason(make: String, model: String, as target: (make: String, model: String),
                            makeScore: Double, modelScore: Double, rows: Int) -> String {
        func fixed(_ x: Double) -> String { String(format: "%.2f", x) }
        let makePart = makeScore < 1 ? ", make similarity \(fixed(makeScore))" : ""
        let more = rows > 1 ? " (and \(rows - 1) more row\(rows == 2 ? "" : "s"))" : ""
        return "'\(make) \(model)' taken as \(target.make) \(target.model) (model similarity \(fixed(modelScore))\(makePart))\(more)."
    }

    static let createModelMap = """
        CREATE TEMP TABLE feed_models (make text, model text, model_id int, make_name text, model_name text,
            make_known boolean, make_score float8, model_score float8, exact boolean) ON COMMIT DROP
        """

    /// SQL that reduces a name to lower-case letters and digits for exact comparison.
    static func norm(_ expr: String) -> String { "regexp_replace(lower(\(expr)), '[[:space:][:punct:]]+', '', 'g')" }

    /// SQL that is true when catalog make `mk` is named, in Chinese or by an alias, exactly `make`
    /// (ignoring case; the canonical name also ignoring spaces and punctuation).
    static func makeExact(_ make: String) -> String {
        """
        (lower(mk.name) = lower(\(make)) OR lower(coalesce(mk.name_zh, '')) = lower(\(make))
         OR lower(\(make)) = ANY(SELECT lower(a) FROM unnest(mk.aliases) a) OR \(norm("mk.name")) = \(norm(make)))
        """
    }

    /// Best catalog model for every distinct (make, model) of the feed; NULL model_id when none
    /// passes. The model text is compared without a leading copy of the feed's make ("Toyota
    /// Camry" under make Toyota is "Camry").
    ///
    /// - When the feed's make is a catalog make (exactly, see `makeExact`), only that make's
    ///   models are candidates, and a fuzzy one needs a MODEL similarity ≥ `threshold`: the model
    ///   text against the model's own names (canonical, Chinese, aliases), never against the make's
    ///   names, so a right make alone never carries an unrelated model (Toyota Sequoia is not a
    ///   Sienna).
    /// - Otherwise the make must be similar (≥ `threshold`) to a catalog make's names AND the
    ///   model similar (≥ `threshold`) to one of that make's models.
    /// - Either way a candidate is refused when the feed lacks one of the code-like words of its
    ///   canonical name: ≤ 2 characters, digit-bearing, or ≤ 3 capitals (Model Y / Model 3,
    ///   ES6 / ES8, GLC / GLE, Bolt EUV / Bolt EV); and a feed model saying EV or electric never
    ///   fuzzily becomes a model whose powertrain is ice or hev (Equinox EV is not the Equinox).
    ///
    /// Order: exact make and model, then the higher make + model similarity, catalog before
    /// reference rows. `make_score` and `model_score` are the similarities (1 when exact).
    static func resolveModels(threshold: Double) -> PostgresQuery {
        let modelKey = """
            CASE WHEN starts_with(lower(f.model), lower(f.make) || ' ') THEN substr(lower(f.model), length(f.make) + 2)
                 ELSE lower(f.model) END
            """
        let modelExact = """
            (\(norm("m.name")) = \(norm("p.model_key")) OR \(norm("coalesce(m.name_zh, '')")) = \(norm("p.model_key"))
             OR \(norm("p.model_key")) = ANY(SELECT \(norm("a")) FROM unnest(m.aliases) a))
            """
        let codesPresent = """
            NOT EXISTS (SELECT 1 FROM regexp_split_to_table(m.name, '[[:space:][:punct:]]+') tok
                        WHERE tok <> '' AND (length(tok) <= 2 OR tok ~ '[0-9]' OR (length(tok) <= 3 AND tok !~ '[a-z]'))
                          AND lower(tok) <> ALL (regexp_split_to_array(p.model_key, '[[:space:][:punct:]]+')))
            """
        let powertrainFits = "NOT (p.model_key ~ '\\m(ev|electric)\\M' AND m.powertrain IN ('ice', 'hev'))"
        let makeSimilarity = "word_similarity(lower(p.make), lower(concat_ws(' ', mk.name, mk.name_zh, array_to_string(mk.aliases, ' '))))"
        let modelSimilarity = """
            greatest(word_similarity(p.model_key, lower(concat_ws(' ', m.name, m.name_zh, array_to_string(m.aliases, ' ')))),
                     word_similarity(lower(m.name), p.model_key))
            """
        let sql = """
            INSERT INTO feed_models (make, model, make_known, model_id, make_name, model_name, make_score, model_score, exact)
            SELECT p.make, p.model, p.make_known, r.id, r.make_name, r.model_name, r.make_score, r.model_score, r.exact
            FROM (SELECT f.make, f.model, \(modelKey) AS model_key,
                         EXISTS (SELECT 1 FROM makes mk WHERE \(makeExact("f.make"))) AS make_known
                  FROM (SELECT DISTINCT make, model FROM feed_rows) f) p
            LEFT JOIN LATERAL (
                SELECT m.id, mk.name AS make_name, m.name AS model_name, s.make_score, s.model_score, e.mk AND e.mo AS exact
                FROM models m JOIN makes mk ON mk.id = m.make_id,
                LATERAL (SELECT \(makeExact("p.make")) AS mk, \(modelExact) AS mo) e,
                LATERAL (SELECT CASE WHEN e.mk THEN 1.0 ELSE \(makeSimilarity) END::float8 AS make_score,
                                CASE WHEN e.mo THEN 1.0 ELSE \(modelSimilarity) END::float8 AS model_score) s
                WHERE (e.mk OR NOT p.make_known) AND s.make_score >= $1 AND s.model_score >= $1 AND (e.mo OR (\(codesPresent) AND \(powertrainFits)))
                ORDER BY e.mk AND e.mo DESC, s.make_score + s.model_score DESC, (m.source = 'catalog') DESC, m.id
                LIMIT 1) r ON true
            """
        var binds = PostgresBindings()
        binds.append(threshold)
        return PostgresQuery(unsafeSQL: sql, binds: binds)
    }

    static let unresolvedRows = """
        SELECT f.row::int, f.line::int, f.make, f.model, r.make_known FROM feed_rows f
        JOIN feed_models r ON r.make = f.make AND r.model = f.model WHERE r.model_id IS NULL ORDER BY f.row::int
        """

    static let fuzzyMatches = """
        SELECT min(f.row::int), min(f.line::int), r.make, r.model, r.make_name, r.model_name, r.make_score, r.model_score, count(*)::int
        FROM feed_rows f JOIN feed_models r ON r.make = f.make AND r.model = f.model
        WHERE r.model_id IS NOT NULL AND NOT r.exact
        GROUP BY r.make, r.model, r.make_name, r.model_name, r.make_score, r.model_score
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
