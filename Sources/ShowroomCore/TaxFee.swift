import Foundation

/// A fixed fee a store charges on every purchase (上牌费, 交强险, DMV registration, doc fee).
///
/// `amount` is in whole units of the store's currency with up to two decimals. A fee marked
/// `insurance` (e.g. 交强险 compulsory traffic insurance) is included in a quote only when the
/// customer asks for insurance to be included; all other fees are always included.
public struct TaxFee: Sendable, Hashable, Codable {
    public var code: String
    public var label: String
    public var labelZh: String
    public var amount: Decimal
    public var insurance: Bool

    public init(code: String, label: String, labelZh: String, amount: Decimal, insurance: Bool = false) {
        self.code = code
        self.label = label
        self.labelZh = labelZh
        self.amount = amount
        self.insurance = insurance
    }

    enum CodingKeys: String, CodingKey {
        case code, label, amount, insurance
        case labelZh = "label_zh"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        code = try c.decode(String.self, forKey: .code)
        label = try c.decode(String.self, forKey: .label)
        labelZh = try c.decodeIfPresent(String.self, forKey: .labelZh) ?? label
        amount = try c.decodeDecimal(forKey: .amount)
        insurance = try c.decodeIfPresent(Bool.self, forKey: .insurance) ?? false
        guard amount >= 0 else {
            throw DecodingError.dataCorruptedError(forKey: .amount, in: c, debugDescription: "fee \(code): amount must be ≥ 0")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(code, forKey: .code)
        try c.encode(label, forKey: .label)
        try c.encode(labelZh, forKey: .labelZh)
        try c.encode(amount.doubleValue, forKey: .amount)
        try c.encode(insurance, forKey: .insurance)
    }

    /// The fee's label in both languages.
    public var localizedLabel: LocalizedText { LocalizedText(zh: labelZh, en: label) }
}
