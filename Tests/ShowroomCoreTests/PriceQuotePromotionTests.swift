import Foundation
import Testing
@testable import ShowroomCore

@Suite struct PriceQuotePromotionTests {
    let han = QuoteVehicle(make: "BYD", model: "Han", powertrain: .bev, condition: .new)
    let promotions = [PricingFixtures.nevSpring, PricingFixtures.vip3, PricingFixtures.hanOnly]

    func quote(codes: [String], floor: Int64? = nil, day: String = "2026-04-01") throws -> PriceQuote {
        let request = PriceQuoteRequest(
            listPrice: Money(209_800, .CNY), floorPrice: floor.map { Money($0, .CNY) }, vehicle: han,
            purchaseDate: PricingFixtures.day(day), promotionCodes: codes, promotions: promotions, language: .zh)
        return try PriceQuoteCalculator(profile: try PricingFixtures.shanghai).quote(request)
    }

    func discounts(_ q: PriceQuote) -> [String: Int64] {
        Dictionary(uniqueKeysWithValues: q.lines.filter { $0.code.hasPrefix("promotion:") }.map { ($0.code, $0.amount.minorUnits / 100) })
    }

    @Test func automaticPromotionAppliesWithoutACode() throws {
        let q = try quote(codes: [])
        #expect(discounts(q) == ["promotion:NEV-SPRING": -5000])
        #expect(q.rejectedCodes.isEmpty)
    }

    @Test func requestedCodesStackAfterAutomaticOnes() throws {
        // 3% of 209,800 = 6,294; HAN2026 = 8,000; NEV-SPRING = 5,000 → price 190,506
        let q = try quote(codes: ["vip3", " HAN2026 "])
        #expect(q.appliedPromotions == ["NEV-SPRING", "VIP3", "HAN2026"])
        #expect(discounts(q) == ["promotion:NEV-SPRING": -5000, "promotion:VIP3": -6294, "promotion:HAN2026": -8000])
        #expect(q.lines[2].label.zh == "老客户九七折（VIP3）")
    }

    @Test func unknownAndInapplicableCodesAreReportedNotThrown() throws {
        // HAN2026 ends 2026-06-30; FREECAR does not exist; NEV-SPRING is already automatic
        let q = try quote(codes: ["FREECAR", "HAN2026", "nev-spring", "FREECAR"], day: "2026-08-01")
        #expect(q.rejectedCodes == ["FREECAR", "HAN2026"])
        #expect(q.appliedPromotions == ["NEV-SPRING"])
    }

    @Test func discountsStopAtTheFloorWithoutRevealingIt() throws {
        // room = 209,800 − 196,000 = 13,800: NEV-SPRING takes 5,000, VIP3 takes 6,294; HAN2026's
        // 8,000 no longer fits in the 2,506 left, so it is left out whole (a trimmed discount would
        // land exactly on the floor and reveal it); discounted price = 198,506
        let q = try quote(codes: ["VIP3", "HAN2026"], floor: 196_000)
        #expect(discounts(q) == ["promotion:NEV-SPRING": -5000, "promotion:VIP3": -6294])
        let text = q.json.jsonString()
        #expect(!text.contains("196000") && !text.contains("196,000") && !text.lowercased().contains("floor"))
        // tax on 198,506: full 198,506 / 1.13 × 10 % = 17,566.90; due 8,783.45; relief −8,783.45
        #expect(q.amount(of: "purchase_tax") == Money(minorUnits: 1_756_690, currency: .CNY))
        #expect(q.total == Money(minorUnits: 20_873_945, currency: .CNY))  // 198,506 + 8,783.45 + 500 + 950
    }

    @Test func promotionWithNoRoomLeftIsDropped() throws {
        // room = 209,800 − 205,000 = 4,800: neither NEV-SPRING's 5,000 nor VIP3's 6,294 fits whole,
        // so neither shows a line
        let q = try quote(codes: ["VIP3"], floor: 205_000)
        #expect(discounts(q) == [:])
        #expect(q.appliedPromotions == [])
        #expect(q.rejectedCodes.isEmpty)
    }

    @Test func floorAboveListPriceAllowsNoDiscount() throws {
        let q = try quote(codes: ["VIP3"], floor: 220_000)
        #expect(discounts(q).isEmpty)
        #expect(q.amount(of: "list_price") == Money(209_800, .CNY))
    }
}
