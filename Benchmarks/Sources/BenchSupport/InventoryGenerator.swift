/// SQL that fills `inventory_units` with generated units across the demo stores and the demo
/// catalog's trims (the catalog must be imported first): each unit picks a store, a trim that
/// has a price in the store's currency, a condition (60 % new, 35 % used, 5 % CPO), a status
/// (85 % available, 5 % hold, 7 % sold, 3 % in transit), a colour, a year, mileage and a price
/// around the trim's published price. `setseed` makes the rows the same on every run.
public enum InventoryGenerator {
    /// Statements to run in order (one per string; postgres-nio sends one statement per query).
    public static func statements(units: Int, seed: Double = 0.42) -> [String] {
        [
            "SELECT setseed(\(seed))",
            """
            CREATE TEMP TABLE bench_trims AS
            SELECT s.id AS store, s.currency,
                   (row_number() OVER (PARTITION BY s.id ORDER BY t.id) - 1)::int AS k,
                   t.id AS trim_id, m.id AS model_id, mk.name AS make, m.name AS model, t.name AS trim, t.year,
                   coalesce(t.body_type, m.body_type) AS body_type, coalesce(t.powertrain, m.powertrain) AS powertrain,
                   t.drivetrain, coalesce(t.seats, m.seats) AS seats, t.range_km,
                   CASE s.currency WHEN 'CNY' THEN t.price_cny ELSE t.price_usd END AS price
            FROM stores s
            JOIN trims t ON t.source = 'catalog' AND CASE s.currency WHEN 'CNY' THEN t.price_cny ELSE t.price_usd END IS NOT NULL
            JOIN models m ON m.id = t.model_id JOIN makes mk ON mk.id = m.make_id
            """,
            "CREATE TEMP TABLE bench_counts AS SELECT store, count(*)::int AS n, row_number() OVER (ORDER BY store) - 1 AS idx FROM bench_trims GROUP BY store",
            """
            INSERT INTO inventory_units (store_id, stock_number, vin, trim_id, model_id, make, model, trim, year, condition,
                body_type, powertrain, drivetrain, seats, range_km, mileage_km, exterior_color, interior_color, currency,
                list_price, msrp, floor_price, cost, status, date_in_stock, source)
            SELECT bt.store, 'G' || lpad(g.i::text, 7, '0'), 'BNCH' || lpad(g.i::text, 13, '0'), bt.trim_id, bt.model_id,
                   bt.make, bt.model, bt.trim,
                   CASE WHEN g.cond = 'new' THEN bt.year ELSE bt.year - floor(g.r4 * 4)::int END, g.cond,
                   bt.body_type, bt.powertrain, bt.drivetrain, bt.seats, bt.range_km,
                   CASE WHEN g.cond = 'new' THEN floor(g.r4 * 50)::int ELSE 3000 + floor(g.r4 * 140000)::int END,
                   (ARRAY['white','black','silver','gray','blue','green','red','purple'])[1 + floor(g.r5 * 8)::int],
                   (ARRAY['black','gray','white','brown'])[1 + floor(g.r6 * 4)::int],
                   bt.currency,
                   round(bt.price * CASE WHEN g.cond = 'new' THEN 0.92 + g.r4 * 0.10 ELSE 0.45 + g.r4 * 0.40 END, -2),
                   CASE WHEN g.cond = 'new' THEN bt.price END,
                   round(bt.price * CASE WHEN g.cond = 'new' THEN 0.90 ELSE 0.43 END, -2),
                   round(bt.price * CASE WHEN g.cond = 'new' THEN 0.86 ELSE 0.40 END, -2),
                   CASE WHEN g.r7 < 0.85 THEN 'available' WHEN g.r7 < 0.90 THEN 'hold' WHEN g.r7 < 0.97 THEN 'sold' ELSE 'in_transit' END,
                   current_date - floor(g.r6 * 180)::int, 'feed'
            FROM (
                SELECT i, random() AS r1, random() AS r2,
                       CASE WHEN random() < 0.60 THEN 'new' WHEN random() < 0.875 THEN 'used' ELSE 'cpo' END AS cond,
                       random() AS r4, random() AS r5, random() AS r6, random() AS r7
                FROM generate_series(1, \(units)) i
            ) g
            JOIN bench_counts c ON c.idx = floor(g.r1 * (SELECT count(*) FROM bench_counts))::int
            JOIN bench_trims bt ON bt.store = c.store AND bt.k = floor(g.r2 * c.n)::int
            """,
            "DROP TABLE bench_trims",
            "DROP TABLE bench_counts",
            "ANALYZE inventory_units",
        ]
    }
}
