import Foundation
import Testing
@testable import ShowroomCore

@Suite struct PriceQuoteCalculatorTests {
    static func cny(_ text: String) -> Money { Money(decimal: Decimal(string: text)!, currency: .CNY) }
    static func usd(_ text: String) -> Money { Money(decimal: Decimal(string: text)!, currency: .USD) }

    func shanghaiQuote(_ price: Int64, _ powertrain: Powertrain, on day: String = "2026-05-01",
                       insurance: Bool = true, tradeIn: Money? = nil) throws -> PriceQuote {
        let request = PriceQuoteRequest(
            listPrice: Money(price, .CNY), vehicle: QuoteVehicle(make: "BYD", model: "Han", powertrain: powertrain, condition: .new),
            purchaseDate: PricingFixtures.day(day), tradeInCredit: tradeIn, includeInsurance: insurance, language: .zh)
        return try PriceQuoteCalculator(profile: try PricingFixtures.shanghai).quote(request)
    }

    func sanFranciscoQuote(_ price: Int64, tradeIn: Int64, make: String, model: String,
                           _ powertrain: Powertrain, _ condition: VehicleCondition = .new) throws -> PriceQuote {
        let request = PriceQuoteRequest(
            listPrice: Money(price, .USD), vehicle: QuoteVehicle(make: make, model: model, powertrain: powertrain, condition: condition),
            purchaseDate: PricingFixtures.day("2026-05-01"), tradeInCredit: Money(tradeIn, .USD), language: .en)
        return try PriceQuoteCalculator(profile: try PricingFixtures.sanFrancisco).quote(request)
    }

    @Test func bevAt209800PaysHalfThePurchaseTaxIn2026() throws {
        let q = try shanghaiQuote(209_800, .bev)
        // full tax = 209,800 ÷ 1.13 × 10% = 18,566.3716… → 18,566.37
        #expect(q.amount(of: "purchase_tax") == Self.cny("18566.37"))
        // waived = min(18,566.3716… × 0.5, 15,000) = 9,283.1858… (under the cap)
        // tax due = round(18,566.3716… − 9,283.1858…) = round(9,283.1858…) = 9,283.19
        // relief line = 9,283.19 − 18,566.37 = −9,283.18, so the two lines add up to what is paid
        #expect(q.amount(of: "nev_relief") == Self.cny("-9283.18"))
        // total = 209,800 + 18,566.37 − 9,283.18 + 500 (上牌) + 950 (交强险) = 220,533.19
        #expect(q.total == Self.cny("220533.19"))
        #expect(q.lines.first?.label.zh == "车辆价格")
    }

    @Test func aUsedCarInShanghaiPaysNoPurchaseTax() throws {
        let request = PriceQuoteRequest(
            listPrice: Money(81_400, .CNY), vehicle: QuoteVehicle(make: "BYD", model: "Song PLUS", powertrain: .bev, condition: .used),
            purchaseDate: PricingFixtures.day("2026-05-01"), language: .zh)
        let q = try PriceQuoteCalculator(profile: try PricingFixtures.shanghai).quote(request)
        // 购置税 was paid at the first registration: 81,400 + 500 (上牌) + 950 (交强险) = 82,850
        #expect(q.amount(of: "purchase_tax") == nil)
        #expect(q.total == Self.cny("82850"))
    }

    @Test func bevAt400000HasItsReliefCappedAt15000() throws {
        let q = try shanghaiQuote(400_000, .bev, on: "2027-12-31")
        // full = 400,000 ÷ 1.13 × 10% = 35,398.2300… → 35,398.23
        // half would be 17,699.12 > cap, so waived = 15,000; due = 20,398.23
        #expect(q.amount(of: "purchase_tax") == Self.cny("35398.23"))
        #expect(q.amount(of: "nev_relief") == Self.cny("-15000"))
        // total = 400,000 + 20,398.23 + 500 + 950 = 421,848.23
        #expect(q.total == Self.cny("421848.23"))
    }

