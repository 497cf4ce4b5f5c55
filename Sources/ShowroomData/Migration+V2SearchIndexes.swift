extension Migration {
    /// Indexes for `InventoryRepository.search` on large inventories (issue 7): one per sort
    /// order that v1 lacks (v1's `units_search` already reads a store's available units by
    /// price), one for make/model and one for condition, each led by the store and partial on
    /// available units like v1's facet indexes; and multi-column statistics, because the facets
    /// are correlated (a store sells no EREVs, ICE cars have no electric range) and without them
    /// the planner expects matches where there are none.
    static let v2SearchIndexes = Migration(version: 2, name: "search indexes", sql: #"""
    CREATE INDEX units_avail_range ON inventory_units (store_id, range_km DESC NULLS LAST, list_price, id) WHERE status = 'available';
    CREATE INDEX units_avail_newest ON inventory_units (store_id, year DESC, mileage_km, id) WHERE status = 'available';
    CREATE INDEX units_avail_make_model ON inventory_units (store_id, make, model, list_price) WHERE status = 'available';
    CREATE INDEX units_avail_condition ON inventory_units (store_id, condition, list_price) WHERE status = 'available';
    CREATE STATISTICS units_facets (mcv, dependencies) ON store_id, powertrain, body_type, range_km FROM inventory_units;
    ALTER STATISTICS units_facets SET STATISTICS 1000;
    CREATE STATISTICS units_make_model (mcv, dependencies) ON store_id, make, model, powertrain FROM inventory_units;
    ANALYZE inventory_units;
    """#)
}
