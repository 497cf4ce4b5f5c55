import Foundation

/// How a store taxes a car sale: decoded from `tax_profile` in `catalog/stores.yaml`.
///
/// - `cn` (Shanghai): list prices include VAT (`vat_pct`, 13); 购置税 is `purchase_tax_pct` (10)
///   of the pre-VAT price, i.e. price ÷ 1.13 × 10 %; `nev_relief` waives part of it for NEVs.
/// - `us` (San Francisco): `sales_tax_pct` (8.625) on the price, less the trade-in when
///   `trade_in_credit` is true (the default for `us`; California taxes the price less the trade-in).
/// Percentages are in percent (13 means 13 %). `fees` are added to every quote (see `TaxFee`).
public struct TaxProfile: Sendable, Hashable, Codable {
    /// Which tax system applies.
    public enum Kind: String, Sendable, Codable, Hashable { case cn, us }

    public var kind: Kind
    public var vatPct: Decimal
    public var purchaseTaxPct: Decimal
    public var nevRelief: NEVRelief?
    public var salesTaxPct: Decimal
    public var tradeInCredit: Bool
    public var fees: [TaxFee]

    public init(kind: Kind, vatPct: Decimal = 0, purchaseTaxPct: Decimal = 0, nevRelief: NEVRelief? = nil,
                salesTaxPct: Decimal = 0, tradeInCredit: Bool = false, fees: [TaxFee] = []) {
        self.kind = kind
        self.vatPct = vatPct
        self.purchaseTaxPct = purchaseTaxPct
        self.nevRelief = nevRelief
        self.salesTaxPct = salesTaxPct
        self.tradeInCredit = tradeInCredit
        self.fees = fees
    }

    enum CodingKeys: String, CodingKey {
        case kind, fees
        case vatPct = "vat_pct", purchaseTaxPct = "purchase_tax_pct", nevRelief = "nev_relief"
        case salesTaxPct = "sales_tax_pct", tradeInCredit = "trade_in_credit"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        kind = try c.decode(Kind.self, forKey: .kind)
        vatPct = try c.decodeDecimalIfPresent(forKey: .vatPct) ?? 0
        purchaseTaxPct = try c.decodeDecimalIfPresent(forKey: .purchaseTaxPct) ?? 0
        nevRelief = try c.decodeIfPresent(NEVRelief.self, forKey: .nevRelief)
        salesTaxPct = try c.decodeDecimalIfPresent(forKey: .salesTaxPct) ?? 0
        tradeInCredit = try c.decodeIfPresent(Bool.self, forKey: .tradeInCredit) ?? (kind == .us)
        fees = try c.decodeIfPresent([TaxFee].self, forKey: .fees) ?? []
        for (key, pct) in [(CodingKeys.vatPct, vatPct), (.purchaseTaxPct, purchaseTaxPct), (.salesTaxPct, salesTaxPct)]
        where pct < 0 || pct > 100 {
            throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: "\(key.rawValue) must be 0...100")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(vatPct.doubleValue, forKey: .vatPct)
        try c.encode(purchaseTaxPct.doubleValue, forKey: .purchaseTaxPct)
        try c.encodeIfPresent(nevRelief, forKey: .nevRelief)
        try c.encode(salesTaxPct.doubleValue, forKey: .salesTaxPct)
        try c.encode(tradeInCredit, forKey: .tradeInCredit)
        try c.encode(fees, forKey: .fees)
    }

    /// Decodes the JSON form held in the `stores.tax_profile` column; errors name the field.
    public static func decode(_ json: JSONValue) throws -> TaxProfile {
        do { return try json.decode(as: TaxProfile.self) } catch let error as DecodingError {
            throw ShowroomError.invalid("tax_profile: \(error.showroomDescription)")
        }
    }
}
