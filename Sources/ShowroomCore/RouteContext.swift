/// What the conversation so far tells the router about a new turn.
///
/// `profile` is the accumulated customer profile (`Slots.merged(with:)` of earlier turns);
/// `cheapestShownPrice` is the lowest price, in whole units of `currency`, among the vehicles
/// the last answer showed, when the caller has it.
public struct RouteContext: Sendable, Hashable {
    public var previousIntent: Intent?
    public var profile: Slots
    public var cheapestShownPrice: Int?
    /// The store's currency, used for a derived price when neither the turn nor the profile has one.
    public var currency: Currency?

    public init(previousIntent: Intent? = nil, profile: Slots = Slots(), cheapestShownPrice: Int? = nil,
                currency: Currency? = nil) {
        self.previousIntent = previousIntent
        self.profile = profile
        self.cheapestShownPrice = cheapestShownPrice
        self.currency = currency
    }
}
