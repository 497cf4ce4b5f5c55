import Foundation

extension RecommendationScorer {
    /// An electric range that scores 1.0: 700 km CLTC (CNY stores), 500 km EPA (USD stores).
    static func excellentRangeKm(_ currency: Currency) -> Double { currency == .CNY ? 700 : 500 }

    /// Name of the range test the store's published ranges use.
    static func rangeCycle(_ currency: Currency) -> String { currency == .CNY ? "CLTC" : "EPA" }

    /// Component scores in 0…1; unknown facts score neutrally.
    ///
    /// - range: BEV range ÷ excellent range; PHEV/EREV 0.55 + 0.3 × min(range ÷ 200 km, 1)
    ///   (the engine removes range worry, so a long-range BEV still leads); HEV/ICE 0.75.
    /// - space: 0.6 × (seats − 2) ÷ 5 + 0.4 × (length − 4,000 mm) ÷ 1,300 mm, each clamped.
    /// - performance: power ÷ 400 kW.
    /// - economy: BEV 1 − (kWh/100 km − 11) ÷ 15; PHEV/EREV 0.7; HEV/ICE 0.8 × (1 − (L/100 km − 3) ÷ 9).
    /// - price: 1 − 0.8 × price ÷ reference (the budget, or the dearest candidate).
    static func components(_ v: VehicleFacts, priceReference: Decimal) -> [RecommendationNeeds.Priority: Double] {
        [
            .range: rangeScore(v),
            .space: 0.6 * (v.seats.map { clamp(Double($0 - 2) / 5) } ?? 0.5)
                + 0.4 * (v.lengthMm.map { clamp(Double($0 - 4000) / 1300) } ?? 0.5),
            .performance: v.powerKw.map { clamp(Double($0) / 400) } ?? 0.4,
            .economy: economyScore(v),
            .price: clamp(1 - 0.8 * (v.price.decimal / Decimal.maximum(priceReference, 1)).doubleValue),
        ]
    }

    static func rangeScore(_ v: VehicleFacts) -> Double {
        switch v.powertrain {
        case .bev?: return v.rangeKm.map { clamp(Double($0) / excellentRangeKm(v.price.currency)) } ?? 0.4
        case .phev?, .erev?: return 0.55 + 0.3 * (v.rangeKm.map { clamp(Double($0) / 200) } ?? 0)
        case .hev?, .ice?: return 0.75
        case nil: return 0.5
        }
    }

    static func economyScore(_ v: VehicleFacts) -> Double {
        switch v.powertrain {
        case .bev?: return v.kwh100km.map { 1 - clamp(($0.doubleValue - 11) / 15) } ?? 0.85
        case .phev?, .erev?: return 0.7
        case .hev?, .ice?:
            return v.fuelL100km.map { 0.8 * (1 - clamp(($0.doubleValue - 3) / 9)) } ?? (v.powertrain == .hev ? 0.6 : 0.4)
        case nil: return 0.5
        }
    }

    static func clamp(_ x: Double) -> Double { Swift.min(Swift.max(x, 0), 1) }
}
