import Foundation
import Testing
@testable import ShowroomCore

@Suite struct DecimalShowroomTests {
    @Test func roundsHalfUpAwayFromZeroAtAnyScale() {
        #expect(Decimal(string: "9283.185")!.roundedHalfUp(scale: 2) == Decimal(string: "9283.19")!)
        #expect(Decimal(string: "-2.25")!.roundedHalfUp(scale: 1) == Decimal(string: "-2.3")!)
        #expect(Decimal(string: "102324.5")!.roundedHalfUp(scale: -2) == 102_300)
        #expect(Decimal(string: "117750")!.roundedHalfUp(scale: -2) == 117_800)
    }

    @Test func doublesFromConfigurationStayExact() {
        #expect(Decimal(exactly: 8.625) == Decimal(string: "8.625")!)
        #expect(Decimal(exactly: 0.1) == Decimal(string: "0.1")!)
    }

    @Test func formatsWithThousandsSeparatorsAndFixedDecimals() {
        #expect(Decimal(60_000).formattedNumber(scale: 0) == "60,000")
        #expect(Decimal(string: "13.9")!.formattedNumber(scale: 1) == "13.9")
        #expect(Decimal(1).formattedNumber(scale: 2) == "1.00")
        #expect(Decimal(string: "1234567.891")!.formattedNumber(scale: 2) == "1,234,567.89")
    }
}
