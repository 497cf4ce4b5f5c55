import Foundation
import Testing
@testable import ShowroomCore

@Suite struct MoneyTests {
    @Test func halfUpRoundingToTheCent() {
        #expect(Money.roundHalfUpToCents(Decimal(string: "9283.185")!) == 928319)
        #expect(Money.roundHalfUpToCents(Decimal(string: "0.004")!) == 0)
        #expect(Money.roundHalfUpToCents(Decimal(string: "18566.3716")!) == 1856637)
    }

    @Test func sumsAreExactInMinorUnits() {
        let a = Money(minorUnits: 10, currency: .USD), b = Money(minorUnits: 20, currency: .USD)
        #expect((a + b).minorUnits == 30)
        #expect(Money(amount: 0.1, currency: .USD)! + Money(amount: 0.2, currency: .USD)! == Money(minorUnits: 30, currency: .USD))
    }

    @Test func plainDecimalTextIsTheExactAmountForSQL() {
        #expect(Money(32_995, .USD).plainDecimalText == "32995")
        #expect(Money(minorUnits: 20_980_050, currency: .CNY).plainDecimalText == "209800.50")
        #expect(Money(minorUnits: 5, currency: .USD).plainDecimalText == "0.05")
        #expect(Money(minorUnits: -5, currency: .USD).plainDecimalText == "-0.05")
        #expect(Money(minorUnits: 0, currency: .USD).plainDecimalText == "0")
        for minor in stride(from: Int64(-100_003), through: 100_003, by: 997) {
            let money = Money(minorUnits: minor, currency: .USD)
            #expect(Decimal(string: money.plainDecimalText) == money.decimal)
        }
    }

    @Test func formattingGroupsThousandsAndShowsCentsOnlyWhenNeeded() {
        #expect(Money(189900, .CNY).formatted == "¥189,900")
        #expect(Money(minorUnits: 4231055, currency: .USD).formatted == "$42,310.55")
        #expect(Money(minorUnits: -150, currency: .USD).formatted == "-$1.50")
    }
}
