/// The facts a trade-in appraisal starts from.
///
/// `referenceNewPrice` is the car's new price in the store's currency, looked up by the caller
/// in the catalog; when the model is unknown the caller passes
/// `TradeInAppraiser.segmentDefault(for:currency:)` and sets `referenceIsSegmentDefault`.
/// `condition` nil means the customer did not say (appraised as `good`, pending inspection).
/// `powertrain` nil uses the fuel-car curve. `asOf` is today's date in the store's calendar.
public struct TradeInRequest: Sendable, Hashable {
    public var referenceNewPrice: Money
    public var referenceIsSegmentDefault: Bool
    public var year: Int
    public var mileageKm: Int
    public var condition: TradeInCondition?
    public var powertrain: Powertrain?
    public var asOf: LocalDate

    public init(referenceNewPrice: Money, referenceIsSegmentDefault: Bool = false, year: Int, mileageKm: Int,
                condition: TradeInCondition? = nil, powertrain: Powertrain? = nil, asOf: LocalDate) {
        self.referenceNewPrice = referenceNewPrice
        self.referenceIsSegmentDefault = referenceIsSegmentDefault
        self.year = year
        self.mileageKm = mileageKm
        self.condition = condition
        self.powertrain = powertrain
        self.asOf = asOf
    }
}
