import Foundation
import Testing
@testable import ShowroomCore

@Suite struct PromotionTests {
    let han = QuoteVehicle(make: "BYD", model: "Han", powertrain: .bev, condition: .new)
    let camry = QuoteVehicle(make: "Toyota", model: "Camry", powertrain: .hev, condition: .new)

    @Test func decodesTheCatalogShape() throws {
        let json = try #require(JSONValue.parse("""
            {"code":"NEV-SPRING","title":"NEV trade-up bonus","title_zh":"新能源置换补贴","kind":"amount",
             "value":5000,"powertrain":"bev","automatic":true,"starts_on":"2026-01-01","ends_on":"2027-12-31"}
            """))
        let p = try json.decode(as: Promotion.self)
        #expect(p == PricingFixtures.nevSpring)
    }

    @Test func filtersMustAllMatch() {
        let day = PricingFixtures.day("2026-04-01")
        #expect(PricingFixtures.nevSpring.applies(to: han, on: day))
        #expect(!PricingFixtures.nevSpring.applies(to: camry, on: day))
        #expect(PricingFixtures.hanOnly.applies(to: QuoteVehicle(make: "byd", model: "HAN", powertrain: .phev, condition: .new), on: day))
        #expect(!PricingFixtures.hanOnly.applies(to: QuoteVehicle(make: "BYD", model: "Tang", powertrain: .bev, condition: .new), on: day))
        let usedOnly = Promotion(code: "CPO", title: "CPO", titleZh: "认证二手", kind: .amount, value: 1, condition: .cpo)
        #expect(!usedOnly.applies(to: han, on: day))
    }

    @Test func windowIsInclusiveAtBothEnds() {
        let p = PricingFixtures.hanOnly
        #expect(p.applies(to: han, on: PricingFixtures.day("2026-03-01")))
        #expect(p.applies(to: han, on: PricingFixtures.day("2026-06-30")))
        #expect(!p.applies(to: han, on: PricingFixtures.day("2026-02-28")))
        #expect(!p.applies(to: han, on: PricingFixtures.day("2026-07-01")))
    }

    @Test func inactivePromotionNeverApplies() {
        var p = PricingFixtures.vip3
        p.active = false
        #expect(!p.applies(to: han, on: PricingFixtures.day("2026-04-01")))
    }

    @Test func percentIsAShareOfTheListPrice() {
        // 3% of 209,800 = 6,294
        #expect(PricingFixtures.vip3.discount(on: 209_800) == 6294)
        #expect(PricingFixtures.nevSpring.discount(on: 209_800) == 5000)
    }

    @Test func percentOver100IsRejectedOnDecode() throws {
        let json = try #require(JSONValue.parse(#"{"code":"X","title":"X","kind":"percent","value":150}"#))
        #expect(throws: DecodingError.self) { try json.decode(as: Promotion.self) }
    }
}
