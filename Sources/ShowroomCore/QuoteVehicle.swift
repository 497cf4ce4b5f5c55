/// The facts about a unit that decide which promotions apply to it.
///
/// `make` and `model` are the canonical catalog names (compared case-insensitively).
public struct QuoteVehicle: Sendable, Hashable, Codable {
    public var make: String
    public var model: String
    public var powertrain: Powertrain
    public var condition: VehicleCondition

    public init(make: String, model: String, powertrain: Powertrain, condition: VehicleCondition) {
        self.make = make
        self.model = model
        self.powertrain = powertrain
        self.condition = condition
    }
}
