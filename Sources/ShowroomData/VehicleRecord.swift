import Foundation
import ShowroomCore

/// A customer-safe view of one inventory unit: no floor price, no cost.
///
/// Staff-only amounts are read by `InventoryRepository.staffPrices` alone, so no
/// customer-facing path can carry them by accident.
public struct VehicleRecord: Sendable, Hashable, Codable {
    public var id: Int64
    public var storeID: StoreID
    public var stockNumber: String
    public var vin: String
    public var make: String
    public var model: String
    public var makeZh: String?
    public var modelZh: String?
    public var trim: String
    public var year: Int
    public var condition: VehicleCondition
    public var bodyType: BodyType?
    public var powertrain: Powertrain?
    public var drivetrain: Drivetrain?
    public var seats: Int?
    public var rangeKm: Int?
    public var mileageKm: Int
    public var exteriorColor: String?
    public var interiorColor: String?
    public var price: Money
    public var msrp: Money?
    public var status: UnitStatus
    public var dateInStock: String?
    public var trimID: Int?
    public var modelID: Int

    /// The vehicle card of api.md.
    public var card: JSONValue {
        var o: [String: JSONValue] = [
            "type": "vehicle", "stock_number": .string(stockNumber), "vin": .string(vin),
            "year": .number(Double(year)), "make": .string(make), "model": .string(model), "trim": .string(trim),
            "condition": .string(condition.rawValue), "price": price.json,
            "status": .string(status.rawValue),
        ]
        if let r = rangeKm { o["range_km"] = .number(Double(r)) }
        if condition != .new || mileageKm > 0 { o["mileage_km"] = .number(Double(mileageKm)) }
        if let b = bodyType { o["body_type"] = .string(b.rawValue) }
        if let p = powertrain { o["powertrain"] = .string(p.rawValue) }
        if let s = seats { o["seats"] = .number(Double(s)) }
        if let c = exteriorColor { o["color"] = .string(c) }
        if let z = makeZh { o["make_zh"] = .string(z) }
        if let z = modelZh { o["model_zh"] = .string(z) }
        return .object(o)
    }

    /// "2025 BYD Han EV 605km" / "2025 比亚迪汉 EV 605km" style title (the brand written once, see `VehicleName`).
    public func title(_ language: Language) -> String {
        VehicleName.title(year: year, make: make, model: model, makeZh: makeZh, modelZh: modelZh, trim: trim, language: language)
    }
}
