import Foundation

/// Monthly payment of a fixed-rate car loan by standard amortization (pure `Decimal` math).
///
/// amount financed P = price − down payment; monthly rate r = APR ÷ 100 ÷ 12;
/// payment = P × r × (1 + r)ⁿ ÷ ((1 + r)ⁿ − 1), or exactly P ÷ n at 0 % APR.
/// Total interest = exact payment × n − P. Each result is rounded half-up to the cent once.
/// Limits: term 12–84 months, APR 0–30 %, down payment 0…price (`invalid_arguments` otherwise).
public struct LoanCalculator: Sendable {
    public init() {}

    public func estimate(price: Money, down: DownPayment, termMonths: Int, aprPct: Decimal) throws -> PaymentEstimate {
        try FinanceRules.checkPrice(price)
        try FinanceRules.checkTerm(termMonths)
        try FinanceRules.checkApr(aprPct)
        let downMoney = try down.resolve(against: price)
        let financed = price - downMoney
        let payment = Self.exactPayment(principal: financed.decimal, monthlyRate: aprPct / 1200, months: termMonths)
        let interest = payment * Decimal(termMonths) - financed.decimal
        return PaymentEstimate(
            kind: .loan, monthlyPayment: Money(decimal: payment, currency: price.currency), amountFinanced: financed,
            totalInterest: Money(decimal: interest, currency: price.currency), downPayment: downMoney,
            termMonths: termMonths, aprPct: aprPct)
    }

    /// The unrounded level payment that repays `principal` in `months` at `monthlyRate`.
    static func exactPayment(principal: Decimal, monthlyRate r: Decimal, months n: Int) -> Decimal {
        guard r > 0 else { return principal / Decimal(n) }
        let growth = pow(1 + r, n)
        return principal * r * growth / (growth - 1)
    }
}
