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
}
