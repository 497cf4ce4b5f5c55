import Foundation
import Testing
@testable import ShowroomCore

@Suite struct TaxProfileTests {
    @Test func shanghaiProfileDecodesRatesReliefAndFees() throws {
        let p = try PricingFixtures.shanghai
        #expect(p.kind == .cn)
        #expect(p.vatPct == 13)
        #expect(p.purchaseTaxPct == 10)
        let relief = try #require(p.nevRelief)
        #expect(relief.from == (try LocalDate("2026-01-01")))
        #expect(relief.to == (try LocalDate("2027-12-31")))
        #expect(relief.factor == Decimal(string: "0.5"))
        #expect(relief.cap == 15000)
        #expect(p.fees.map(\.code) == ["registration", "compulsory_insurance"])
        #expect(p.fees.map(\.insurance) == [false, true])
        #expect(p.fees[1].labelZh == "交强险")
    }

    @Test func sanFranciscoRateStaysExactAt8625() throws {
        let p = try PricingFixtures.sanFrancisco
        #expect(p.kind == .us)
        #expect(p.salesTaxPct == Decimal(string: "8.625"))
        #expect(p.tradeInCredit)
        #expect(p.fees.reduce(Decimal(0)) { $0 + $1.amount } == 500)
        #expect(p.nevRelief == nil)
    }

    @Test func ratesWrittenAsStringsDecodeToo() throws {
        let p = try PricingFixtures.profile(#"{"kind":"us","sales_tax_pct":"7.25"}"#)
        #expect(p.salesTaxPct == Decimal(string: "7.25"))
        #expect(p.fees.isEmpty)
    }

    @Test func profileRoundTripsThroughJSON() throws {
        let p = try PricingFixtures.shanghai
        let again = try TaxProfile.decode(try JSONValue(encoding: p))
        #expect(again == p)
    }

    @Test func badFieldsAreNamedInTheError() throws {
        let cases = [
            (#"{"kind":"uk"}"#, "kind"),
            (#"{"kind":"us","sales_tax_pct":120}"#, "sales_tax_pct"),
            (#"{"kind":"cn","nev_relief":{"from":"2026-01-01","to":"2027-12-31","factor":2}}"#, "nev_relief.factor"),
            (#"{"kind":"cn","nev_relief":{"from":"2026-13-01","to":"2027-12-31","factor":0.5}}"#, "nev_relief.from"),
            (#"{"kind":"cn","fees":[{"code":"x","label":"X","amount":-1}]}"#, "fees.[0].amount"),
        ]
        for (json, field) in cases {
            let error = #expect(throws: ShowroomError.self) { try PricingFixtures.profile(json) }
            #expect(error?.code == "invalid_arguments")
            #expect(error?.message.contains(field) == true, "\(error?.message ?? "") should name \(field)")
        }
    }
}
