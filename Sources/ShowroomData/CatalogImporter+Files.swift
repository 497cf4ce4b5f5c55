import Foundation
import ShowroomCore

/// The shapes of `catalog/stores.yaml` and `catalog/models.yaml` (see notes/catalog-format.md).
extension CatalogImporter {
    struct StoresFile: Decodable {
        var stores: [StoreEntry]
        enum CodingKeys: String, CodingKey, CaseIterable { case stores }
    }

    struct StoreEntry: Decodable {
        var id: String
        var name: String
        var nameZh: String?
        var city: String
        var currency: Currency
        var locale: String
        var timezone: String
        var address: String
        var phone: String
        var email: String?
        var publishableKey: String
        var allowedOrigins: [String]?
        var hours: [String: String]
        var taxProfile: JSONValue
        var settings: JSONValue?
        var promotions: [Promotion]?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case id, name, city, currency, locale, timezone, address, phone, email, hours, settings, promotions
            case nameZh = "name_zh", publishableKey = "publishable_key", allowedOrigins = "allowed_origins"
            case taxProfile = "tax_profile"
        }
    }

    static let promotionKeys: Set<String> = [
        "code", "title", "title_zh", "kind", "value", "make", "model", "powertrain", "condition", "automatic",
        "starts_on", "ends_on", "active",
    ]

    struct ModelsFile: Decodable {
        var makes: [MakeEntry]
        enum CodingKeys: String, CodingKey, CaseIterable { case makes }
    }

    struct MakeEntry: Decodable {
        var make: String
        var nameZh: String?
        var aliases: [String]?
        var country: String?
        var models: [ModelEntry]

        enum CodingKeys: String, CodingKey, CaseIterable {
            case make, aliases, country, models
            case nameZh = "name_zh"
        }
    }

    struct ModelEntry: Decodable {
        var model: String
        var nameZh: String?
        var aliases: [String]?
        var bodyType: BodyType
        var powertrain: Powertrain
        var seats: Int
        var trims: [TrimEntry]

        enum CodingKeys: String, CodingKey, CaseIterable {
            case model, aliases, powertrain, seats, trims
            case nameZh = "name_zh", bodyType = "body_type"
        }
    }

    struct TrimEntry: Decodable {
        var trim: String
        var year: Int
        var powertrain: Powertrain?
        var drivetrain: Drivetrain?
        var bodyType: BodyType?
        var seats: Int?
        var priceCNY: Decimal?
        var priceUSD: Decimal?
        var rangeKm: Int?
        var fuelL100km: Decimal?
        var mpgCombined: Int?
        var kwh100km: Decimal?
        var powerKw: Int?
        var batteryKwh: Decimal?
        var lengthMm: Int?
        var widthMm: Int?
        var heightMm: Int?
        var wheelbaseMm: Int?
        var accel0to100: Decimal?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case trim, year, powertrain, drivetrain, seats
            case bodyType = "body_type", priceCNY = "price_cny", priceUSD = "price_usd", rangeKm = "range_km"
            case fuelL100km = "fuel_l_100km", mpgCombined = "mpg_combined", kwh100km = "kwh_100km"
            case powerKw = "power_kw", batteryKwh = "battery_kwh", lengthMm = "length_mm", widthMm = "width_mm"
            case heightMm = "height_mm", wheelbaseMm = "wheelbase_mm", accel0to100 = "accel_0_100_s"
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            trim = try c.decode(String.self, forKey: .trim)
            year = try c.decode(Int.self, forKey: .year)
            powertrain = try c.decodeIfPresent(Powertrain.self, forKey: .powertrain)
            drivetrain = try c.decodeIfPresent(Drivetrain.self, forKey: .drivetrain)
            bodyType = try c.decodeIfPresent(BodyType.self, forKey: .bodyType)
            seats = try c.decodeIfPresent(Int.self, forKey: .seats)
            priceCNY = try c.decodeDecimalIfPresent(forKey: .priceCNY)
            priceUSD = try c.decodeDecimalIfPresent(forKey: .priceUSD)
            rangeKm = try c.decodeIfPresent(Int.self, forKey: .rangeKm)
            fuelL100km = try c.decodeDecimalIfPresent(forKey: .fuelL100km)
            mpgCombined = try c.decodeIfPresent(Int.self, forKey: .mpgCombined)
            kwh100km = try c.decodeDecimalIfPresent(forKey: .kwh100km)
            powerKw = try c.decodeIfPresent(Int.self, forKey: .powerKw)
            batteryKwh = try c.decodeDecimalIfPresent(forKey: .batteryKwh)
            lengthMm = try c.decodeIfPresent(Int.self, forKey: .lengthMm)
            widthMm = try c.decodeIfPresent(Int.self, forKey: .widthMm)
            heightMm = try c.decodeIfPresent(Int.self, forKey: .heightMm)
            wheelbaseMm = try c.decodeIfPresent(Int.self, forKey: .wheelbaseMm)
            accel0to100 = try c.decodeDecimalIfPresent(forKey: .accel0to100)
        }
    }

    /// The columns of `catalog/inventory.csv`, in the documented order.
    static let inventoryColumns = [
        "store_id", "stock_number", "vin", "make", "model", "trim", "year", "condition", "mileage_km",
        "exterior_color", "interior_color", "list_price", "msrp", "floor_price", "cost", "status", "date_in_stock",
    ]
}
