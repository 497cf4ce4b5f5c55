import Foundation
import ShowroomCore
import ShowroomData
import ShowroomTestSupport
import Testing
@testable import ShowroomServer

@Suite(.enabled(if: TestDatabase.available)) struct StaffInventoryControllerTests {
    static let newUnit: JSONValue = [
        "store_id": "sh-test", "stock_number": "SHT100", "vin": "lgxce4cb6n0000100", "make": "biyadi", "model": "汉",
        "trim": "EV 605", "year": 2025, "condition": "new", "list_price": 199800.5, "floor_price": 190000, "cost": 180000,
        "exterior_color": "white",
    ]

    @Test func aManagerAddsEditsAndRemovesAUnitAndSalesNeverSeeItsFloorPrice() async throws {
        try await StaffHarness.with { h in
            let created = try await h.json(.post, "/v1/staff/inventory", key: "managerSH", json: Self.newUnit)
            #expect(created.status == 201, "\(created.json)")
            #expect(created.json["make"] == "BYD")
            #expect(created.json["model"] == "Han")
            #expect(created.json["vin"] == "LGXCE4CB6N0000100")
            #expect(created.json["range_km"] == 605)  // from the catalog trim
            #expect(created.json["body_type"] == "sedan")  // from the catalog model
            #expect(created.json["list_price"] == ["amount": 199800.5, "currency": "CNY"])
            #expect(created.json["floor_price"] == ["amount": 190000, "currency": "CNY"])

            let seen = try await h.json(.get, "/v1/staff/inventory/sht100", key: "salesSH")
            #expect(seen.status == 200)
            #expect(seen.json["floor_price"] == nil && seen.json["cost"] == nil)
            #expect(seen.json["list_price"]?["amount"] == 199800.5)

            let edited = try await h.json(.patch, "/v1/staff/inventory/SHT100?store_id=sh-test", key: "managerSH",
                                          json: ["list_price": 189800, "status": "hold", "mileage_km": 12])
            #expect(edited.status == 200)
            #expect(edited.json["list_price"]?["amount"] == 189800)
            #expect(edited.json["status"] == "hold")
            #expect(edited.json["mileage_km"] == 12)
            #expect(edited.json["exterior_color"] == "white")

            let held = try await h.json(.get, "/v1/staff/inventory?status=hold&store_id=sh-test", key: "salesSH")
            #expect(held.json["units"]?.arrayValue?.compactMap { $0["stock_number"]?.stringValue } == ["SHT100"])

            let gone = try await h.call(.delete, "/v1/staff/inventory/SHT100", key: "managerSH")
            #expect(gone.status == 204)
            #expect(try await h.json(.get, "/v1/staff/inventory/SHT100", key: "managerSH").status == 404)
            #expect(try await h.call(.delete, "/v1/staff/inventory/SHT100", key: "managerSH").status == 404)
        }
    }

    @Test func listsFilterByMakeModelConditionPriceAndPage() async throws {
        try await StaffHarness.with { h in
            func stocks(_ query: String) async throws -> [String] {
                let r = try await h.json(.get, "/v1/staff/inventory?\(query)", key: "salesAll")
                #expect(r.status == 200, "\(query): \(r.json)")
                return r.json["units"]?.arrayValue?.compactMap { $0["stock_number"]?.stringValue } ?? []
            }
            #expect(try await stocks("make=byd&model=han") == ["SHT001", "SHT002"])
            #expect(try await stocks("condition=used") == ["SHT002"])
            #expect(try await stocks("price_min=100000&price_max=210000") == ["SHT001", "SHT002"])
            #expect(try await stocks("make=Tesla&model=Model+Y") == ["DUP001", "SFT001"])
            #expect(try await stocks("make=Tesla&model=Model%20Y&limit=1&offset=1") == ["SFT001"])
            let page = try await h.json(.get, "/v1/staff/inventory?limit=2&offset=4", key: "salesAll")
            #expect(page.json["total"] == 5)
            #expect(page.json["units"]?.arrayValue?.count == 1)
        }
    }

    @Test func badInputIsRefusedWithTheFieldNamed() async throws {
        try await StaffHarness.with { h in
            var bad = Self.newUnit.objectValue!
            bad["vin"] = "IOQ12345678901234"
            let vin = try await h.json(.post, "/v1/staff/inventory", key: "managerSH", json: .object(bad))
            #expect(vin.status == 400)
            #expect(vin.json["error"]?["message"]?.stringValue?.contains("vin") == true)
            bad = Self.newUnit.objectValue!
            bad["list_price"] = 0
            #expect(try await h.json(.post, "/v1/staff/inventory", key: "managerSH", json: .object(bad)).status == 400)
            bad = Self.newUnit.objectValue!
            bad["wheels"] = 4
            let extra = try await h.json(.post, "/v1/staff/inventory", key: "managerSH", json: .object(bad))
            #expect(extra.status == 400)
            #expect(extra.json["error"]?["message"]?.stringValue?.contains("wheels") == true)
            bad = Self.newUnit.objectValue!
            bad["exterior_color"] = .null
            #expect(try await h.json(.post, "/v1/staff/inventory", key: "managerSH", json: .object(bad)).status == 400)
            bad = Self.newUnit.objectValue!
            bad["date_in_stock"] = "2025-02-30"
            #expect(try await h.json(.post, "/v1/staff/inventory", key: "managerSH", json: .object(bad)).status == 400)
            let nul = try await h.json(.patch, "/v1/staff/inventory/SHT001", key: "managerSH", json: ["trim": "a\u{0}b"])
            #expect(nul.status == 400)
            #expect(try await h.json(.get, "/v1/staff/inventory?limit=0", key: "salesAll").status == 400)
            #expect(try await h.json(.get, "/v1/staff/inventory?price_min=abc", key: "salesAll").status == 400)
            #expect(try await h.json(.get, "/v1/staff/inventory?status=gone", key: "salesAll").status == 400)
            #expect(try await h.json(.get, "/v1/staff/inventory/bad%20stock", key: "salesAll").status == 400)
            let broken = try await h.call(.post, "/v1/staff/inventory", key: "managerSH", body: "{not json",
                                          headers: [.contentType: "application/json"])
            #expect(broken.status == 400)
        }
    }

    @Test func aNorthAmericanVINNeedsItsCheckDigitAsInTheFeedImporter() async throws {
        try await StaffHarness.with { h in
            var unit = ["store_id": "sf-test", "stock_number": "SFT100", "make": "Tesla", "model": "Model Y", "year": 2025,
                        "condition": "new", "list_price": 45000] as [String: JSONValue]
            unit["vin"] = "5YJ3E1EA1PF000099"  // check digit 1; the others imply 8
            let wrong = try await h.json(.post, "/v1/staff/inventory", key: "managerSF", json: .object(unit))
            #expect(wrong.status == 400)
            #expect(wrong.json["error"]?["code"] == "vin_check_digit")
            unit["vin"] = "5YJ3E1EA8PF000099"
            #expect(try await h.json(.post, "/v1/staff/inventory", key: "managerSF", json: .object(unit)).status == 201)
        }
    }

    @Test func conflictsAndUnknownModelsAreNamed() async throws {
        try await StaffHarness.with { h in
            #expect(try await h.json(.post, "/v1/staff/inventory", key: "managerSH", json: Self.newUnit).status == 201)
            let again = try await h.json(.post, "/v1/staff/inventory", key: "managerSH", json: Self.newUnit)
            #expect(again.status == 409)
            #expect(again.json["error"]?["code"] == "duplicate_unit")
            var other = Self.newUnit.objectValue!
            other["model"] = "Seal"
            other["stock_number"] = "SHT101"
            let unknown = try await h.json(.post, "/v1/staff/inventory", key: "managerSH", json: .object(other))
            #expect(unknown.status == 404)
            #expect(unknown.json["error"]?["code"] == "unknown_model")
            // DUP001 exists in sf-test; adding it to sh-test makes the bare stock number ambiguous for an all-store key.
            other = Self.newUnit.objectValue!
            other["stock_number"] = "DUP001"
            other["vin"] = "LGXCE4CBXN0000777"
            #expect(try await h.json(.post, "/v1/staff/inventory", key: "adminAll", json: .object(other)).status == 201)
            let ambiguous = try await h.json(.get, "/v1/staff/inventory/DUP001", key: "adminAll")
            #expect(ambiguous.status == 409)
            #expect(ambiguous.json["error"]?["code"] == "ambiguous_stock_number")
            #expect(try await h.json(.get, "/v1/staff/inventory/DUP001?store_id=sf-test", key: "adminAll").json["status"] == "hold")
            #expect(try await h.json(.get, "/v1/staff/inventory/DUP001", key: "managerSH").json["store_id"] == "sh-test")
            #expect(try await h.json(.get, "/v1/staff/inventory?store_id=nowhere-store", key: "adminAll").status == 404)
        }
    }
}
