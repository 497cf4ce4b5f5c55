import Foundation

/// A store promotion from `catalog/stores.yaml` (`promotions:`) or the `promotions` table.
///
/// `kind` `amount` takes `value` whole currency units off the list price; `percent` takes
/// `value` % of the list price. Optional `make`/`model`/`powertrain`/`condition` filters must
/// all match; `starts_on...ends_on` is inclusive (either end may be open). `automatic`
/// promotions apply without a code; the others only when the customer gives the code.
public struct Promotion: Sendable, Hashable, Codable {
    /// How `value` is read.
    public enum Kind: String, Sendable, Codable, Hashable { case amount, percent }

    public var code: String
    public var title: String
    public var titleZh: String
    public var kind: Kind
    public var value: Decimal
    public var make: String?
    public var model: String?
    public var powertrain: Powertrain?
    public var condition: VehicleCondition?
    public var automatic: Bool
    public var startsOn: LocalDate?
    public var endsOn: LocalDate?
    public var active: Bool

    public init(code: String, title: String, titleZh: String, kind: Kind, value: Decimal, make: String? = nil,
                model: String? = nil, powertrain: Powertrain? = nil, condition: VehicleCondition? = nil,
                automatic: Bool = false, startsOn: LocalDate? = nil, endsOn: LocalDate? = nil, active: Bool = true) {
        self.code = code
        self.title = title
        self.titleZh = titleZh
        self.kind = kind
        self.value = value
        self.make = make
        self.model = model
        self.powertrain = powertrain
        self.condition = condition
        self.automatic = automatic
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.active = active
    }

    enum CodingKeys: String, CodingKey {
        case code, title, kind, value, make, model, powertrain, condition, automatic, active
        case titleZh = "title_zh", startsOn = "starts_on", endsOn = "ends_on"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        code = try c.decode(String.self, forKey: .code)
        title = try c.decode(String.self, forKey: .title)
        titleZh = try c.decodeIfPresent(String.self, forKey: .titleZh) ?? title
        kind = try c.decode(Kind.self, forKey: .kind)
        value = try c.decodeDecimal(forKey: .value)
        make = try c.decodeIfPresent(String.self, forKey: .make)
        model = try c.decodeIfPresent(String.self, forKey: .model)
        powertrain = try c.decodeIfPresent(Powertrain.self, forKey: .powertrain)
        condition = try c.decodeIfPresent(VehicleCondition.self, forKey: .condition)
        automatic = try c.decodeIfPresent(Bool.self, forKey: .automatic) ?? false
        startsOn = try c.decodeIfPresent(LocalDate.self, forKey: .startsOn)
        endsOn = try c.decodeIfPresent(LocalDate.self, forKey: .endsOn)
        active = try c.decodeIfPresent(Bool.self, forKey: .active) ?? true
        guard value > 0, kind == .amount || value <= 100 else {
            throw DecodingError.dataCorruptedError(
                forKey: .value, in: c, debugDescription: "promotion \(code): value must be > 0 (and ≤ 100 for percent)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(code, forKey: .code)
        try c.encode(title, forKey: .title)
        try c.encode(titleZh, forKey: .titleZh)
        try c.encode(kind, forKey: .kind)
        try c.encode(value.doubleValue, forKey: .value)
        try c.encodeIfPresent(make, forKey: .make)
        try c.encodeIfPresent(model, forKey: .model)
        try c.encodeIfPresent(powertrain, forKey: .powertrain)
        try c.encodeIfPresent(condition, forKey: .condition)
        try c.encode(automatic, forKey: .automatic)
        try c.encodeIfPresent(startsOn, forKey: .startsOn)
        try c.encodeIfPresent(endsOn, forKey: .endsOn)
        try c.encode(active, forKey: .active)
    }

    /// Whether the promotion covers this vehicle on this day (active, in its window, filters match).
    public func applies(to vehicle: QuoteVehicle, on day: LocalDate) -> Bool {
        func same(_ filter: String?, _ value: String) -> Bool {
            guard let filter else { return true }
            return filter.caseInsensitiveCompare(value) == .orderedSame
        }
        return active
            && startsOn.map { $0 <= day } ?? true
            && endsOn.map { day <= $0 } ?? true
            && same(make, vehicle.make) && same(model, vehicle.model)
            && (powertrain.map { $0 == vehicle.powertrain } ?? true)
            && (condition.map { $0 == vehicle.condition } ?? true)
    }

    /// The exact discount on a list price (whole units, not yet rounded).
    public func discount(on listPrice: Decimal) -> Decimal {
        kind == .amount ? value : listPrice * value / 100
    }

    /// Whether `text` names this promotion (codes compare case-insensitively, trimmed).
    public func matches(code text: String) -> Bool {
        code.caseInsensitiveCompare(text.trimmingCharacters(in: .whitespacesAndNewlines)) == .orderedSame
    }

    /// The title in both languages.
    public var localizedTitle: LocalizedText { LocalizedText(zh: titleZh, en: title) }
}
