import Foundation

extension PriceQuoteCalculator {
    /// The promotions that apply, in line order, and the requested codes that were rejected.
    ///
    /// Automatic promotions that apply come first; then each requested code once
    /// (case-insensitive): unknown or not applicable → rejected; already applied → ignored.
    static func choosePromotions(_ request: PriceQuoteRequest) -> (promotions: [Promotion], rejected: [String]) {
        let applies = { (p: Promotion) in p.applies(to: request.vehicle, on: request.purchaseDate) }
        var chosen = request.promotions.filter { $0.automatic && applies($0) }
        var rejected: [String] = []
        var seen = Set<String>()
        for raw in request.promotionCodes {
            let code = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !code.isEmpty, seen.insert(code.uppercased()).inserted else { continue }
            guard let promotion = request.promotions.first(where: { $0.matches(code: code) }), applies(promotion) else {
                rejected.append(code)
                continue
            }
            if !chosen.contains(where: { $0.matches(code: promotion.code) }) { chosen.append(promotion) }
        }
        return (chosen, rejected)
    }

    /// Negative discount lines, each rounded, together never below the floor (or below zero),
    /// and the codes of the promotions left out for that reason.
    ///
    /// A promotion that would take the price below the floor is left out whole rather than
    /// trimmed: a trimmed discount would land the price exactly on the floor and so reveal it.
    /// The left-out codes get a generic reason (`PriceQuote.withheldReason`) that names no amount.
    static func discountLines(_ promotions: [Promotion], listPrice: Money, floor: Money?) -> (lines: [QuoteLine], withheld: [String]) {
        let floorUnits = max(floor?.minorUnits ?? 0, 0)
        var room = max(listPrice.minorUnits - floorUnits, 0)
        var lines: [QuoteLine] = []
        var withheld: [String] = []
        for promotion in promotions {
            let wanted = Money(decimal: promotion.discount(on: listPrice.decimal), currency: listPrice.currency)
            let taken = wanted.minorUnits
            guard taken > 0 else { continue }
            guard taken <= room else {
                withheld.append(promotion.code)
                continue
            }
            room -= taken
            let title = promotion.localizedTitle
            lines.append(QuoteLine(
                code: "promotion:\(promotion.code)",
                label: LocalizedText(zh: "\(title.zh)（\(promotion.code)）", en: "\(title.en) (\(promotion.code))"),
                amount: Money(minorUnits: -taken, currency: listPrice.currency)))
        }
        return (lines, withheld)
    }
}
