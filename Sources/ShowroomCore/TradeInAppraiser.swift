import Foundation

/// Estimates a used car's trade-in range from a documented depreciation model (pure).
///
/// value = reference new price × retention(age) × (1 + mileage adjustment) × condition multiplier
/// - age in years = (this year − model year) + (this month − 1) ÷ 12, at least 0.
/// - retention: the first year loses `firstYear`, each later year `perYear` of what is left
///   (linear within a year): fuel/hybrid 15 % then 11 %/yr; phev/erev 18 % then 12 %/yr;
///   bev 22 % then 14 %/yr (faster battery and model-cycle depreciation). Never below 8 %.
/// - mileage vs 15,000 km a year for its age: −0.3 % per 1,000 km over (at most −30 %),
///   +0.2 % per 1,000 km under (at most +8 %).
/// - condition: excellent ×1.05, good ×1.00, fair ×0.88, poor ×0.72; when the customer did not
///   state it, good is assumed and the assumptions say so (callers never fill it in).
/// - the estimate is always pending inspection.
/// - band: low = value × 0.93, high = value × 1.07, each rounded half-up to the nearest 100
///   whole currency units (an estimate, not a price to the cent).
/// Validates model year 1980…next year and mileage 0…1,000,000 km (`invalid_arguments`).
public struct TradeInAppraiser: Sendable {
    public static let kmPerYear: Decimal = 15_000
    public static let band: Decimal = Decimal(string: "0.07")!

    public init() {}

    public func appraise(_ request: TradeInRequest) throws -> TradeInEstimate {
        let maxYear = request.asOf.year + 1
        guard (1980...maxYear).contains(request.year) else {
            throw ShowroomError.invalid("year must be between 1980 and \(maxYear), got \(request.year)")
        }
        guard (0...1_000_000).contains(request.mileageKm) else {
            throw ShowroomError.invalid("mileage_km must be between 0 and 1000000, got \(request.mileageKm)")
        }
        try FinanceRules.checkPrice(request.referenceNewPrice, name: "reference new price")
        let age = Decimal.maximum(Decimal(request.asOf.year - request.year) + Decimal(request.asOf.month - 1) / 12, 0)
        let curve = DepreciationCurve(request.powertrain ?? .ice)
        let retention = curve.retention(ageYears: age)
        let expectedKm = age * Self.kmPerYear
        let mileage = Self.mileageAdjustment(actualKm: Decimal(request.mileageKm), expectedKm: expectedKm)
        let condition = request.condition ?? .good
        let value = request.referenceNewPrice.decimal * retention * (1 + mileage) * Self.multiplier(condition)
        let currency = request.referenceNewPrice.currency
        let low = Money(decimal: (value * (1 - Self.band)).roundedHalfUp(scale: -2), currency: currency)
        let high = Money(decimal: (value * (1 + Self.band)).roundedHalfUp(scale: -2), currency: currency)
        let notes = TradeInAssumptions(
            request: request, ageYears: age, curve: curve, retention: retention, expectedKm: expectedKm,
            mileageAdjustment: mileage, condition: condition, multiplier: Self.multiplier(condition))
        // Every estimate is pending inspection: no condition the customer states replaces seeing the car.
        return TradeInEstimate(low: low, high: high, assumptions: notes.texts, pendingInspection: true)
    }

    /// The share added (positive) or taken off (negative) for distance driven vs the average.
    static func mileageAdjustment(actualKm: Decimal, expectedKm: Decimal) -> Decimal {
        let thousandsOver = (actualKm - expectedKm) / 1000
        if thousandsOver > 0 {
            return -Decimal.minimum(thousandsOver * Decimal(string: "0.003")!, Decimal(string: "0.30")!)
        }
        return Decimal.minimum(-thousandsOver * Decimal(string: "0.002")!, Decimal(string: "0.08")!)
    }

    /// The condition multiplier of the model.
    static func multiplier(_ condition: TradeInCondition) -> Decimal {
        switch condition {
        case .excellent: return Decimal(string: "1.05")!
        case .good: return 1
        case .fair: return Decimal(string: "0.88")!
        case .poor: return Decimal(string: "0.72")!
        }
    }

    /// A rough new price for a segment, for models not in the catalog (whole currency units).
    public static func segmentDefault(for bodyType: BodyType?, currency: Currency) -> Money {
        let cny: [BodyType: Int64] = [.sedan: 150_000, .suv: 200_000, .mpv: 260_000, .hatchback: 90_000, .coupe: 300_000,
                                      .pickup: 180_000, .wagon: 200_000, .convertible: 350_000]
        let usd: [BodyType: Int64] = [.sedan: 32_000, .suv: 40_000, .mpv: 42_000, .hatchback: 25_000, .coupe: 45_000,
                                      .pickup: 52_000, .wagon: 38_000, .convertible: 50_000]
        let table = currency == .CNY ? cny : usd
        return Money(bodyType.flatMap { table[$0] } ?? (currency == .CNY ? 160_000 : 35_000), currency)
    }
}
