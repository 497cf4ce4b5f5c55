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
        let age = ageYears.formattedNumber(scale: 1)
        let kept = Self.percent(retention, scale: 0)
        let first = Self.percent(curve.firstYear, scale: 0)
        let later = Self.percent(curve.perYear, scale: 0)
        let kind = curve.powertrain.localizedName
        let ageText = LocalizedText(
            zh: "车龄约 \(age) 年，按\(kind.zh)车折旧曲线（首年 \(first)，此后每年 \(later)）约保值 \(kept)",
            en: "About \(age) years old; \(kind.en) depreciation (\(first) the first year, \(later) a year after): about \(kept) of new kept")
        // In the store's unit (a US store's customer gave miles), to the nearest hundred.
        let unit = DistanceUnit(currency: request.referenceNewPrice.currency)
        let actual = unit.text(km: Decimal(request.mileageKm), scale: -2)
        let expected = unit.text(km: expectedKm, scale: -2)
        let sign = mileageAdjustment > 0 ? "+" : ""
        let adjust = sign + Self.percent(mileageAdjustment, scale: 1)
        let mileage = LocalizedText(
            zh: "行驶 \(actual.zh)，同龄车平均约 \(expected.zh)：\(adjust)",
            en: "\(actual.en) vs about \(expected.en) average for its age: \(adjust)")
        let name = condition.localizedName
        let factor = multiplier.formattedNumber(scale: 2)
        let conditionText = request.condition == nil
            ? LocalizedText(zh: "车况未说明，按“良好”估算", en: "Condition not stated; assumed good")
            : LocalizedText(zh: "车况：\(name.zh)（×\(factor)）", en: "Condition: \(name.en) (×\(factor))")
        let band = Self.percent(TradeInAppraiser.band, scale: 0)
        let final = LocalizedText(zh: "估价区间 ±\(band)，仅供参考；最终收购价以到店验车为准",
                                  en: "Range ±\(band), for information only; an in-person inspection sets the actual trade-in value")
        return [reference, ageText, mileage, conditionText, final]
    }

    static func percent(_ share: Decimal, scale: Int) -> String { (share * 100).formattedNumber(scale: scale) + "%" }
}
