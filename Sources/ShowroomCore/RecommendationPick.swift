/// One recommended unit with its score (0–100, higher is better) and the reasons for it,
/// each grounded in the unit's facts and written in both languages.
public struct RecommendationPick: Sendable, Hashable {
    public var vehicle: VehicleFacts
    public var score: Double
    public var reasons: [LocalizedText]

    public init(vehicle: VehicleFacts, score: Double, reasons: [LocalizedText]) {
        self.vehicle = vehicle
        self.score = score
        self.reasons = reasons
    }
}
