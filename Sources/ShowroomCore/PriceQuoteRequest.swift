/// What a price quote is asked for: one unit, its prices, the customer's trade-in and codes.
///
/// All amounts must be in the list price's currency. `floorPrice` is staff-only: the
/// calculator uses it only to stop discounts going below it and never shows it.
/// `includeInsurance` defaults to true because 交强险 is compulsory for registration in China,
/// so an out-the-door (落地) price normally includes it.
public struct PriceQuoteRequest: Sendable, Hashable {
    public var listPrice: Money
    public var floorPrice: Money?
    public var vehicle: QuoteVehicle
    public var purchaseDate: LocalDate
    public var tradeInCredit: Money?
    public var includeInsurance: Bool
    /// Codes the customer asked for, in the order given.
    public var promotionCodes: [String]
    /// All the store's promotions (automatic and code-only); the calculator picks those that apply.
    public var promotions: [Promotion]
    public var language: Language

    public init(listPrice: Money, floorPrice: Money? = nil, vehicle: QuoteVehicle, purchaseDate: LocalDate,
                tradeInCredit: Money? = nil, includeInsurance: Bool = true, promotionCodes: [String] = [],
                promotions: [Promotion] = [], language: Language) {
        self.listPrice = listPrice
        self.floorPrice = floorPrice
        self.vehicle = vehicle
        self.purchaseDate = purchaseDate
        self.tradeInCredit = tradeInCredit
        self.includeInsurance = includeInsurance
        self.promotionCodes = promotionCodes
        self.promotions = promotions
        self.language = language
    }
}
