import Foundation

/// The facts about one candidate unit that recommendation scoring and its reasons use.
///
/// `id` is the stock number. `rangeKm` is the electric range as published for the store's
/// market (CLTC for CNY stores, EPA for USD stores). `fuelL100km` is fuel use in L/100 km,
/// `kwh100km` electric use in kWh/100 km. Unknown facts are nil and score neutrally.
public struct VehicleFacts: Sendable, Hashable {
    public var id: String
    public var make: String
    public var model: String
    public var trim: String?
    public var bodyType: BodyType?
    public var powertrain: Powertrain?
    public var seats: Int?
    public var price: Money
    public var rangeKm: Int?
    public var fuelL100km: Decimal?
    public var kwh100km: Decimal?
    public var powerKw: Int?
    public var lengthMm: Int?
    public var year: Int
    public var condition: VehicleCondition
    public var mileageKm: Int

    public init(id: String, make: String, model: String, trim: String? = nil, bodyType: BodyType? = nil,
                powertrain: Powertrain? = nil, seats: Int? = nil, price: Money, rangeKm: Int? = nil,
                fuelL100km: Decimal? = nil, kwh100km: Decimal? = nil, powerKw: Int? = nil, lengthMm: Int? = nil,
                year: Int, condition: VehicleCondition = .new, mileageKm: Int = 0) {
        self.id = id
        self.make = make
        self.model = model
        self.trim = trim
        self.bodyType = bodyType
        self.powertrain = powertrain
        self.seats = seats
        self.price = price
        self.rangeKm = rangeKm
        self.fuelL100km = fuelL100km
        self.kwh100km = kwh100km
        self.powerKw = powerKw
        self.lengthMm = lengthMm
        self.year = year
        self.condition = condition
        self.mileageKm = mileageKm
    }

    /// The key for "one pick per model": make and model, case-insensitive.
    public var modelKey: String { "\(make.lowercased())|\(model.lowercased())" }
}
