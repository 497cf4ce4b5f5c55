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
