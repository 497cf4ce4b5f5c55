/// What a customer needs, as the `recommend` tool's arguments and the router's slots give it.
///
/// `priceMax` and `seatsMin` are hard constraints (a car over budget or with too few seats is
/// never recommended); everything else only changes the score. `priorities` are in the
/// customer's order of importance.
public struct RecommendationNeeds: Sendable, Hashable {
    /// How the car will mostly be driven.
    public enum Usage: String, Sendable, Codable, Hashable, CaseIterable {
        case city, highway, mixed
        case longTrips = "long_trips"
    }

    /// What matters most to the customer.
    public enum Priority: String, Sendable, Codable, Hashable, CaseIterable {
        case range, space, performance, economy, price
    }

    public var priceMax: Money?
    public var seatsMin: Int?
    public var bodyType: BodyType?
    public var powertrain: Powertrain?
    public var usage: Usage?
    public var homeCharging: Bool?
    public var priorities: [Priority]

    public init(priceMax: Money? = nil, seatsMin: Int? = nil, bodyType: BodyType? = nil, powertrain: Powertrain? = nil,
                usage: Usage? = nil, homeCharging: Bool? = nil, priorities: [Priority] = []) {
        self.priceMax = priceMax
        self.seatsMin = seatsMin
        self.bodyType = bodyType
        self.powertrain = powertrain
        self.usage = usage
        self.homeCharging = homeCharging
        self.priorities = priorities
    }
}
