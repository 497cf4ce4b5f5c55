import Foundation
import ShowroomCore
import ShowroomData
import ShowroomTestSupport
import Testing
@testable import ShowroomAgents

@Suite(.enabled(if: TestDatabase.available)) struct DemoCatalogToolTests {
    /// ../shared/spec/demo-catalog.md, read at test time (it is not in the repository).
    static var specURL: URL {
        TestDatabase.repoRoot.deletingLastPathComponent().appendingPathComponent("shared/spec/demo-catalog.md")
    }

    /// Every (make, canonical model, Chinese name or alias) of the spec's model table, parsed as
    /// deploy/tools/check_catalog.py does: rows `| make | 中文 | models |`, models comma-separated,
    /// each a canonical name followed by its Chinese name or a parenthesised alias.
    static func specModels(_ text: String) -> [(make: String, model: String, other: String)] {
        func isCJK(_ s: Substring) -> Bool { s.unicodeScalars.contains { (0x3400...0x9FFF).contains($0.value) } }
        var out: [(String, String, String)] = []
        for line in text.split(separator: "\n") {
            let cells = line.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "|"))
                .split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count == 3, isCJK(Substring(cells[1])), cells[0] != "make", !cells[0].hasPrefix("-") else { continue }
            for item in cells[2].split(separator: ",") {
                var words: [Substring] = [], extra: [Substring] = []
                for token in item.split(separator: " ") {
                    if !extra.isEmpty || isCJK(token) || token.hasPrefix("(") { extra.append(token) } else { words.append(token) }
                }
                out.append((cells[0], words.joined(separator: " "),
                            extra.joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: "()"))))
            }
        }
        return out
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: specURL.path), "needs ../shared/spec/demo-catalog.md"))
    func getVehicleAnswersForEveryModelDemoCatalogMdLists() async throws {
        let spec = Self.specModels(try String(contentsOf: Self.specURL, encoding: .utf8))
        // The spec's table holds 18 makes and 71 models today (counted with awk over its rows); a
        // parser that lost rows would check fewer.
        #expect(Set(spec.map(\.make)).count >= 18)
        #expect(spec.count >= 71)
        #expect(spec.contains { $0 == ("Toyota", "RAV4", "RAV4荣放") })
        #expect(spec.contains { $0 == ("Aion", "S", "AION S") })
        try await TestDatabase.with { db in
            try await DemoCatalog.load(into: db)
            let registry = ToolCatalog.registry()
            for (make, model, other) in spec {
                for name in [model] + (other.isEmpty ? [] : [other]) {
                    var answered = false
                    for store in ["sh-pudong", "sf-bay"] where !answered {
                        let o = await registry.call(name: "get_vehicle", arguments: ["store_id": .string(store), "make": .string(make), "model": .string(name)],
                                                    caller: ToolCaller(db: db, scope: .staff, label: "test"))
                        if let r = o.result, r["make"]?.stringValue == make, r["model"]?.stringValue == model,
                           !(r["trims"]?.arrayValue?.isEmpty ?? true) { answered = true }
                    }
                    #expect(answered, "get_vehicle did not answer \(make) \(model) when asked for '\(name)'")
                }
            }
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

    func search(_ db: Database, _ args: JSONValue, store: StoreID) async -> ToolOutcome {
        await ToolCatalog.registry().call(name: "search_inventory", arguments: args,
                                          caller: ToolCaller(db: db, scope: .customer, label: "t", fixedStore: store))
    }

    @Test func shortChineseFamilyNamesResolveToTheFamily() async throws {
        try await TestDatabase.with { db in
            try await DemoCatalog.load(into: db)
            // 宋 is the family of 宋L and 宋PLUS: both are searched, and the result says it matched two models.
            let song = try #require(await search(db, ["model": "宋", "limit": 50], store: "sh-pudong").result)
            #expect(song["matched_models"] == ["Song L", "Song PLUS"])
            let songModels = Set(try #require(song["vehicles"]?.arrayValue).compactMap { $0["model"]?.stringValue })
            #expect(songModels == ["Song L", "Song PLUS"])
            #expect(song["relaxed"] == [])
            // 秦 has one model in the catalog (秦PLUS): it resolves to it alone.
            let qin = try #require(await search(db, ["make": "比亚迪", "model": "秦"], store: "sh-pudong").result)
            #expect(qin["applied_filters"]?["model"] == "Qin PLUS")
            #expect(qin["vehicles"]?.arrayValue?.allSatisfy { $0["model"] == "Qin PLUS" } == true)
            // Booking a test drive by the family name asks which one instead of picking.
            let booking = await ToolCatalog.registry().call(name: "book_test_drive", arguments: [
                "model": "宋", "name": "李雷", "phone": "13800138000", "start": "2026-11-26T10:00:00+08:00", "consent": true,
            ], caller: ToolCaller(db: db, scope: .customer, label: "t", fixedStore: "sh-pudong"))
            #expect(booking.error?.code == "ambiguous_model")
            #expect(booking.error?.message.contains("Song L") == true && booking.error?.message.contains("Song PLUS") == true)
        }
    }

    @Test func droppingAMakeTheStoreDoesNotCarryPrefersSimilarCars() async throws {
        try await TestDatabase.with { db in
            try await DemoCatalog.load(into: db)
            // sf-bay has no BYD; the Han is a battery-electric sedan, so the nearest are electric sedans,
            // not the store's cheapest car (a used petrol Corolla).
            let r = try #require(await search(db, ["make": "BYD", "model": "Han"], store: "sf-bay").result)
            #expect(r["relaxed"] == ["model", "make"])
            #expect(r["similar_to_requested"] == true)
            let vehicles = try #require(r["vehicles"]?.arrayValue)
            #expect(!vehicles.isEmpty)
            #expect(vehicles.allSatisfy { $0["body_type"] == "sedan" && $0["powertrain"] == "bev" })
        }
    }

    @Test func quotesSayWhyAPromotionIsLeftOutAndNeverGoNegative() async throws {
        try await TestDatabase.with { db in
            try await DemoCatalog.load(into: db)
            let now = ISO8601DateFormatter().date(from: "2026-11-25T04:00:00Z")!
            func quote(_ args: JSONValue, _ store: StoreID) async -> ToolOutcome {
                await ToolCatalog.registry().call(name: "quote_price", arguments: args,
                                                  caller: ToolCaller(db: db, scope: .customer, label: "t", fixedStore: store, now: { now }))
            }
            // SH24001 (Song L EV, ¥189,800): the automatic ¥3,000 NEV bonus applies; the automatic ¥6,000
            // Song L offer does not fit on top, and the quote says so without naming the floor.
            let song = try #require(await quote(["stock_number": "SH24001"], "sh-pudong").result)
            #expect(song["applied_promotions"] == ["NEV-BONUS-2026"])
            #expect(song["promotions_not_applied"] == [["code": "SONGL-AUTUMN", "reason": "Not combinable with this unit's current price"]])
            #expect(!song.jsonString().contains("183500") && !song.jsonString().contains("6300"))
            // SF24022 (used Corolla, $14,090) with a $20,000 trade-in: due before it 14,090 + 0 tax + 415 DMV + 85 doc
            // = 14,590, so the trade-in covers that, the total is 0 and 5,410 is reported as excess.
            let corolla = try #require(await quote(["stock_number": "SF24022", "trade_in_value": 20000], "sf-bay").result)
            #expect(corolla["total"]?["amount"]?.doubleValue == 0)
            #expect(corolla["trade_in_excess"]?["amount"]?.doubleValue == 5410)
            let tradeLine = corolla["lines"]?.arrayValue?.first { $0["code"] == "trade_in" }
            #expect(tradeLine?["amount"]?.doubleValue == -14590)
            #expect(corolla["disclaimer"]?.stringValue?.contains("5,410 of trade-in value above the amount due") == true)
        }
    }

    @Test func theDemoStoresConfigureTheirAssumedAPR() async throws {
        try await TestDatabase.with { db in
            try await DemoCatalog.load(into: db)
            let o = await ToolCatalog.registry().call(name: "estimate_payment", arguments: ["type": "loan", "price": 30000, "term_months": 60],
                                                      caller: ToolCaller(db: db, scope: .customer, label: "t", fixedStore: "sf-bay"))
            let r = try #require(o.result)
            // stores.yaml sf-bay finance.apr_pct 6.9: r = 0.575 %/month → 30,000 × r / (1 − (1 + r)^−60) = 592.62
            #expect(r["apr_source"] == "store_default" && r["apr_pct"]?.doubleValue == 6.9)
            #expect(r["monthly_payment"]?.doubleValue == 592.62)
        }
    }
}
