/// Body types of routing.md; raw values are the spec's strings.
public enum BodyType: String, Sendable, Codable, CaseIterable, Hashable {
    case sedan, suv, mpv, hatchback, coupe, pickup, wagon, convertible
}

/// Powertrains of routing.md. `bev`, `phev` and `erev` are NEVs (new-energy vehicles).
public enum Powertrain: String, Sendable, Codable, CaseIterable, Hashable {
    case bev, phev, erev, hev, ice

    /// New-energy vehicle under Chinese purchase-tax rules.
    public var isNEV: Bool { self == .bev || self == .phev || self == .erev }
}

/// Driven wheels.
public enum Drivetrain: String, Sendable, Codable, CaseIterable, Hashable {
    case awd, fwd, rwd
}

/// Condition of an inventory unit.
public enum VehicleCondition: String, Sendable, Codable, CaseIterable, Hashable {
    case new, used, cpo
}

/// Condition grade of a trade-in vehicle.
public enum TradeInCondition: String, Sendable, Codable, CaseIterable, Hashable {
    case excellent, good, fair, poor
}

/// Status of an inventory unit.
public enum UnitStatus: String, Sendable, Codable, CaseIterable, Hashable {
    case available, hold, sold, inTransit = "in_transit"
}

/// A store id such as `sh-pudong` (ASCII, lower case).
public struct StoreID: RawRepresentable, Sendable, Codable, Hashable, CustomStringConvertible, ExpressibleByStringLiteral {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ raw: String) { self.rawValue = raw }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }
}

/// Customer language of a turn or session.
public enum Language: String, Sendable, Codable, Hashable {
    case zh, en

    /// From a BCP 47 locale such as `zh-CN` or `en-US`.
    public init(locale: String?) {
        self = (locale?.lowercased().hasPrefix("zh") ?? false) ? .zh : .en
    }
}
