import Foundation

/// The price of a lease's money: a money factor, or an APR (money factor = APR ÷ 2400).
public enum LeaseRate: Sendable, Hashable {
    case moneyFactor(Decimal)
    case apr(Decimal)

    /// From the tool's optional `money_factor` and `apr_pct`: exactly one must be given.
    public static func from(moneyFactor: Decimal?, aprPct: Decimal?) throws -> LeaseRate {
        switch (moneyFactor, aprPct) {
        case (let mf?, nil): return .moneyFactor(mf)
        case (nil, let apr?): return .apr(apr)
        case (nil, nil): throw ShowroomError.invalid("a lease needs money_factor or apr_pct")
        case (_?, _?): throw ShowroomError.invalid("give money_factor or apr_pct, not both")
        }
    }

    /// The money factor, validated against the 0–30 % APR limit (0…0.0125).
    public func validatedMoneyFactor() throws -> Decimal {
        switch self {
        case .apr(let pct):
            try FinanceRules.checkApr(pct)
            return pct / 2400
        case .moneyFactor(let mf):
            guard mf >= 0, mf * 2400 <= FinanceRules.maxAprPct else {
                throw ShowroomError.invalid("money_factor must be between 0 and 0.0125 (30% APR), got \(mf)")
            }
            return mf
        }
    }
}
