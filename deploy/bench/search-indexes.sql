-- Proposed for faceted search on large inventories (BENCHMARKS.md, "Faceted search"): NOT a
-- migration yet. These indexes help only together with the proposed query (Benchmarks/
-- Sources/showroom-bench/ProposedSearch.swift); with the current query (count(*) OVER ()) they
-- made the 1M-unit p95 worse (808 -> 1018 ms), so they must land with the query change, as
-- migration v2. Applied by `showroom-bench search --database URL --apply deploy/bench/search-indexes.sql`.
-- One partial index per sort order of search_inventory, led by the store:
CREATE INDEX IF NOT EXISTS units_avail_price ON inventory_units (store_id, list_price, id) WHERE status = 'available';
CREATE INDEX IF NOT EXISTS units_avail_newest ON inventory_units (store_id, year DESC, mileage_km, id) WHERE status = 'available';
CREATE INDEX IF NOT EXISTS units_avail_range ON inventory_units (store_id, range_km DESC NULLS LAST, list_price, id) WHERE status = 'available';
-- make/model filters compare the unit's own make and model text:
CREATE INDEX IF NOT EXISTS units_avail_make_model ON inventory_units (store_id, make, model, list_price) WHERE status = 'available';
-- Facets are correlated (a store sells no EREVs; ICE cars have no electric range): multi-column
-- statistics let the planner see empty combinations instead of assuming independence.
CREATE STATISTICS IF NOT EXISTS units_facets (mcv, dependencies) ON store_id, powertrain, body_type, range_km FROM inventory_units;
ALTER STATISTICS units_facets SET STATISTICS 1000;
CREATE STATISTICS IF NOT EXISTS units_make_model (mcv, dependencies) ON store_id, make, model, powertrain FROM inventory_units;
ANALYZE inventory_units;
