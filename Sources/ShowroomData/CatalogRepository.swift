import Foundation
import PostgresNIO
import ShowroomCore

/// Reads the reference catalog: names for the router's lexicon, name resolution, trim specs.
public struct CatalogRepository: Sendable {
    public let db: Database

    public init(db: Database) { self.db = db }

    /// One make or model and every name that refers to it (canonical, Chinese, aliases).
    public struct NameEntry: Sendable, Hashable {
        public var make: String
        public var model: String?
        public var names: [String]
    }

    /// Every catalog make and model with its names, for the embedded router's lexicon.
    /// Reference rows (EPA, NEV imports) are left out: the lexicon is the dealer's catalog.
    public func nameEntries() async throws -> [NameEntry] {
        var out: [NameEntry] = []
        for row in try await db.rows("SELECT name, name_zh, aliases FROM makes ORDER BY name") {
            let (name, zh, aliases) = try row.decode((String, String?, [String]).self)
            out.append(NameEntry(make: name, model: nil, names: [name] + (zh.map { [$0] } ?? []) + aliases))
        }
        for row in try await db.rows("""
            SELECT mk.name, m.name, m.name_zh, m.aliases FROM models m JOIN makes mk ON mk.id = m.make_id
            WHERE m.source = 'catalog' ORDER BY mk.name, m.name
            """)
        {
            let (make, name, zh, aliases) = try row.decode((String, String, String?, [String]).self)
            out.append(NameEntry(make: make, model: name, names: [name] + (zh.map { [$0] } ?? []) + aliases))
        }
        return out
    }

    /// Canonical (make, model) for free-text names, or nil when the asked model (or, with no
    /// model, the make) matches nothing or a model name is ambiguous. See `match` for the details.
    public func resolve(make: String?, model: String?) async throws -> (make: String, model: String?)? {
        let m = try await match(make: make, model: model)
        if m.requestedModel != nil {
            guard let one = m.model, let mk = m.make else { return nil }
            return (mk, one)
        }
        return m.make.map { ($0, nil) }
    }

    /// Catalog trims of a model (newest first), optionally narrowed by a trim name.
    public func trims(make: String, model: String, trim: String? = nil) async throws -> [TrimSpec] {
        try await db.rows("""
            \(unescaped: Self.trimSelect)
            WHERE mk.name = \(make) AND m.name = \(model) AND m.source = 'catalog' AND t.source = 'catalog'
              AND (\(trim)::text IS NULL OR t.name ILIKE '%' || \(trim) || '%')
            ORDER BY t.year DESC, t.name
            """).map(Self.decodeTrim)
    }

    /// The trim spec by id.
    public func trim(id: Int) async throws -> TrimSpec? {
        try await db.rows("""
            \(unescaped: Self.trimSelect)
            WHERE t.id = \(id)
            """).first.map(Self.decodeTrim)
    }

    static let trimSelect = """
        SELECT t.id, mk.name, m.name, mk.name_zh, m.name_zh, t.name, t.year,
               coalesce(t.body_type, m.body_type), coalesce(t.powertrain, m.powertrain), t.drivetrain,
               coalesce(t.seats, m.seats), t.price_cny::text, t.price_usd::text, t.range_km,
               t.fuel_l_100km::float8, t.kwh_100km::float8, t.power_kw, t.battery_kwh::float8,
               t.length_mm, t.width_mm, t.height_mm, t.wheelbase_mm, t.accel_0_100_s::float8
        FROM trims t JOIN models m ON m.id = t.model_id JOIN makes mk ON mk.id = m.make_id
        """

    static func decodeTrim(_ row: PostgresRow) throws -> TrimSpec {
        let c = Array(row)
        func os(_ i: Int) throws -> String? { try c[i].decode(String?.self) }
        func oi(_ i: Int) throws -> Int? { try c[i].decode(Int?.self) }
        func od(_ i: Int) throws -> Double? { try c[i].decode(Double?.self) }
        return TrimSpec(
            id: try c[0].decode(Int.self), make: try c[1].decode(String.self), model: try c[2].decode(String.self),
            makeZh: try os(3), modelZh: try os(4), trim: try c[5].decode(String.self), year: try c[6].decode(Int.self),
            bodyType: try os(7).flatMap(BodyType.init(rawValue:)), powertrain: try os(8).flatMap(Powertrain.init(rawValue:)),
            drivetrain: try os(9).flatMap(Drivetrain.init(rawValue:)), seats: try oi(10),
            priceCNY: try os(11).flatMap { Decimal(string: $0) }, priceUSD: try os(12).flatMap { Decimal(string: $0) },
            rangeKm: try oi(13), fuelL100km: try od(14), kwh100km: try od(15), powerKw: try oi(16), batteryKwh: try od(17),
            lengthMm: try oi(18), widthMm: try oi(19), heightMm: try oi(20), wheelbaseMm: try oi(21), accel0to100: try od(22))
    }
}
