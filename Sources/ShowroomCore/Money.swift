import Foundation

/// ISO 4217 currencies the dealer group sells in.
public enum Currency: String, Sendable, Codable, CaseIterable, Hashable {
    case CNY, USD

    /// Symbol for customer-facing text.
    public var symbol: String { self == .CNY ? "¥" : "$" }
}

/// An amount of money in integer minor units (cents / fen) with its currency.
///
/// Integer minor units make sums exact; rounding happens only where a rule says so
/// (`rounded(_:)` takes an exact `Decimal` and rounds half-up to the cent).
public struct Money: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var minorUnits: Int64
    public var currency: Currency

    public init(minorUnits: Int64, currency: Currency) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    /// Whole-unit amount, e.g. `Money(189900, .CNY)`.
    public init(_ whole: Int64, _ currency: Currency) {
        self.init(minorUnits: whole * 100, currency: currency)
    }

    /// From a decimal amount in whole units, rounded half-up to the cent.
    public init(decimal: Decimal, currency: Currency) {
        self.init(minorUnits: Money.roundHalfUpToCents(decimal), currency: currency)
    }

    /// From a JSON-style amount (whole units with up to two decimals); nil when not finite.
    public init?(amount: Double, currency: Currency) {
        guard amount.isFinite, abs(amount) < 1e13 else { return nil }
        self.init(decimal: Decimal(string: String(format: "%.4f", amount)) ?? Decimal(amount), currency: currency)
    }

    public static func zero(_ currency: Currency) -> Money { Money(minorUnits: 0, currency: currency) }

    /// The amount in whole units as an exact decimal.
    public var decimal: Decimal { Decimal(minorUnits) / 100 }

    /// The amount as a JSON number (whole units, up to two decimals).
    public var amount: Double { Double(minorUnits) / 100 }

    /// The amount in whole units as plain decimal text for SQL `numeric` (`32995`, `-0.05`,
    /// `209800.5` → `209800.50`): exact, no grouping, no symbol, no Foundation.
    public var plainDecimalText: String {
        let magnitude = minorUnits.magnitude
        let cents = magnitude % 100
        let text = String(magnitude / 100) + (cents == 0 ? "" : (cents < 10 ? ".0" : ".") + String(cents))
        return minorUnits < 0 ? "-" + text : text
    }

    /// Rounds a whole-unit decimal half-up (away from zero on a tie) to integer cents.
    public static func roundHalfUpToCents(_ value: Decimal) -> Int64 {
        var scaled = value * 100
        var rounded = Decimal()
        NSDecimalRound(&rounded, &scaled, 0, .plain)
        return NSDecimalNumber(decimal: rounded).int64Value
    }

    public static func + (a: Money, b: Money) -> Money {
        precondition(a.currency == b.currency, "currency mismatch")
        return Money(minorUnits: a.minorUnits + b.minorUnits, currency: a.currency)
    }

    public static func - (a: Money, b: Money) -> Money {
        precondition(a.currency == b.currency, "currency mismatch")
        return Money(minorUnits: a.minorUnits - b.minorUnits, currency: a.currency)
    }

    public static prefix func - (a: Money) -> Money { Money(minorUnits: -a.minorUnits, currency: a.currency) }

    public static func < (a: Money, b: Money) -> Bool { a.minorUnits < b.minorUnits }

    /// Text such as `¥189,900` or `$42,310.55` (cents only when not whole).
    public var formatted: String {
        let negative = minorUnits < 0
        let absMinor = abs(minorUnits)
        let whole = absMinor / 100
        let cents = absMinor % 100
        var digits = String(whole)
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        grouped = digits + grouped
        let frac = cents == 0 ? "" : String(format: ".%02d", cents)
        return (negative ? "-" : "") + currency.symbol + grouped + frac
    }

    public var description: String { formatted }

    /// JSON shape of api.md: `{"amount": 189900, "currency": "CNY"}`.
    public var json: JSONValue { ["amount": .number(amount), "currency": .string(currency.rawValue)] }
}
