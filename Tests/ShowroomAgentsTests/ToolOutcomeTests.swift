import ShowroomCore
import Testing
@testable import ShowroomAgents

@Suite struct ToolOutcomeTests {
    @Test func aModelReadsResultsWithoutWidgetOnlyFields() throws {
        let card: JSONValue = ["type": "vehicle", "status": "available", "stock_number": "SH24016", "vin": "LGXB36KR9NS016825",
                               "price": ["amount": 81400, "currency": "CNY"], "drivetrain": .null]
        let payment: JSONValue = ["type": "lease", "monthly_payment": 512.3, "status": "sold"]
        let outcome = ToolOutcome(name: "search_inventory", arguments: [:],
                                  result: ["total": 1, "vehicles": [card], "payment": payment], error: nil, durationMs: 1)
        let seen = try #require(JSONValue.parse(outcome.modelText))
        let unit = try #require(seen["vehicles"]?.arrayValue?.first)
        #expect(unit["type"] == nil && unit["status"] == nil && unit["drivetrain"] == nil)
        #expect(unit["stock_number"] == "SH24016" && unit["vin"] == "LGXB36KR9NS016825" && unit["price"]?["amount"] == 81400)
        // Only the widget's values go: a lease stays a lease, a sold unit stays sold.
        #expect(seen["payment"]?["type"] == "lease" && seen["payment"]?["status"] == "sold")
    }

    @Test func aFailedCallReadsAsTheErrorShape() throws {
        let outcome = ToolOutcome(name: "quote_price", arguments: [:], result: nil,
                                  error: ShowroomError("unknown_vehicle", "No vehicle 'X1' at this store."), durationMs: 1)
        #expect(JSONValue.parse(outcome.modelText)?["error"]?["code"] == "unknown_vehicle")
    }
}
