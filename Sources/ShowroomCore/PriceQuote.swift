/// An itemised out-the-door price estimate for one unit.
///
/// `total` is exactly the sum of the rounded `lines`. `rejectedCodes` lists requested
/// promotion codes that do not exist or do not apply to this unit on this day (not an error).
/// `appliedPromotions` are the codes that produced a discount line. The quote never shows the
/// floor price: when discounts are clamped, the discount lines simply show the clamped amounts.
public struct PriceQuote: Sendable, Hashable {
    public var lines: [QuoteLine]
    public var total: Money
    public var disclaimer: LocalizedText
    public var rejectedCodes: [String]
    public var appliedPromotions: [String]
    public var language: Language
    /// Codes of eligible promotions left out of the quote; the reason given is
    /// `withheldReason`, generic so that it never reveals the floor price.
    public var withheldPromotions: [String] = []
    /// Trade-in value above everything due: not in the lines or the total (which is never
    /// negative); settled with the customer separately. Nil when the trade-in fits.
    public var tradeInExcess: Money?

    public init(lines: [QuoteLine], disclaimer: LocalizedText, rejectedCodes: [String],
                appliedPromotions: [String], language: Language, currency: Currency) {
        self.lines = lines
        self.total = lines.reduce(Money.zero(currency)) { $0 + $1.amount }
        self.disclaimer = disclaimer
        self.rejectedCodes = rejectedCodes
        self.appliedPromotions = appliedPromotions
        self.language = language
    }

    /// Why an eligible promotion is not in a quote, naming no amount (so not the floor).
    public static let withheldReason = LocalizedText(
        zh: "该优惠无法与此车当前售价同享", en: "Not combinable with this unit's current price")

    /// The amount of the line with a code, if present.
    public func amount(of code: String) -> Money? { lines.first { $0.code == code }?.amount }

    /// The `quote_price` result shape of tools.md (labels and disclaimer in the quote's language).
    public var json: JSONValue {
        [
            "lines": .array(lines.map {
                ["code": .string($0.code), "label": .string($0.label.text(language)), "amount": .number($0.amount.amount)]
            }),
            "total": total.json,
            "currency": .string(total.currency.rawValue),
            "disclaimer": .string(disclaimer.text(language)),
            "rejected_codes": .array(rejectedCodes.map { .string($0) }),
            "applied_promotions": .array(appliedPromotions.map { .string($0) }),
            "promotions_not_applied": .array(withheldPromotions.map {
                ["code": .string($0), "reason": .string(Self.withheldReason.text(language))]
            }),
            "trade_in_excess": tradeInExcess?.json ?? .null,
        ]
    }
}
