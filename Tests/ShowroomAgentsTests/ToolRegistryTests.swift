import Foundation
import ShowroomCore
import ShowroomData
import ShowroomTestSupport
import Testing
@testable import ShowroomAgents

@Suite(.enabled(if: TestDatabase.available)) struct ToolRegistryTests {
    let registry = ToolCatalog.registry()

    @Test func customersNeverSeeStaffTools() {
        let names = registry.visible(to: .customer).map(\.name)
        #expect(!names.contains("floor_price"))
        #expect(registry.visible(to: .staff).map(\.name).contains("floor_price"))
        #expect(registry.specs(names: ["search_inventory", "floor_price"], scope: .customer).map(\.name) == ["search_inventory"])
    }

    @Test func aStaffToolCalledByACustomerIsUnknownAndAudited() async throws {
        try await TestDatabase.with { db in
            try await MiniCatalog.load(into: db)
            let caller = ToolCaller(db: db, scope: .customer, label: "test", fixedStore: "sh-test")
            let outcome = await registry.call(name: "floor_price", arguments: ["store_id": "sh-test", "stock_number": "SHT001"], caller: caller)
            #expect(outcome.error?.code == "unknown_tool")
            let rows = try await db.rows("SELECT tool, ok, error_code FROM tool_calls")
            let (tool, ok, code) = try #require(rows.first).decode((String, Bool, String?).self)
            #expect(tool == "floor_price" && !ok && code == "unknown_tool")
        }
    }

    @Test func invalidArgumentsGetAPreciseErrorNotACrash() async throws {
        try await TestDatabase.with { db in
            try await MiniCatalog.load(into: db)
            let caller = ToolCaller(db: db, scope: .customer, label: "test", fixedStore: "sh-test")
            let bad = await registry.call(name: "search_inventory", rawArguments: #"{"body_type":"electric car","powertrain":"F1200Z","limit":500}"#, caller: caller)
            #expect(bad.error?.code == "invalid_arguments")
            #expect(bad.error?.message.contains("body_type: must be one of") == true)
            #expect(bad.error?.message.contains("limit: must be ≤ 50") == true)
            let garbage = await registry.call(name: "search_inventory", rawArguments: "{not json", caller: caller)
            #expect(garbage.error?.code == "invalid_arguments")
        }
    }

    @Test func aCustomerSessionIsPinnedToItsStore() async throws {
        try await TestDatabase.with { db in
            try await MiniCatalog.load(into: db)
            let caller = ToolCaller(db: db, scope: .customer, label: "test", fixedStore: "sh-test")
            let outcome = await registry.call(name: "search_inventory", arguments: ["store_id": "sf-test"], caller: caller)
            let vehicles = try #require(outcome.result?["vehicles"]?.arrayValue)
            #expect(!vehicles.isEmpty)
            #expect(vehicles.allSatisfy { $0["stock_number"]?.stringValue?.hasPrefix("SHT") == true })
        }
    }

    @Test func aStaffKeyLimitedToAStoreIsRefusedElsewhere() async throws {
        try await TestDatabase.with { db in
            try await MiniCatalog.load(into: db)
            let caller = ToolCaller(db: db, scope: .staff, label: "test", allowedStores: ["sf-test"])
            let outcome = await registry.call(name: "floor_price", arguments: ["store_id": "sh-test", "stock_number": "SHT001"], caller: caller)
            #expect(outcome.error?.code == "forbidden_store")
            let ok = await registry.call(name: "floor_price", arguments: ["store_id": "sf-test", "stock_number": "SFT001"], caller: caller)
            #expect(ok.result?["floor"]?.doubleValue == 47000)
        }
    }
}
