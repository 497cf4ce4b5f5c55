/// A trade-in value range, never an offer: `low...high` in `currency`, with the assumptions
/// behind it in both languages.
///
/// `pendingInspection` is always true from `TradeInAppraiser`: an estimate is never a value until
/// the store has inspected the car, and agents say so.
public struct TradeInEstimate: Sendable, Hashable {
    public var low: Money
    public var high: Money
    public var assumptions: [LocalizedText]
    public var pendingInspection: Bool

    public init(low: Money, high: Money, assumptions: [LocalizedText], pendingInspection: Bool) {
        self.low = low
        self.high = high
        self.assumptions = assumptions
        self.pendingInspection = pendingInspection
    }

    public var currency: Currency { low.currency }

    /// The `appraise_trade_in` result shape of tools.md, assumptions in one language.
    public func json(_ language: Language) -> JSONValue {
        [
            "low": .number(low.amount),
            "high": .number(high.amount),
            "currency": .string(currency.rawValue),
            "assumptions": .array(assumptions.map { .string($0.text(language)) }),
            "pending_inspection": .bool(pendingInspection),
        ]
    }
}
