import Foundation

/// A down payment given as an amount or as a percentage of the price (首付三成 = 30 %).
public enum DownPayment: Sendable, Hashable {
    case amount(Money)
    case percent(Decimal)

    /// No down payment.
    public static func none(_ currency: Currency) -> DownPayment { .amount(.zero(currency)) }

    /// The down payment on a price, rounded half-up to the cent (it is paid as an amount).
    ///
    /// Throws `invalid_arguments` when it is negative, above the price, over 100 % or in
    /// another currency than the price.
    public func resolve(against price: Money) throws -> Money {
        switch self {
        case .amount(let money):
            guard money.currency == price.currency else {
                throw ShowroomError.invalid("down payment is in \(money.currency.rawValue) but the price is in \(price.currency.rawValue)")
            }
            guard money.minorUnits >= 0 else { throw ShowroomError.invalid("down payment must not be negative, got \(money)") }
            guard money <= price else {
                throw ShowroomError.invalid("down payment \(money) is more than the price \(price)")
            }
            return money
        case .percent(let pct):
            guard pct >= 0, pct <= 100 else {
                throw ShowroomError.invalid("down_payment_pct must be between 0 and 100, got \(pct)")
            }
            return Money(decimal: price.decimal * pct / 100, currency: price.currency)
        }
    }
}
