/// One line of a price quote: a stable `code`, a label in both languages and a signed amount.
///
/// Discounts and credits are negative; the amount is already rounded half-up to the cent.
/// Codes: `list_price`, `promotion:<CODE>`, `purchase_tax`, `nev_relief`, `sales_tax`,
/// `trade_in`, `fee:<code>`.
public struct QuoteLine: Sendable, Hashable {
    public var code: String
    public var label: LocalizedText
    public var amount: Money

    public init(code: String, label: LocalizedText, amount: Money) {
        self.code = code
        self.label = label
        self.amount = amount
    }
}
