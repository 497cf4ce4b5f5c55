import Foundation

/// A monthly-payment estimate for a loan or a lease (`estimate_payment` in tools.md).
///
/// All amounts are in `currency`, each rounded half-up to the cent once from exact math.
/// For a loan, `totalInterest` is the exact payment × term − amount financed; for a lease it
/// is the total rent charge (rent charge × term), and `dueAtSigning` and `residualValue` are set.
public struct PaymentEstimate: Sendable, Hashable {
    /// Loan (amortized purchase) or lease.
    public enum Kind: String, Sendable, Codable, Hashable { case loan, lease }

    public var kind: Kind
    public var monthlyPayment: Money
    public var amountFinanced: Money
    public var totalInterest: Money
    public var downPayment: Money
    public var dueAtSigning: Money?
    public var residualValue: Money?
    public var termMonths: Int
    /// The annual rate in percent (for a lease, money factor × 2400).
    public var aprPct: Decimal
    public var moneyFactor: Decimal?

    public init(kind: Kind, monthlyPayment: Money, amountFinanced: Money, totalInterest: Money, downPayment: Money,
                dueAtSigning: Money? = nil, residualValue: Money? = nil, termMonths: Int, aprPct: Decimal,
                moneyFactor: Decimal? = nil) {
        self.kind = kind
        self.monthlyPayment = monthlyPayment
        self.amountFinanced = amountFinanced
        self.totalInterest = totalInterest
        self.downPayment = downPayment
        self.dueAtSigning = dueAtSigning
        self.residualValue = residualValue
        self.termMonths = termMonths
        self.aprPct = aprPct
        self.moneyFactor = moneyFactor
    }

    public var currency: Currency { monthlyPayment.currency }

    /// The `estimate_payment` result shape of tools.md (amounts as numbers plus `currency`).
    public var json: JSONValue {
        var object: [String: JSONValue] = [
            "type": .string(kind.rawValue),
            "monthly_payment": .number(monthlyPayment.amount),
            "currency": .string(currency.rawValue),
            "amount_financed": .number(amountFinanced.amount),
            "total_interest": .number(totalInterest.amount),
            "down_payment": .number(downPayment.amount),
            "term_months": .number(Double(termMonths)),
            "apr_pct": .number(aprPct.doubleValue),
        ]
        object["due_at_signing"] = dueAtSigning.map { .number($0.amount) }
        object["residual_value"] = residualValue.map { .number($0.amount) }
        object["money_factor"] = moneyFactor.map { .number($0.doubleValue) }
        return .object(object)
    }
}
