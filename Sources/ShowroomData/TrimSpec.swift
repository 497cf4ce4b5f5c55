import Foundation
import ShowroomCore

/// Published specs of one trim (reference catalog), as `get_vehicle` and `compare_models` show them.
public struct TrimSpec: Sendable, Hashable, Codable {
    public var id: Int
    public var make: String
    public var model: String
    public var makeZh: String?
    public var modelZh: String?
    public var trim: String
    public var year: Int
    public var bodyType: BodyType?
    public var powertrain: Powertrain?
    public var drivetrain: Drivetrain?
    public var seats: Int?
    public var priceCNY: Decimal?
    public var priceUSD: Decimal?
    public var rangeKm: Int?
    public var fuelL100km: Double?
    public var kwh100km: Double?
    public var powerKw: Int?
    public var batteryKwh: Double?
    public var lengthMm: Int?
    public var widthMm: Int?
    public var heightMm: Int?
    public var wheelbaseMm: Int?
    public var accel0to100: Double?

    /// The published price in a currency, if the trim is sold in that market.
    public func price(in currency: Currency) -> Money? {
        switch currency {
        case .CNY: priceCNY.map { Money(decimal: $0, currency: .CNY) }
        case .USD: priceUSD.map { Money(decimal: $0, currency: .USD) }
        }
    }
}
