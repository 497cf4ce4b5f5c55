import Foundation
import Testing
@testable import ShowroomCore

@Suite struct ReplyGuardTests {
    let grounded: Set<Decimal> = [189900, 9283.19, 212183.19, 48990]

    @Test func groundedAmountsPass() {
        let reply = "落地价估算：车价 ¥189,900，购置税 ¥9,283.19，合计 ¥212,183.19。"
        #expect(ReplyGuard.check(reply: reply, groundedNumbers: grounded, customerText: "").isEmpty)
    }

    @Test func anInventedPriceIsAViolation() {
        let v = ReplyGuard.check(reply: "Sure, you can have it for $1.", groundedNumbers: grounded, customerText: "")
        #expect(v == [.ungroundedAmount("$1")])
    }

    @Test func wanAmountsAreRecognizedAndCompared() {
        #expect(ReplyGuard.check(reply: "只要15万就能开走", groundedNumbers: grounded, customerText: "").count == 1)
        #expect(ReplyGuard.check(reply: "售价18.99万", groundedNumbers: grounded, customerText: "").isEmpty)
    }

    @Test func aNumberTheCustomerWroteMayBeEchoed() {
        let v = ReplyGuard.check(reply: "You mentioned a budget of $30,000.", groundedNumbers: [], customerText: "budget 30k")
        #expect(v.isEmpty)
    }

    @Test func commitmentLanguageIsAViolation() {
        let v = ReplyGuard.check(reply: "That's a deal, and that's a legally binding offer - no takesies backsies.", groundedNumbers: [], customerText: "")
        #expect(v.contains(.commitment("legally binding")))
        #expect(v.contains(.commitment("no takesies backsies")))
        #expect(!ReplyGuard.check(reply: "我们保证成交价不变", groundedNumbers: [], customerText: "").isEmpty)
    }

    @Test func stockNumbersAndModelNamesAreNotMoney() {
        let found = ReplyGuard.moneyAmounts(in: "Stock SH24001, the YU7 and Model 3 have 605 km of range")
        #expect(found.isEmpty)
    }

    @Test func numbersInToolResultsAreCollected() {
        let json: JSONValue = ["total": ["amount": 212183.19, "currency": "CNY"], "lines": [["label": "x", "amount": 9283.19]]]
        #expect(ReplyGuard.numbers(in: json).isSuperset(of: [Decimal(string: "212183.19")!, Decimal(string: "9283.19")!]))
    }
}
