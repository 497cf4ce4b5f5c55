/// The intents of routing.md; raw values are the spec's strings.
public enum Intent: String, Sendable, Codable, CaseIterable, Hashable {
    case greeting
    case vehicleSearch = "vehicle_search"
    case vehicleDetails = "vehicle_details"
    case compare
    case recommendation
    case priceQuote = "price_quote"
    case financing
    case tradeIn = "trade_in"
    case testDrive = "test_drive"
    case dealerInfo = "dealer_info"
    case humanHandoff = "human_handoff"
    case outOfScope = "out_of_scope"

    /// The agent that owns this intent (routing.md).
    public var agent: String {
        switch self {
        case .vehicleSearch, .vehicleDetails, .compare: "catalog"
        case .recommendation: "recommendation"
        case .priceQuote, .financing, .tradeIn: "pricing"
        case .testDrive, .humanHandoff: "booking"
        case .greeting, .dealerInfo, .outOfScope: "concierge"
        }
    }
}
