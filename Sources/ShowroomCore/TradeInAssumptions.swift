import Foundation

/// The bilingual sentences that explain a trade-in estimate, built from the model's numbers.
struct TradeInAssumptions {
    var request: TradeInRequest
    var ageYears: Decimal
    var curve: DepreciationCurve
    var retention: Decimal
    var expectedKm: Decimal
    var mileageAdjustment: Decimal
    var condition: TradeInCondition
    var multiplier: Decimal

    var texts: [LocalizedText] {
        let price = request.referenceNewPrice.formatted
        var reference = LocalizedText(zh: "参考新车价 \(price)", en: "Reference new price \(price)")
        if request.referenceIsSegmentDefault {
            reference = LocalizedText(zh: "车型不在目录中，按同级别平均新车价 \(price) 估算",
                                      en: "Model not in our catalog; based on a segment-average new price of \(price)")
        }
        let age = Self.number(ageYears, scale: 1)
        let kept = Self.percent(retention, scale: 0)
        let first = Self.percent(curve.firstYear, scale: 0)
        let later = Self.percent(curve.perYear, scale: 0)
        let (kindZh, kindEn) = Self.names(curve.powertrain)
        let ageText = LocalizedText(
            zh: "车龄约 \(age) 年，按\(kindZh)折旧曲线（首年 \(first)，此后每年 \(later)）约保值 \(kept)",
            en: "About \(age) years old; \(kindEn) depreciation (\(first) the first year, \(later) a year after): about \(kept) of new kept")
        let actual = Self.km(Decimal(request.mileageKm))
        let expected = Self.km(expectedKm)
        let sign = mileageAdjustment > 0 ? "+" : ""
        let adjust = sign + Self.percent(mileageAdjustment, scale: 1)
        let mileage = LocalizedText(
            zh: "行驶 \(actual) 公里，同龄车平均约 \(expected) 公里：\(adjust)",
            en: "\(actual) km vs about \(expected) km average for its age: \(adjust)")
        let (condZh, condEn) = Self.names(condition)
        let factor = Self.number(multiplier, scale: 2)
        let conditionText = request.condition == nil
            ? LocalizedText(zh: "车况未说明，按“良好”估算", en: "Condition not stated; assumed good")
            : LocalizedText(zh: "车况：\(condZh)（×\(factor)）", en: "Condition: \(condEn) (×\(factor))")
        let band = Self.percent(TradeInAppraiser.band, scale: 0)
        let final = LocalizedText(zh: "估价区间 ±\(band)，仅供参考；最终收购价以到店验车为准",
                                  en: "Range ±\(band), for information only; the final offer follows an in-person inspection")
        return [reference, ageText, mileage, conditionText, final]
    }

    static func number(_ value: Decimal, scale: Int) -> String {
        let formatter = NumberFormatter()
        formatter.locale = Locale(identifier: "en_US")
        formatter.numberStyle = .decimal
        formatter.minimumFractionDigits = scale
        formatter.maximumFractionDigits = scale
        return formatter.string(from: NSDecimalNumber(decimal: value.roundedHalfUp(scale: scale))) ?? "\(value)"
    }

    static func percent(_ share: Decimal, scale: Int) -> String { number(share * 100, scale: scale) + "%" }

    static func km(_ value: Decimal) -> String { number(value.roundedHalfUp(scale: -2), scale: 0) }

    static func names(_ powertrain: Powertrain) -> (String, String) {
        switch powertrain {
        case .bev: return ("纯电车", "BEV")
        case .phev: return ("插电混动车", "plug-in hybrid")
        case .erev: return ("增程车", "range-extender")
        case .hev: return ("混动车", "hybrid")
        case .ice: return ("燃油车", "fuel-car")
        }
    }

    static func names(_ condition: TradeInCondition) -> (String, String) {
        switch condition {
        case .excellent: return ("优秀", "excellent")
        case .good: return ("良好", "good")
        case .fair: return ("一般", "fair")
        case .poor: return ("较差", "poor")
        }
    }
}
