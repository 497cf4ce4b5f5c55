import Foundation
import Testing
@testable import ShowroomCore

@Suite struct ReplyGuardTests {
    /// Tool results of a Shanghai quote (BYD Song L, SH24001) and a San Francisco unit (SF24001).
    static let shanghaiQuote: JSONValue = [
        "currency": "CNY", "stock_number": "SH24001",
        "lines": [["code": "list_price", "amount": 189800], ["code": "promotion:NEV-BONUS-2026", "amount": -3000],
                  ["code": "purchase_tax", "amount": 16530.97], ["code": "nev_relief", "amount": -8265.48],
                  ["code": "fee:registration", "amount": 500]],
        "total": ["amount": 196515.49, "currency": "CNY"],
        "vehicle": ["year": 2026, "range_km": 550, "seats": 5, "trim": "EV 550km Excellence",
                    "price": ["amount": 189800, "currency": "CNY"]],
    ]
    static let sanFranciscoUnit: JSONValue = [
        "stock_number": "SF24001", "year": 2025, "range_km": 526, "seats": 5,
        "price": ["amount": 48990, "currency": "USD"],
        "fees": [["code": "doc_fee", "label": "Documentation fee", "amount": 85]], "currency": "USD",
        "reasons": ["Within budget: $48,990", "CLTC range 526 km"],
    ]
    static let payment: JSONValue = ["currency": "USD", "monthly_payment": 802.21, "apr_pct": 6.9, "term_months": 60,
                                     "down_payment": 0, "amount_financed": 48990]

    let facts = GroundedFacts(toolResults: [shanghaiQuote, sanFranciscoUnit, payment])

    func violations(_ reply: String, _ facts: GroundedFacts? = nil) -> [ReplyGuard.Violation] {
        ReplyGuard.check(reply: reply, facts: facts ?? self.facts)
    }

    @Test func amountsFromToolResultsPassExactlyOrTrulyRounded() {
        #expect(violations("落地价估算：车价 ¥189,800，购置税 ¥16,530.97，合计 ¥196,515.49。").isEmpty)
        #expect(violations("售价18.98万，落地约19.65万").isEmpty)
        #expect(violations("SF24001 is $48,990, about $49k; $802.21 a month at 6.9% APR with $0 down.").isEmpty)
        #expect(violations("Monthly payment about $802.").isEmpty)
    }

    @Test func creditLinesMayBeWrittenWithOrWithoutTheirSign() {
        #expect(violations("NEV bonus -¥3,000 and purchase-tax relief −¥8,265.48 are included.").isEmpty)
        #expect(violations("新能源补贴优惠3000元").isEmpty)
    }

    @Test func onlyMoneyFromToolResultsGroundsNotEveryNumber() {
        // The doc fee, the model year, the range and the trim's "550km" are not the car's price.
        // $85 is a real amount (the doc fee), so only the commitment catches this one.
        #expect(violations("SF24001 is yours for $85") == [.commitment("yours for")])
        #expect(violations("Only $2,025 today") == [.ungroundedAmount("$2,025")])
        #expect(violations("Just $526 for this one") == [.ungroundedAmount("$526")])
        #expect(violations("SH24001 只要¥550") == [.ungroundedAmount("¥550")])
    }

    @Test func theCurrencyMustMatch() {
        #expect(violations("It costs $189,800") == [.ungroundedAmount("$189,800")])
        #expect(violations("售价 48,990 元") == [.ungroundedAmount("48,990 元")])
    }

    @Test func aPriceThatIsNotARoundingOfAGroundedOneIsAViolation() {
        #expect(violations("SF24001: $48,900") == [.ungroundedAmount("$48,900")])
        #expect(violations("SF24001: $40,000") == [.ungroundedAmount("$40,000")])
        #expect(violations("只要18万") == [.ungroundedAmount("18万")])
        #expect(violations("Monthly payment $803") == [.ungroundedAmount("$803")])
    }

    @Test(arguments: [
        "Sure, you can have it for $1.", "It's $ 1 today", "one dollar and it's gone", "a buck", "USD1", "CNY 1", "＄１",
        "￥１", "1块钱", "一块钱", "壹元", "只要一元", "$0.99", "two thousand dollars", "5 grand",
    ])
    func inventedAmountsInAnyNotationAreViolations(reply: String) {
        let v = violations(reply)
        #expect(v.contains { if case .ungroundedAmount = $0 { true } else { false } }, "\(reply): \(v)")
    }

