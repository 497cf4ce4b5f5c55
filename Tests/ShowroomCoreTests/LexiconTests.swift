import Testing
@testable import ShowroomCore

@Suite struct LexiconTests {
    let lexicon = DemoLexiconFixture.lexicon

    func keys(_ text: String) -> [String] { lexicon.mentions(in: text).map(\.key) }

    @Test(arguments: ["model y", "modely", "Model-Y", "MODEL Y", "ＭＯＤＥＬ　Ｙ", "特斯拉Model Y", "Tesla model-y"])
    func spacingCaseAndWidthDoNotMatter(_ text: String) {
        #expect(keys(text) == ["Tesla|Model Y"])
    }

    @Test func misspelledLatinNamesWithinOneEditMatch() {
        #expect(keys("Telsa") == ["Tesla|"])
        #expect(keys("Camery") == ["Toyota|Camry"])
        #expect(keys("Highlandr") == ["Toyota|Highlander"])
        #expect(keys("hyundia") == ["Hyundai|"])
        #expect(lexicon.mentions(in: "Camery").first?.isApproximate == true)
        #expect(lexicon.mentions(in: "Camry").first?.isApproximate == false)
    }

    @Test func commonWordsAndShortNamesAreNotReadAsTypos() {
        #expect(keys("I can carry three kids") == [])
        #expect(keys("I want to explore options") == [])
        #expect(keys("model z") == [])  // one edit from Model Y, S and X alike
        #expect(keys("tela") == [])  // a typo needs five letters on both sides
    }

    @Test func chineseNamesMatchExactly() {
        #expect(keys("秦PLUS") == ["BYD|Qin PLUS"])
        #expect(keys("秦plus") == ["BYD|Qin PLUS"])
        #expect(keys("宋L") == ["BYD|Song L"])
        #expect(keys("宋PLUS和元PLUS") == ["BYD|Song PLUS", "BYD|Yuan PLUS"])
        #expect(keys("凯美瑞") == ["Toyota|Camry"])
        #expect(keys("昊铂") == ["Hyptec|"])
    }

    @Test(arguments: ["比亚迪汉", "汉EV", "汉的续航", "我想买汉", "汉多少钱", "汉和唐", "the 汉?", "汉"])
    func singleCharacterHanMatchesAsACarName(_ text: String) {
        #expect(keys(text).first == "BYD|Han")
    }

    @Test(arguments: ["汉字", "好汉", "汉堡", "汉族", "东汉", "唐朝", "唐人街"])
    func singleCharacterNamesDoNotMatchInsideWords(_ text: String) {
        #expect(keys(text) == [])
    }

    @Test func theLongestNameWins() {
        #expect(keys("汉兰达") == ["Toyota|Highlander"])
        #expect(keys("RAV4荣放") == ["Toyota|RAV4"])
        #expect(lexicon.longestMention(in: "汉和汉兰达")?.key == "Toyota|Highlander")
    }

    @Test func everydayChineseWordsAreMakesOnlyInCarContext() {
        #expect(keys("理想L9") == ["Li Auto|L9"])
        #expect(keys("理想汽车") == ["Li Auto|"])
        #expect(keys("现代有什么SUV") == ["Hyundai|"])
        #expect(keys("我理想的预算是20万") == [])
        #expect(keys("现代化的设计") == [])
        #expect(keys("大众点评") == [])
        #expect(keys("小米SU7") == ["Xiaomi|SU7"])
    }

    @Test func shortDigitAndCommonWordModelNamesNeedTheirMake() {
        #expect(keys("GT") == [])
        #expect(keys("Hyptec GT") == ["Hyptec|GT"])
        #expect(keys("AION S") == ["Aion|S"])
        #expect(keys("埃安S") == ["Aion|S"])
        #expect(keys("001") == [])
        #expect(keys("极氪001") == ["Zeekr|001"])
        #expect(keys("20000 yuan") == [])
        #expect(keys("BYD Song PLUS") == ["BYD|Song PLUS"])
    }

    @Test func aMakeFollowedByItsModelIsOneMention() {
        let m = lexicon.mentions(in: "Toyota Camery please")
        #expect(m.map(\.key) == ["Toyota|Camry"])
        #expect(m.first?.text == "toyota camery")
        #expect(keys("比亚迪 汉") == ["BYD|Han"])
        #expect(keys("Toyota and Honda") == ["Toyota|", "Honda|"])
    }

    @Test func aModelImpliesItsMake() {
        let m = lexicon.mentions(in: "海豹")
        #expect(m.first?.make == "BYD")
        #expect(m.first?.model == "Seal")
    }

    @Test func knowsEveryNameIncludingThoseThatNeedTheirMake() {
        for name in ["M7", "l9", "001", "F-150", "f150", "ID.4", "i4", "x3", "GT", "7X"] {
            #expect(lexicon.knows(name), "\(name)")
        }
        #expect(!lexicon.knows("A123"))
        #expect(!lexicon.knows("SH24001"))
    }

    @Test func exposesOneMakeOnlyEntryPerMake() {
        let makes = lexicon.makes
        #expect(makes.count == DemoLexiconFixture.makes.count)
        #expect(Set(makes.map(\.make)).count == makes.count)
        #expect(makes.allSatisfy { $0.isMakeOnly })
    }

    @Test func aModelWhoseMakeHasNoEntryStillNamesItsMake() {
        let lex = Lexicon(entries: [LexiconEntry(make: "Polestar", model: "Polestar 2", names: ["极星2"])])
        #expect(lex.makes.map(\.make) == ["Polestar"])
        #expect(lex.mentions(in: "极星2多少钱").map(\.key) == ["Polestar|Polestar 2"])
        #expect(lex.mentions(in: "Polestar").map(\.key) == ["Polestar|"])
    }

    @Test func entriesWithoutAMakeAreSkipped() {
        let lex = Lexicon(entries: [LexiconEntry(make: ""), LexiconEntry(make: "BYD", names: ["", "比亚迪"])])
        #expect(lex.entries.count == 1)
        #expect(lex.mentions(in: "比亚迪").map(\.key) == ["BYD|"])
    }
}