    @Test func iceCarAt150000PaysTheFullTenPercent() throws {
        let q = try shanghaiQuote(150_000, .ice)
        // 150,000 ÷ 1.13 × 10% = 13,274.3362… → 13,274.34; no relief for fuel cars
        #expect(q.amount(of: "purchase_tax") == Self.cny("13274.34"))
        #expect(q.amount(of: "nev_relief") == nil)
        // total = 150,000 + 13,274.34 + 500 + 950 = 164,724.34
        #expect(q.total == Self.cny("164724.34"))
    }

    @Test func nevReliefEndsWithItsWindow() throws {
        // 2028-01-01 is after 2027-12-31: the BEV pays the full 18,566.37
        let q = try shanghaiQuote(209_800, .phev, on: "2028-01-01")
        #expect(q.amount(of: "nev_relief") == nil)
        #expect(q.total == Self.cny("229816.37"))  // 209,800 + 18,566.37 + 500 + 950
    }

    @Test func insuranceFeeOnlyWhenAsked() throws {
        let q = try shanghaiQuote(150_000, .ice, insurance: false)
        #expect(q.amount(of: "fee:compulsory_insurance") == nil)
        #expect(q.amount(of: "fee:registration") == Self.cny("500"))
        #expect(q.total == Self.cny("163774.34"))  // 164,724.34 − 950
    }

    @Test func chinaTradeInLowersTheAmountDueButNotTheTax() throws {
        let q = try shanghaiQuote(150_000, .ice, tradeIn: Money(40_000, .CNY))
        #expect(q.amount(of: "purchase_tax") == Self.cny("13274.34"))
        #expect(q.amount(of: "trade_in") == Self.cny("-40000"))
        #expect(q.total == Self.cny("124724.34"))  // 164,724.34 − 40,000
        #expect(q.disclaimer.zh.contains("验车"))
    }

    @Test func purchaseTaxIsOnThePriceAfterPromotions() throws {
        let request = PriceQuoteRequest(
            listPrice: Money(209_800, .CNY), vehicle: QuoteVehicle(make: "BYD", model: "Han", powertrain: .bev, condition: .new),
            purchaseDate: PricingFixtures.day("2026-05-01"), promotions: [PricingFixtures.nevSpring], language: .en)
        let q = try PriceQuoteCalculator(profile: try PricingFixtures.shanghai).quote(request)
        #expect(q.amount(of: "promotion:NEV-SPRING") == Self.cny("-5000"))
        // base 204,800: full = 204,800 ÷ 1.13 × 10% = 18,123.8938… → 18,123.89
        // due = round(9,061.9469…) = 9,061.95; relief = 9,061.95 − 18,123.89 = −9,061.94
        #expect(q.amount(of: "purchase_tax") == Self.cny("18123.89"))
        #expect(q.amount(of: "nev_relief") == Self.cny("-9061.94"))
        // total = 204,800 + 9,061.95 + 500 + 950 = 215,311.95
        #expect(q.total == Self.cny("215311.95"))
        #expect(q.appliedPromotions == ["NEV-SPRING"])
        #expect(q.json["disclaimer"]?.stringValue?.hasPrefix("Estimate") == true)
    }

    @Test func sanFranciscoTaxesThePriceLessTradeIn() throws {
        let q = try sanFranciscoQuote(48_990, tradeIn: 10_000, make: "Toyota", model: "RAV4", .hev)
        // sales tax = (48,990 − 10,000) × 8.625% = 38,990 × 0.08625 = 3,362.8875 → 3,362.89
        #expect(q.amount(of: "sales_tax") == Self.usd("3362.89"))
        #expect(q.amount(of: "trade_in") == Self.usd("-10000"))
        // total = 48,990 − 10,000 + 3,362.89 + 415 (DMV) + 85 (doc) = 42,852.89
        #expect(q.total == Self.usd("42852.89"))
        #expect(q.lines.map(\.code) == ["list_price", "sales_tax", "trade_in", "fee:dmv", "fee:doc_fee"])
        #expect(q.lines.reduce(Money.zero(.USD)) { $0 + $1.amount } == q.total)
    }

