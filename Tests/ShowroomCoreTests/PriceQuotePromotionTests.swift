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
        // room = 209,800 − 196,000 = 13,800: NEV-SPRING takes 5,000, VIP3 takes 6,294,
        // HAN2026 is clamped from 8,000 to the 2,506 left; discounted price = 196,000
        let q = try quote(codes: ["VIP3", "HAN2026"], floor: 196_000)
        #expect(discounts(q) == ["promotion:NEV-SPRING": -5000, "promotion:VIP3": -6294, "promotion:HAN2026": -2506])
        let text = q.json.jsonString()
        #expect(!text.contains("196000") && !text.contains("196,000") && !text.lowercased().contains("floor"))
        // tax on 196,000: full 17,345.13; due round(8,672.566…) = 8,672.57; relief −8,672.56
        #expect(q.amount(of: "purchase_tax") == Money(minorUnits: 1_734_513, currency: .CNY))
        #expect(q.total == Money(minorUnits: 20_612_257, currency: .CNY))  // 196,000 + 8,672.57 + 500 + 950
    }

    @Test func promotionWithNoRoomLeftIsDropped() throws {
        // room = 209,800 − 205,000 = 4,800 < NEV-SPRING's 5,000; VIP3 gets nothing and shows no line
        let q = try quote(codes: ["VIP3"], floor: 205_000)
        #expect(discounts(q) == ["promotion:NEV-SPRING": -4800])
        #expect(q.appliedPromotions == ["NEV-SPRING"])
        #expect(q.rejectedCodes.isEmpty)
    }

    @Test func floorAboveListPriceAllowsNoDiscount() throws {
        let q = try quote(codes: ["VIP3"], floor: 220_000)
        #expect(discounts(q).isEmpty)
        #expect(q.amount(of: "list_price") == Money(209_800, .CNY))
    }
}
