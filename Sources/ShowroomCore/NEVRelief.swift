import Foundation

/// China's new-energy-vehicle purchase-tax relief: a share of 购置税 waived in a date window, capped.
///
/// For 2026–2027 the tax on a bev/phev/erev is halved (`factor` 0.5 is the share WAIVED) and the
/// amount waived is capped at 15,000 CNY per car (`cap`, whole units of the store's currency).
/// The window `from...to` is inclusive and compared with the purchase date.
public struct NEVRelief: Sendable, Hashable, Codable {
    public var from: LocalDate
    public var to: LocalDate
    public var factor: Decimal
    public var cap: Decimal?

    public init(from: LocalDate, to: LocalDate, factor: Decimal, cap: Decimal?) {
        self.from = from
        self.to = to
        self.factor = factor
        self.cap = cap
    }

    enum CodingKeys: String, CodingKey { case from, to, factor, cap }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        from = try c.decode(LocalDate.self, forKey: .from)
        to = try c.decode(LocalDate.self, forKey: .to)
        factor = try c.decodeDecimal(forKey: .factor)
        cap = try c.decodeDecimalIfPresent(forKey: .cap)
        guard factor >= 0, factor <= 1 else {
            throw DecodingError.dataCorruptedError(forKey: .factor, in: c, debugDescription: "nev_relief.factor must be 0...1")
        }
        guard from <= to else {
            throw DecodingError.dataCorruptedError(forKey: .to, in: c, debugDescription: "nev_relief.to is before from")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(from, forKey: .from)
        try c.encode(to, forKey: .to)
        try c.encode(factor.doubleValue, forKey: .factor)
        try c.encodeIfPresent(cap?.doubleValue, forKey: .cap)
    }

    /// The exact amount waived from an exact full tax on a purchase day (0 outside the window).
    public func waived(fullTax: Decimal, on day: LocalDate) -> Decimal {
        guard (from...to).contains(day) else { return 0 }
        let share = fullTax * factor
        guard let cap else { return share }
        return Decimal.minimum(share, cap)
    }
}
