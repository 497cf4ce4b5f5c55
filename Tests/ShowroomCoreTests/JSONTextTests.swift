import Foundation
import Testing
@testable import ShowroomCore

@Suite struct JSONTextTests {
    /// The Foundation reading of the same text, for comparison.
    func foundation(_ text: String) -> JSONValue? {
        try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    /// What `JSONEncoder` with sorted keys and unescaped slashes writes.
    func foundationText(_ v: JSONValue) throws -> String {
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try enc.encode(v), as: UTF8.self)
    }

    static let documents = [
        #"{"total":2,"vehicles":[{"stock_number":"SH24016","price":{"amount":81400,"currency":"CNY"},"model_zh":"宋PLUS"}],"relaxed":[]}"#,
        #"  [1, -2.5, 3e2, 0, -0, 1.25E-3, true, false, null, "a\"b\\c\/d", "\u00e9\u4e2d\ud83d\ude97", {}, []]  "#,
        #"{"nested":{"deeper":[[[{"k":"v"}]]]},"empty":"","tab":"a\tb\nc\r\bd\fe"}"#,
        "\u{FEFF}{\"bom\":true}",
        #"{"dup":1,"dup":2}"#,
    ]

    @Test(arguments: documents) func readsWhatFoundationReads(_ text: String) throws {
        let mine = try #require(JSONValue.parse(text))
        #expect(mine == foundation(text))
    }

    static let broken = [
        "", " ", "{", "}", "[1,]", "[,1]", #"{"a":1,}"#, #"{"a" 1}"#, #"{a:1}"#, "01", "1.", ".5", "-", "1e", "+1", "NaN",
        "Infinity", "tru", "nulls", #""unterminated"#, "\"tab\tinside\"", #""\x41""#, #""\ud83d""#, #""\ude97""#,
        "[1] [2]", #"{"a":1}}"#, "1e400",
    ]

    @Test(arguments: broken) func refusesWhatIsNotJSON(_ text: String) {
        #expect(JSONValue.parse(text) == nil, "\(text)")
    }

    @Test func refusesNestingDeeperThanTheLimitInsteadOfCrashing() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(JSONValue.parse(deep) == nil)
        let fine = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        #expect(JSONValue.parse(fine) != nil)
    }

    @Test(arguments: documents) func writesWhatJSONEncoderWrites(_ text: String) throws {
        let v = try #require(JSONValue.parse(text))
        #expect(v.jsonString() == (try foundationText(v)))
        #expect(JSONValue.parse(v.jsonString()) == v)
    }

    @Test func writesControlCharactersNumbersAndNonFiniteValues() throws {
        let v: JSONValue = ["s": .string("\u{01}x\u{1F}/é"), "i": 1_234_567, "f": 0.1, "neg": -2.5, "big": 1e300]
        #expect(v.jsonString() == (try foundationText(v)))
        #expect(JSONValue.number(.nan).jsonString() == "null")
        #expect(JSONValue.number(.infinity).jsonString() == "null")
    }

    /// Real data: rows of the Autohome series file (Chinese names, prices) as JSON objects,
    /// written and read back both ways.
    @Test(.enabled(if: SharedData.url("cn-series-rank-autohome") != nil, "needs ../shared/data/cn-series-rank-autohome"))
    func roundTripsRealCatalogRows() throws {
        let rows = try SharedData.rows("cn-series-rank-autohome", "autohome_series_month_rank.csv")
        #expect(rows.count > 100)
        for row in rows.prefix(3000) {
            let v = JSONValue.object(row.mapValues { Double($0).map(JSONValue.number) ?? .string($0) })
            let written = v.jsonString()
            #expect(written == (try foundationText(v)))
            #expect(JSONValue.parse(written) == v)
            #expect(foundation(written) == v)
        }
    }
}
