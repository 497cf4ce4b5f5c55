/// Normalized slots of routing.md. Unset slots are nil and are omitted from JSON.
///
/// Amounts are whole currency units; distances km. The same type is the conversation's
/// accumulated customer profile (`merged(with:)`).
public struct Slots: Sendable, Codable, Hashable {
    public var make: String?
    public var model: String?
    /// A model name written right after a make that the catalog does not know ("Toyota Supra",
    /// "丰田Supra", "BMW M3"), as the customer wrote it; `model` stays unset. It lets a search say
    /// the dealer does not carry that model instead of showing the make's cars as if they were it.
    /// It describes this turn only: a newer turn's value (or its absence) replaces it in a profile.
    public var unknownModel: String?
    public var bodyType: BodyType?
    public var powertrain: Powertrain?
    public var condition: VehicleCondition?
    public var priceMin: Int?
    public var priceMax: Int?
    public var currency: Currency?
    public var seatsMin: Int?
    public var rangeMinKm: Int?
    public var drivetrain: Drivetrain?
    public var yearMin: Int?
    public var mileageMaxKm: Int?
    public var color: String?
    public var stockNumber: String?
    public var vin: String?
    public var termMonths: Int?
    public var downPaymentPct: Int?

    public init() {}

    enum CodingKeys: String, CodingKey {
        case make, model
        case unknownModel = "unknown_model"
        case bodyType = "body_type"
        case powertrain, condition
        case priceMin = "price_min"
        case priceMax = "price_max"
        case currency
        case seatsMin = "seats_min"
        case rangeMinKm = "range_min_km"
        case drivetrain
        case yearMin = "year_min"
        case mileageMaxKm = "mileage_max_km"
        case color
        case stockNumber = "stock_number"
        case vin
        case termMonths = "term_months"
        case downPaymentPct = "down_payment_pct"
    }

    /// True when no slot is set.
    public var isEmpty: Bool { self == Slots() }

    /// This profile refined by a newer turn: every slot the newer turn sets wins.
    ///
    /// A new make without a model clears the old model (a different brand's model
    /// would contradict it), and so does a model the catalog does not know (the customer asked
    /// for another car); a new price bound replaces the pair only where set. `unknownModel` is
    /// never carried over: it is the newer turn's.
    public func merged(with newer: Slots) -> Slots {
        var out = self
        if let m = newer.make {
            if m != make { out.model = nil }
            out.make = m
        }
        if let v = newer.model { out.model = v }
        if newer.unknownModel != nil, newer.model == nil { out.model = nil }
        out.unknownModel = newer.unknownModel
        if let v = newer.bodyType { out.bodyType = v }
        if let v = newer.powertrain { out.powertrain = v }
        if let v = newer.condition { out.condition = v }
        if newer.priceMin != nil || newer.priceMax != nil {
            out.priceMin = newer.priceMin
            out.priceMax = newer.priceMax
        }
        if let v = newer.currency { out.currency = v }
        if let v = newer.seatsMin { out.seatsMin = v }
        if let v = newer.rangeMinKm { out.rangeMinKm = v }
        if let v = newer.drivetrain { out.drivetrain = v }
        if let v = newer.yearMin { out.yearMin = v }
        if let v = newer.mileageMaxKm { out.mileageMaxKm = v }
        if let v = newer.color { out.color = v }
        if let v = newer.stockNumber { out.stockNumber = v }
        if let v = newer.vin { out.vin = v }
        if let v = newer.termMonths { out.termMonths = v }
        if let v = newer.downPaymentPct { out.downPaymentPct = v }
        return out
    }
}

/// The router's decision for one turn (routing.md, the `route` command's JSON).
public struct RouteDecision: Sendable, Codable, Hashable {
    public var intent: Intent
    public var agent: String
    public var confidence: Double
    public var slots: Slots

    public init(intent: Intent, confidence: Double, slots: Slots) {
        self.intent = intent
        self.agent = intent.agent
        self.confidence = confidence
        self.slots = slots
    }
}
