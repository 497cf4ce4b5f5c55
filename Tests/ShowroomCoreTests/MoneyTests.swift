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

    @Test func formattingGroupsThousandsAndShowsCentsOnlyWhenNeeded() {
        #expect(Money(189900, .CNY).formatted == "¥189,900")
        #expect(Money(minorUnits: 4231055, currency: .USD).formatted == "$42,310.55")
        #expect(Money(minorUnits: -150, currency: .USD).formatted == "-$1.50")
    }
}
