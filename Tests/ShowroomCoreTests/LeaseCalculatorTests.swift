import Foundation
import Testing
@testable import ShowroomCore

@Suite struct LeaseCalculatorTests {
    let leases = LeaseCalculator()

    @Test func sanFranciscoLeaseWorkedExample() throws {
        let e = try leases.estimate(
            price: Money(38_000, .USD), msrp: Money(40_000, .USD), down: .amount(Money(2_000, .USD)), termMonths: 36,
            residualPct: 58, rate: .moneyFactor(Decimal(string: "0.00125")!), feesAtSigning: Money(650, .USD))
        // residual = 40,000 × 58% = 23,200; cap cost = 38,000 − 2,000 = 36,000
        #expect(e.residualValue == Money(23_200, .USD))
        #expect(e.amountFinanced == Money(36_000, .USD))
        // depreciation = (36,000 − 23,200) ÷ 36 = 355.5555…; rent = (36,000 + 23,200) × 0.00125 = 74.00
        // monthly = 429.5555… → 429.56
        #expect(e.monthlyPayment == Money(minorUnits: 42_956, currency: .USD))
        // total rent = 74 × 36 = 2,664.00
        #expect(e.totalInterest == Money(2_664, .USD))
        // due at signing = 429.56 + 2,000 + 650 = 3,079.56
        #expect(e.dueAtSigning == Money(minorUnits: 307_956, currency: .USD))
        #expect(e.aprPct == 3)
    }

    @Test func aprIsConvertedToAMoneyFactor() throws {
        // 3% APR ÷ 2400 = 0.00125: the same lease as the worked example
        let e = try leases.estimate(
            price: Money(38_000, .USD), msrp: Money(40_000, .USD), down: .amount(Money(2_000, .USD)), termMonths: 36,
            residualPct: 58, rate: .apr(3), feesAtSigning: Money(650, .USD))
        #expect(e.monthlyPayment == Money(minorUnits: 42_956, currency: .USD))
        #expect(e.moneyFactor == Decimal(string: "0.00125"))
    }

    @Test func shanghaiLeaseWith20PercentDownAt4PercentApr() throws {
        let e = try leases.estimate(price: Money(250_000, .CNY), down: .percent(20), termMonths: 36, residualPct: 50, rate: .apr(4))
        // down 50,000; cap 200,000; residual = 250,000 × 50% = 125,000; mf = 4 ÷ 2400 = 0.0016666…
        // depreciation = 75,000 ÷ 36 = 2,083.333…; rent = 325,000 × 0.0016666… = 541.666…; monthly = 2,625.00
        #expect(e.monthlyPayment == Money(2_625, .CNY))
        #expect(e.totalInterest == Money(19_500, .CNY))  // 541.666… × 36
        #expect(e.dueAtSigning == Money(52_625, .CNY))  // 2,625 + 50,000, no fees
    }

    @Test func zeroMoneyFactorChargesNoRent() throws {
        // (30,000 − 18,000) ÷ 24 = 500.00 exactly
        let e = try leases.estimate(price: Money(30_000, .USD), down: .none(.USD), termMonths: 24, residualPct: 60, rate: .moneyFactor(0))
        #expect(e.monthlyPayment == Money(500, .USD))
        #expect(e.totalInterest == .zero(.USD))
    }

    @Test func rateMustBeGivenOneWay() {
        #expect(throws: ShowroomError.self) { try LeaseRate.from(moneyFactor: nil, aprPct: nil) }
        #expect(throws: ShowroomError.self) { try LeaseRate.from(moneyFactor: 0.001, aprPct: 3) }
        #expect((try? LeaseRate.from(moneyFactor: nil, aprPct: 3)) == .apr(3))
    }

    @Test func invalidLeasesGivePreciseMessages() {
        let price = Money(30_000, .USD)
        let cases: [(Int, Decimal, LeaseRate, String)] = [
            (100, 50, .apr(3), "term_months must be between 12 and 84, got 100"),
            (36, 101, .apr(3), "residual_pct must be between 0 and 100, got 101"),
            (36, -5, .apr(3), "residual_pct must be between 0 and 100, got -5"),
            (36, 50, .apr(45), "apr_pct must be between 0 and 30, got 45"),
            (36, 50, .moneyFactor(Decimal(string: "0.02")!), "money_factor must be between 0 and 0.0125 (30% APR), got 0.02"),
            (36, 100, .apr(3), "the residual value $30,000 is more than the capitalized cost $27,000; lower residual_pct or the down payment"),
        ]
        for (term, residual, rate, message) in cases {
            let error = #expect(throws: ShowroomError.self) {
                try leases.estimate(price: price, down: .amount(Money(3_000, .USD)), termMonths: term, residualPct: residual, rate: rate)
            }
            #expect(error?.message == message)
        }
    }
}
