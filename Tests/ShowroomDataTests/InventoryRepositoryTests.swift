import Foundation
import PostgresNIO
import ShowroomCore
import ShowroomTestSupport
import Testing
@testable import ShowroomData

@Suite(.enabled(if: TestDatabase.available, "needs DATABASE_URL")) struct InventoryRepositoryTests {
    /// 60 more available Han units in sh-test with prices, years, mileages and colours that
    /// differ unit to unit (and tie on price now and then), so every sort order is exercised.
    func addUnits(_ db: Database) async throws {
        try await db.execute("""
            INSERT INTO inventory_units (store_id, stock_number, vin, trim_id, model_id, make, model, trim, year, condition,
                body_type, powertrain, drivetrain, seats, range_km, mileage_km, exterior_color, currency, list_price, status)
            SELECT 'sh-test', 'GEN' || lpad(i::text, 3, '0'), 'LGXCE4CB0N' || lpad(i::text, 7, '0'), t.id, m.id, 'BYD', 'Han', t.name,
                   2020 + i % 6, CASE WHEN i % 3 = 0 THEN 'new' ELSE 'used' END, 'sedan', 'bev', 'fwd', 5,
                   CASE WHEN i % 4 = 0 THEN NULL ELSE 400 + (i * 37) % 300 END, (i * 7919) % 90000,
                   CASE WHEN i % 2 = 0 THEN 'white' ELSE 'black' END, 'CNY', 100000 + (i * 7717) % 50 * 1000, 'available'
            FROM generate_series(1, 60) i
            JOIN models m ON m.name = 'Han' JOIN trims t ON t.model_id = m.id
            """)
    }

    /// Every match of `f`, sorted in Swift by the documented order (the reference the pages must equal).
    func reference(_ db: Database, _ f: InventoryFilter, _ sort: InventorySort) async throws -> [String] {
        let all = try await InventoryRepository(db: db, totalCap: 100_000).search(f, sort: .priceAsc, limit: 100_000).vehicles
        let sorted = all.sorted { a, b in
            switch sort {
            case .priceAsc: (a.price.minorUnits, a.id) < (b.price.minorUnits, b.id)
            case .priceDesc: (-a.price.minorUnits, a.id) < (-b.price.minorUnits, b.id)
            case .rangeDesc: (a.rangeKm == nil ? 1 : 0, -(a.rangeKm ?? 0), a.price.minorUnits, a.id)
                < (b.rangeKm == nil ? 1 : 0, -(b.rangeKm ?? 0), b.price.minorUnits, b.id)
            case .newest: (-a.year, a.mileageKm, a.id) < (-b.year, b.mileageKm, b.id)
            }
        }
        return sorted.map(\.stockNumber)
    }

    @Test func theTotalIsExactUpToTheCapAndALowerBoundAboveIt() async throws {
        try await TestDatabase.with { db in
            try await MiniCatalog.load(into: db)
            let store = InventoryFilter(storeID: "sh-test")
            let exact = try await InventoryRepository(db: db, totalCap: 4).search(store, limit: 2)
            #expect(exact.total == 4 && !exact.totalIsLowerBound)
            #expect(exact.vehicles.map(\.stockNumber) == ["SHT002", "SHT001"])
            let capped = try await InventoryRepository(db: db, totalCap: 3).search(store, limit: 2)
            #expect(capped.total == 3 && capped.totalIsLowerBound)
            #expect(capped.vehicles.map(\.stockNumber) == ["SHT002", "SHT001"])
            var none = store
            none.color = "purple"
            let empty = try await InventoryRepository(db: db, totalCap: 3).search(none)
            #expect(empty.total == 0 && !empty.totalIsLowerBound && empty.vehicles.isEmpty)
        }
    }

    @Test func aPageBeyondTheMatchesIsEmptyButKeepsTheExactTotal() async throws {
        try await TestDatabase.with { db in
            try await MiniCatalog.load(into: db)
            let r = try await InventoryRepository(db: db).search(InventoryFilter(storeID: "sh-test"), limit: 5, offset: 10)
            #expect(r.total == 4 && !r.totalIsLowerBound && r.vehicles.isEmpty)
        }
    }

    @Test(arguments: InventorySort.allCases) func everySortOrderPagesLikeTheFullSortedListAboveAndBelowTheCap(_ sort: InventorySort) async throws {
        try await TestDatabase.with { db in
            try await MiniCatalog.load(into: db)
            try await addUnits(db)
            var filters = [InventoryFilter(storeID: "sh-test")]
            var used = InventoryFilter(storeID: "sh-test")
            used.condition = .used
            used.priceMax = 130_000
            filters.append(used)
            for f in filters {
                let all = try await reference(db, f, sort)
                #expect(all.count > 12)
                for cap in [5, 1000] {
                    let repo = InventoryRepository(db: db, totalCap: cap)
                    for offset in [0, 3, 10] {
                        let page = try await repo.search(f, sort: sort, limit: 4, offset: offset)
                        #expect(page.vehicles.map(\.stockNumber) == Array(all.dropFirst(offset).prefix(4)), "cap \(cap) offset \(offset)")
                        #expect(page.total == min(all.count, cap) && page.totalIsLowerBound == (all.count > cap))
                    }
                }
            }
        }
    }

    @Test func pricesCompareExactlyAtTheBoundsAndBelowAWholeUnit() async throws {
        try await TestDatabase.with { db in
            try await MiniCatalog.load(into: db)
            var f = InventoryFilter(storeID: "sh-test")
            f.priceMin = 159_800
            f.priceMax = 209_800
            let r = try await InventoryRepository(db: db).search(f)
            #expect(r.vehicles.map(\.stockNumber) == ["SHT002", "SHT001"])
            f.priceMax = 209_799.99
            #expect(try await InventoryRepository(db: db).search(f).vehicles.map(\.stockNumber) == ["SHT002"])
        }
    }

    @Test func onlyAvailableUnitsMatchUnlessUnavailableAreAskedFor() async throws {
        try await TestDatabase.with { db in
            try await MiniCatalog.load(into: db)
            try await db.execute("UPDATE inventory_units SET status = 'sold' WHERE stock_number = 'SHT001'")
            var f = InventoryFilter(storeID: "sh-test")
            #expect(try await InventoryRepository(db: db).search(f).total == 3)
            f.includeUnavailable = true
            #expect(try await InventoryRepository(db: db).search(f).total == 4)
        }
    }
}