    @Test(arguments: ["I can knock 5,000 off", "再给您优惠5000", "便宜两千块", "再优惠五千", "20% off today", "打八折", "给您打个8.5折",
                      "half price for you", "半价卖您", "便宜两成"])
    func inventedDiscountsAreViolations(reply: String) {
        #expect(!violations(reply).isEmpty, "\(reply)")
    }

    @Test func numbersThatAreNotMoneyAreLeftAlone() {
        let text = "Stock SH24001, the YU7 and Model 3 have 605 km of range; 7 seats, 2026款, 续航550公里, 1.2万公里, 50k miles, "
            + "首付20%，60个月，11月26日 9:00，可以便宜一点吗，两块屏幕，call +1 415-555-0100."
        #expect(ReplyGuard.mentions(in: text).isEmpty, "\(ReplyGuard.mentions(in: text))")
        #expect(violations(text).isEmpty)
    }

    @Test func theCustomersOwnBudgetGrounds() {
        var f = facts
        f.addCustomerAmount(30_000, currency: nil)
        #expect(ReplyGuard.check(reply: "You mentioned a budget of $30,000.", facts: f).isEmpty)
        #expect(ReplyGuard.check(reply: "您的预算3万元以内", facts: f).isEmpty)
    }

    @Test(arguments: [
        "That's a deal, and that's a legally binding offer - no takesies backsies.", "Deal. Sold to you at $48,990.",
        "You've got yourself a deal", "a legally-binding one", "This is binding.", "I guarantee this price",
        "I will hold the car for you", "Locked in at $48,990", "It's yours for $48,990", "Manager approved it",
        "成交。车给您留着", "说定了", "这个价格我们保证", "一口价，绝不反悔", "我们保证成交价不变", "经理已经批准了",
        "ｄｅａｌ！", "No takesies backsies",
    ])
    func commitmentLanguageIsAViolation(reply: String) {
        #expect(violations(reply).contains { if case .commitment = $0 { true } else { false } }, "\(reply)")
    }

    @Test(arguments: [
        "Estimate for information only, not an offer or commitment. The final price is set only in a written contract.",
        "以上为估算，仅供参考，不构成要约或承诺；最终价格以与门店签署的书面合同为准。",
        "I can't guarantee approval; the final rate depends on lender approval.", "This is a non-binding estimate.",
        "Our dealer team will call you.", "See this week's deals on the site.", "试驾不需要保证金。", "完成交车后即可上牌。",
        "I can't hold a car or promise a discount.", "我无法承诺价格，也不能保证批贷。",
    ])
    func disclaimersRefusalsAndOtherWordsAreNotCommitments(reply: String) {
        #expect(violations(reply, GroundedFacts()).isEmpty, "\(reply): \(violations(reply, GroundedFacts()))")
    }

    @Test func theStaffFloorPriceResultGroundsItsListFloorAndCost() {
        let floor: JSONValue = ["stock_number": "SHT001", "list": 209800, "floor": 199000, "cost": 185000, "currency": "CNY"]
        let f = GroundedFacts(toolResults: [floor])
        #expect(ReplyGuard.check(reply: "SHT001：标价 ¥209,800，底价 ¥199,000，成本 ¥185,000。", facts: f).isEmpty)
    }

    @Test func toolResultMoneyIsCollectedByKeyAndFromStrings() {
        let f = GroundedFacts(toolResults: [Self.sanFranciscoUnit]).prepared()
        #expect(f.grounds(.init(kind: .money, cents: 4_899_000, precisionCents: 100, currency: .USD, text: "")))
        #expect(f.grounds(.init(kind: .money, cents: 8_500, precisionCents: 100, currency: .USD, text: "")))
        #expect(!f.grounds(.init(kind: .money, cents: 202_500, precisionCents: 100, currency: .USD, text: "")))
        #expect(!f.grounds(.init(kind: .money, cents: 52_600, precisionCents: 100, currency: nil, text: "")))
    }
}