    @Test func withoutTradeInCreditTheWholePriceIsTaxed() throws {
        var profile = try PricingFixtures.sanFrancisco
        profile.tradeInCredit = false
        let request = PriceQuoteRequest(
            listPrice: Money(48_990, .USD), vehicle: QuoteVehicle(make: "Toyota", model: "RAV4", powertrain: .hev, condition: .new),
            purchaseDate: PricingFixtures.day("2026-05-01"), tradeInCredit: Money(10_000, .USD), language: .en)
        let q = try PriceQuoteCalculator(profile: profile).quote(request)
        // 48,990 × 8.625% = 4,225.3875 → 4,225.39; the trade-in still lowers the amount due
        #expect(q.amount(of: "sales_tax") == Self.usd("4225.39"))
        #expect(q.total == Self.usd("43715.39"))  // 48,990 + 4,225.39 − 10,000 + 415 + 85
    }

    @Test func aTradeInWorthMoreThanTheDealMakesATotalOfZeroAndTheRestIsSaid() throws {
        let q = try sanFranciscoQuote(8_000, tradeIn: 9_000, make: "Honda", model: "Civic", .ice, .used)
        #expect(q.amount(of: "sales_tax") == Self.usd("0"))
        // due before the trade-in: 8,000 + 0 + 415 + 85 = 8,500; the trade-in covers it, 500 is left over
        #expect(q.amount(of: "trade_in") == Self.usd("-8500"))
        #expect(q.total == Self.usd("0"))
        #expect(q.tradeInExcess == Self.usd("500"))
        #expect(q.lines.reduce(Money.zero(.USD)) { $0 + $1.amount } == q.total)
        #expect(q.json["trade_in_excess"]?["amount"]?.doubleValue == 500)
        #expect(q.disclaimer.en.contains("500 of trade-in value above the amount due is not in the total and is settled with you separately"))
        // A fitting trade-in has no excess.
        #expect(try sanFranciscoQuote(8_000, tradeIn: 8_500, make: "Honda", model: "Civic", .ice, .used).tradeInExcess == nil)
    }

    @Test func theEnglishDisclaimerSpellsDMVInCapitals() throws {
        let q = try sanFranciscoQuote(48_990, tradeIn: 0, make: "Toyota", model: "RAV4", .hev)
        #expect(q.disclaimer.en.contains("sales tax, DMV and fees are as actually assessed"))
        #expect(!q.disclaimer.en.contains("dmv"))
    }

    @Test func mixedCurrenciesAndNegativeTradeInAreRejected() throws {
        let calc = PriceQuoteCalculator(profile: try PricingFixtures.sanFrancisco)
        let v = QuoteVehicle(make: "Ford", model: "F-150", powertrain: .ice, condition: .new)
        let day = PricingFixtures.day("2026-05-01")
        let wrong = #expect(throws: ShowroomError.self) {
            try calc.quote(PriceQuoteRequest(listPrice: Money(50_000, .USD), vehicle: v, purchaseDate: day,
                                             tradeInCredit: Money(1_000, .CNY), language: .en))
        }
        #expect(wrong?.message == "trade-in value is in CNY but the price is in USD")
        let negative = #expect(throws: ShowroomError.self) {
            try calc.quote(PriceQuoteRequest(listPrice: Money(50_000, .USD), vehicle: v, purchaseDate: day,
                                             tradeInCredit: Money(-1, .USD), language: .en))
        }
        #expect(negative?.code == "invalid_arguments")
        #expect(throws: ShowroomError.self) {
            try calc.quote(PriceQuoteRequest(listPrice: .zero(.USD), vehicle: v, purchaseDate: day, language: .en))
        }
    }
}
