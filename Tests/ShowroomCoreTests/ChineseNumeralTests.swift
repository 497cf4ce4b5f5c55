import Testing
@testable import ShowroomCore

@Suite struct ChineseNumeralTests {
    func value(_ s: String) -> Double? {
        ChineseNumeral.parse(s.unicodeScalars.map(\.value), from: 0)?.value
    }

    @Test(arguments: [
        ("七", 7.0), ("十", 10), ("十五", 15), ("二十", 20), ("三十六", 36), ("一百零五", 105), ("一百五", 150),
        ("两千五", 2_500), ("一万五", 15_000), ("十五万", 150_000), ("二十万", 200_000), ("两百万", 2_000_000),
        ("一百五十万", 1_500_000), ("二〇二二", 2_022), ("零", 0),
    ])
    func readsChineseNumerals(_ text: String, _ expected: Double) {
        #expect(value(text) == expected)
    }

    @Test func stopsAtTheFirstOtherCharacterAndReportsWan() throws {
        let s = "二十万以内".unicodeScalars.map(\.value)
        let r = try #require(ChineseNumeral.parse(s, from: 0))
        #expect(r.end == 3 && r.hasWan)
        #expect(ChineseNumeral.parse("万一".unicodeScalars.map(\.value), from: 0) == nil)
    }
}
