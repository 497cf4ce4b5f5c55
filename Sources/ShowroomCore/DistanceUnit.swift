import Foundation

/// How a store shows distances to its customers: miles in the US, kilometres elsewhere.
///
/// Every distance is stored and passed between tools in km (`range_km`, `mileage_km`, as
/// tools.md says); this only decides what a customer reads. A store priced in USD is a US
/// store, so its unit is the mile. Conversion uses the exact international mile (1.609344 km)
/// and rounds half-up.
public enum DistanceUnit: String, Sendable, Hashable {
    case km
    case miles

    public static let kmPerMile = Decimal(string: "1.609344")!

    public init(currency: Currency) { self = currency == .USD ? .miles : .km }

    /// A distance given in km, in this unit, rounded half-up to `scale` decimals
    /// (a negative scale rounds to tens, hundreds ...).
    public func value(km: Decimal, scale: Int = 0) -> Decimal {
        (self == .km ? km : km / Self.kmPerMile).roundedHalfUp(scale: scale)
    }

    /// The unit's short name in each language: km / 公里, mi / 英里.
    public var symbol: LocalizedText {
        self == .km ? LocalizedText(zh: "公里", en: "km") : LocalizedText(zh: "英里", en: "mi")
    }

    /// A distance in km written in this unit with thousands separators: "24,748 mi", "1,200 公里".
    public func text(km: Decimal, scale: Int = 0) -> LocalizedText {
        let n = value(km: km, scale: scale).formattedNumber(scale: max(scale, 0))
        return LocalizedText(zh: "\(n) \(symbol.zh)", en: "\(n) \(symbol.en)")
    }

    /// `text(km:)` for whole kilometres.
    public func text(km: Int) -> LocalizedText { text(km: Decimal(km)) }
}
