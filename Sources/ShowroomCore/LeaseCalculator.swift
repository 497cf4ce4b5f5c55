import Foundation

/// Monthly payment of a closed-end car lease (pure `Decimal` math).
///
/// - capitalized cost = price − down payment (cap-cost reduction); reported as amount financed
/// - residual = MSRP × residual % (MSRP defaults to the price)
/// - depreciation fee = (cap cost − residual) ÷ term; rent charge = (cap cost + residual) × money factor
/// - monthly payment = depreciation fee + rent charge; total interest = rent charge × term
/// - due at signing = first monthly payment + down payment + fees due at signing (acquisition,
///   documentation… as the caller passes them)
/// Sales tax on lease payments is not included. Each result is rounded half-up to the cent
/// once from exact math. Limits: term 12–84, APR 0–30 % (money factor ≤ 0.0125), residual
/// 0–100 % and not above the capitalized cost, down payment 0…price.
public struct LeaseCalculator: Sendable {
    public init() {}

    public func estimate(price: Money, msrp: Money? = nil, down: DownPayment, termMonths: Int, residualPct: Decimal,
                         rate: LeaseRate, feesAtSigning: Money? = nil) throws -> PaymentEstimate {
        let currency = price.currency
        try FinanceRules.checkPrice(price)
        try FinanceRules.checkTerm(termMonths)
        guard residualPct >= 0, residualPct <= 100 else {
            throw ShowroomError.invalid("residual_pct must be between 0 and 100, got \(residualPct)")
        }
        let mf = try rate.validatedMoneyFactor()
        let base = msrp ?? price
        try FinanceRules.checkPrice(base, name: "msrp")
        let fees = feesAtSigning ?? .zero(currency)
        for (name, money) in [("msrp", base), ("fees at signing", fees)] where money.currency != currency {
            throw ShowroomError.invalid("\(name) is in \(money.currency.rawValue) but the price is in \(currency.rawValue)")
        }
        guard fees.minorUnits >= 0 else { throw ShowroomError.invalid("fees at signing must not be negative, got \(fees)") }
        let downMoney = try down.resolve(against: price)
        let capCost = (price - downMoney).decimal
        let residual = base.decimal * residualPct / 100
        guard residual <= capCost else {
            throw ShowroomError.invalid("the residual value \(Money(decimal: residual, currency: currency)) is more than "
                + "the capitalized cost \(Money(decimal: capCost, currency: currency)); lower residual_pct or the down payment")
        }
        let depreciation = (capCost - residual) / Decimal(termMonths)
        let rent = (capCost + residual) * mf
        let monthly = Money(decimal: depreciation + rent, currency: currency)
        return PaymentEstimate(
            kind: .lease, monthlyPayment: monthly, amountFinanced: price - downMoney,
            totalInterest: Money(decimal: rent * Decimal(termMonths), currency: currency), downPayment: downMoney,
            dueAtSigning: monthly + downMoney + fees, residualValue: Money(decimal: residual, currency: currency),
            termMonths: termMonths, aprPct: mf * 2400, moneyFactor: mf)
    }
}
