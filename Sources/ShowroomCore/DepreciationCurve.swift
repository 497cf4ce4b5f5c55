import Foundation

/// The share of a car's new price kept as it ages, by powertrain (see `TradeInAppraiser`).
struct DepreciationCurve: Sendable, Hashable {
    var powertrain: Powertrain
    /// Share lost in the first year.
    var firstYear: Decimal
    /// Share of the remaining value lost in each later year.
    var perYear: Decimal
    /// Retention never falls below this share (parts and scrap value).
    static let minimumRetention = Decimal(string: "0.08")!

    init(_ powertrain: Powertrain) {
        self.powertrain = powertrain
        switch powertrain {
        case .bev: (firstYear, perYear) = (Decimal(string: "0.22")!, Decimal(string: "0.14")!)
        case .phev, .erev: (firstYear, perYear) = (Decimal(string: "0.18")!, Decimal(string: "0.12")!)
        case .hev, .ice: (firstYear, perYear) = (Decimal(string: "0.15")!, Decimal(string: "0.11")!)
        }
    }

    /// Retention at an age in years: compound by whole years, linear within the last one.
    func retention(ageYears age: Decimal) -> Decimal {
        if age <= 1 { return 1 - firstYear * age }
        let later = age - 1
        let whole = NSDecimalNumber(decimal: later.roundedDown()).intValue
        let fraction = later - Decimal(whole)
        let value = (1 - firstYear) * pow(1 - perYear, whole) * (1 - perYear * fraction)
        return Decimal.maximum(value, Self.minimumRetention)
    }
}

extension Decimal {
    /// The integer part toward negative infinity.
    fileprivate func roundedDown() -> Decimal {
        var value = self
        var result = Decimal()
        NSDecimalRound(&result, &value, 0, .down)
        return result
    }
}
