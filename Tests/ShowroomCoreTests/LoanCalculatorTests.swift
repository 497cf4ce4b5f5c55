import Foundation
import Testing
@testable import ShowroomCore

@Suite struct LoanCalculatorTests {
    let loans = LoanCalculator()

    @Test func thirtyThousandDollarsAtSixPercentFor60MonthsIs579_98() throws {
        let e = try loans.estimate(price: Money(30_000, .USD), down: .none(.USD), termMonths: 60, aprPct: 6)
        // r = 6% ÷ 12 = 0.005; (1.005)^60 = 1.3488501525…
        // payment = 30,000 × 0.005 × 1.34885… ÷ 0.34885… = 579.98404… → 579.98
        #expect(e.monthlyPayment == Money(minorUnits: 57_998, currency: .USD))
        // interest = 579.98404… × 60 − 30,000 = 4,799.0427… → 4,799.04
        #expect(e.totalInterest == Money(minorUnits: 479_904, currency: .USD))
        #expect(e.amountFinanced == Money(30_000, .USD))
        #expect(e.dueAtSigning == nil)
    }

    @Test func zeroPercentIsExactDivision() throws {
        // 18,000 ÷ 36 = 500.00 exactly, no interest
        let even = try loans.estimate(price: Money(18_000, .USD), down: .none(.USD), termMonths: 36, aprPct: 0)
        #expect(even.monthlyPayment == Money(500, .USD))
        #expect(even.totalInterest == .zero(.USD))
        // 25,000 ÷ 36 = 694.444… → 694.44; interest stays 0.00
        let odd = try loans.estimate(price: Money(25_000, .USD), down: .none(.USD), termMonths: 36, aprPct: 0)
        #expect(odd.monthlyPayment == Money(minorUnits: 69_444, currency: .USD))
        #expect(odd.totalInterest == .zero(.USD))
    }

    @Test func shanghaiLoanWith30PercentDownAt3_5PercentFor36Months() throws {
        // 首付三成: 200,000 × 30% = 60,000 down; financed 140,000
        let e = try loans.estimate(price: Money(200_000, .CNY), down: .percent(30), termMonths: 36, aprPct: Decimal(string: "3.5")!)
        #expect(e.downPayment == Money(60_000, .CNY))
        #expect(e.amountFinanced == Money(140_000, .CNY))
        // r = 3.5% ÷ 12 = 0.0029166…; (1 + r)^36 = 1.11048…
        // payment = 140,000 × r × 1.11048… ÷ 0.11048… = 4,102.2911… → 4,102.29
        #expect(e.monthlyPayment == Money(minorUnits: 410_229, currency: .CNY))
        // interest = 4,102.2911… × 36 − 140,000 = 7,682.4818… → 7,682.48
        #expect(e.totalInterest == Money(minorUnits: 768_248, currency: .CNY))
        #expect(e.json["currency"] == "CNY")
    }

    @Test func downPaymentAsAmountIsSubtracted() throws {
        // 35,000 − 5,000 = 30,000 financed: the same payment as the 30,000 loan above
        let e = try loans.estimate(price: Money(35_000, .USD), down: .amount(Money(5_000, .USD)), termMonths: 60, aprPct: 6)
        #expect(e.monthlyPayment == Money(minorUnits: 57_998, currency: .USD))
    }

    @Test func fullDownPaymentLeavesNothingToFinance() throws {
        let e = try loans.estimate(price: Money(20_000, .USD), down: .percent(100), termMonths: 12, aprPct: 5)
        #expect(e.monthlyPayment == .zero(.USD))
        #expect(e.totalInterest == .zero(.USD))
    }

    @Test func invalidInputsGivePreciseMessages() {
        let price = Money(30_000, .USD)
        let cases: [(DownPayment, Int, Decimal, String)] = [
            (.none(.USD), 6, 5, "term_months must be between 12 and 84, got 6"),
            (.none(.USD), 96, 5, "term_months must be between 12 and 84, got 96"),
            (.none(.USD), 60, -1, "apr_pct must be between 0 and 30, got -1"),
            (.none(.USD), 60, 31, "apr_pct must be between 0 and 30, got 31"),
            (.amount(Money(-100, .USD)), 60, 5, "down payment must not be negative, got -$100"),
            (.amount(Money(40_000, .USD)), 60, 5, "down payment $40,000 is more than the price $30,000"),
            (.amount(Money(1_000, .CNY)), 60, 5, "down payment is in CNY but the price is in USD"),
            (.percent(120), 60, 5, "down_payment_pct must be between 0 and 100, got 120"),
        ]
        for (down, term, apr, message) in cases {
            let error = #expect(throws: ShowroomError.self) {
                try loans.estimate(price: price, down: down, termMonths: term, aprPct: apr)
            }
            #expect(error?.code == "invalid_arguments")
            #expect(error?.message == message)
        }
    }
}
