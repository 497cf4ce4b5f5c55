import Foundation
import ShowroomCore
import ShowroomData
import ShowroomTestSupport
import Testing
import Yams
@testable import ShowroomAgents

@Suite(.enabled(if: TestDatabase.available)) struct DemoCatalogToolTests {
    @Test func getVehicleAnswersForEveryCatalogModel() async throws {
        try await TestDatabase.with { db in
            try await DemoCatalog.load(into: db)
            let yaml = try String(contentsOf: DemoCatalog.folder.appendingPathComponent("models.yaml"), encoding: .utf8)
            let makes = try YAMLDecoder().decode(JSONValue.self, from: yaml)["makes"]?.arrayValue ?? []
            let registry = ToolCatalog.registry()
            var checked = 0
            for mk in makes {
                for m in mk["models"]?.arrayValue ?? [] {
                    let make = mk["make"]?.stringValue ?? "", model = m["model"]?.stringValue ?? ""
                    var answered = false
                    for store in ["sh-pudong", "sf-bay"] {
                        let o = await registry.call(name: "get_vehicle", arguments: ["store_id": .string(store), "make": .string(make), "model": .string(model)],
                                                    caller: ToolCaller(db: db, scope: .staff, label: "test"))
                        if let r = o.result, r["model"]?.stringValue == model, !(r["trims"]?.arrayValue?.isEmpty ?? true) { answered = true }
                    }
                    #expect(answered, "get_vehicle did not answer for \(make) \(model)")
                    checked += 1
                }
            }
            #expect(checked >= 70)
        }
    }

    @Test func chineseBudgetSearchFindsElectricSUVs() async throws {
        try await TestDatabase.with { db in
            try await DemoCatalog.load(into: db)
            let o = await ToolCatalog.registry().call(name: "search_inventory", arguments: ["body_type": "suv", "powertrain": "bev", "price_max": 200000],
                                                      caller: ToolCaller(db: db, scope: .customer, label: "t", fixedStore: "sh-pudong"))
            let vehicles = try #require(o.result?["vehicles"]?.arrayValue)
            #expect(!vehicles.isEmpty)
            for v in vehicles {
                #expect(v["body_type"] == "suv" && v["powertrain"] == "bev")
                #expect((v["price"]?["amount"]?.doubleValue ?? .infinity) <= 200000)
            }
        }
    }
}
