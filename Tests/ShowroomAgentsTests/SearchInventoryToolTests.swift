import Foundation
import ShowroomCore
import ShowroomData
import ShowroomTestSupport
import Testing
@testable import ShowroomAgents

@Suite(.enabled(if: TestDatabase.available)) struct SearchInventoryToolTests {
    func search(_ db: Database, _ args: JSONValue, store: StoreID = "sh-test") async -> ToolOutcome {
        await ToolCatalog.registry().call(name: "search_inventory", arguments: args, caller: ToolCaller(db: db, scope: .customer, label: "t", fixedStore: store))
    }

    @Test func filtersCombineAndSortByPrice() async throws {
        try await TestDatabase.with { db in
            try await MiniCatalog.load(into: db)
            let r = try #require(await search(db, ["powertrain": "bev", "price_max": 270000]).result)
            let stocks = r["vehicles"]?.arrayValue?.compactMap { $0["stock_number"]?.stringValue }
            #expect(stocks == ["SHT002", "SHT001", "SHT004"])
            #expect(r["total"]?.intValue == 3)
            #expect(r["relaxed"] == [])
        }
    }

    @Test func chineseAndMisspelledNamesResolve() async throws {
        try await TestDatabase.with { db in
            try await MiniCatalog.load(into: db)
            let han = try #require(await search(db, ["make": "比亚迪", "model": "汉"]).result)
            #expect(han["total"]?.intValue == 2)
            let camry = try #require(await search(db, ["model": "camery"], store: "sf-test").result)
            #expect(camry["vehicles"]?.arrayValue?.first?["model"] == "Camry")
        }
    }

    @Test func nothingMatchingRelaxesTheLeastImportantFilterAndSaysSo() async throws {
        try await TestDatabase.with { db in
            try await MiniCatalog.load(into: db)
            let r = try #require(await search(db, ["body_type": "suv", "color": "purple", "seats_min": 7]).result)
            #expect(r["relaxed"] == ["color"])
            #expect(r["vehicles"]?.arrayValue?.first?["stock_number"] == "SHT003")
        }
    }

    @Test func aModelTheMakeDoesNotHaveIsRelaxedByNameNeverSwappedSilently() async throws {
        try await TestDatabase.with { db in
            try await MiniCatalog.load(into: db)
            for asked in ["Supra", "Model Y", "Modle Y"] {
                let r = try #require(await search(db, ["make": "Toyota", "model": .string(asked)], store: "sf-test").result)
                #expect(r["relaxed"] == ["model"], "\(asked)")
                #expect(r["unknown_model"] == .string(asked))
                let vehicles = try #require(r["vehicles"]?.arrayValue)
                // The only Toyota at sf-test is the Camry SFT002: shown as "not what you asked", never as a Supra/Model Y.
                #expect(vehicles.compactMap { $0["stock_number"]?.stringValue } == ["SFT002"])
                #expect(r["applied_filters"]?["model"] == nil)
            }
            let modelY = try #require(await search(db, ["make": "Toyota", "model": "Model Y"], store: "sf-test").result)
            #expect(modelY["suggestions"]?.arrayValue?.first == "Tesla Model Y")
        }
    }

    @Test func aModelNameNoCatalogMakeHasIsUnknownModel() async throws {
        try await TestDatabase.with { db in
            try await MiniCatalog.load(into: db)
            let o = await search(db, ["model": "Supra"], store: "sf-test")
            #expect(o.error?.code == "unknown_model")
            #expect(o.error?.status == 404)
            #expect(o.error?.message.contains("Supra") == true)
        }
    }

    @Test func pagingKeepsTheTotal() async throws {
        try await TestDatabase.with { db in
            try await MiniCatalog.load(into: db)
            let r = try #require(await search(db, ["limit": 1, "offset": 1, "sort": "price_desc"]).result)
            #expect(r["total"]?.intValue == 4)
            #expect(r["vehicles"]?.arrayValue?.first?["stock_number"] == "SHT004")
        }
    }

    @Test func customerCardsNeverCarryFloorOrCost() async throws {
        try await TestDatabase.with { db in
            try await MiniCatalog.load(into: db)
            let r = try #require(await search(db, [:]).result)
            let text = r.jsonString()
            #expect(!text.contains("199000") && !text.contains("floor") && !text.contains("cost"))
        }
    }
}

@Suite(.enabled(if: TestDatabase.available)) struct SearchInventoryToolCapTests {
    @Test func moreMatchesThanTheCapAreALowerBoundAndTheReplySaysSo() async throws {
        try await TestDatabase.with { db in
            try await MiniCatalog.load(into: db)
            try await db.execute("""
                INSERT INTO inventory_units (store_id, stock_number, vin, trim_id, model_id, make, model, trim, year, condition,
                    body_type, powertrain, drivetrain, seats, range_km, mileage_km, exterior_color, currency, list_price, status)
                SELECT 'sh-test', 'GEN' || lpad(i::text, 4, '0'), 'LGXCE4CB0N' || lpad(i::text, 7, '0'), t.id, m.id, 'BYD', 'Tang',
                       t.name, 2024, 'used', 'suv', 'bev', 'awd', 7, 600, 1000 + i, 'gray', 'CNY', 200000 + i, 'available'
                FROM generate_series(1, 1001) i JOIN models m ON m.name = 'Tang' JOIN trims t ON t.model_id = m.id
                """)
            let call = { (args: JSONValue) in
                await ToolCatalog.registry().call(name: "search_inventory", arguments: args,
                                                  caller: ToolCaller(db: db, scope: .customer, label: "t", fixedStore: "sh-test"))
            }
            let broad = try #require(await call(["limit": 2]).result)
            #expect(broad["total"]?.intValue == 1000)
            #expect(broad["total_is_lower_bound"] == .bool(true))
            #expect(broad["vehicles"]?.arrayValue?.compactMap { $0["stock_number"]?.stringValue } == ["SHT002", "GEN0001"])
            let narrow = try #require(await call(["body_type": "sedan"]).result)
            #expect(narrow["total"]?.intValue == 2)
            #expect(narrow["total_is_lower_bound"] == nil)

            func context(_ language: Language) -> PlanContext {
                PlanContext(intent: .vehicleSearch, slots: Slots(), storeID: "sh-test", currency: .CNY, language: language, text: "",
                            focusStock: nil, lastVehicles: [], mentions: [], booking: nil, name: nil, phone: nil, email: nil,
                            consent: false, leaseRequested: false, tradeInYear: nil, tradeInMileageKm: nil, ordinal: nil)
            }
            let en = try #require(EmbeddedWriter.search(broad, context(.en)))
            #expect(en.contains("I found 1,000+ matching vehicles; the first 2 are below"))
            let zh = try #require(EmbeddedWriter.search(broad, context(.zh)))
            #expect(zh.contains("为您找到超过1000台符合条件的车"))
            #expect(try #require(EmbeddedWriter.search(narrow, context(.en))).contains("I found 2 matching vehicles"))
        }
    }
}
