import Foundation

/// Computes an itemised out-the-door price from a store's `TaxProfile` (pure, no I/O).
///
/// Order of the lines and the rules (tools.md):
/// 1. `list_price`.
/// 2. One `promotion:<CODE>` line per applying promotion: automatic ones first (store order),
///    then requested codes in the order given. Percent promotions are a share of the list
///    price (they do not compound). The sum never takes the price below the floor price: each
///    line takes what room is left, a line left with nothing is dropped, and nothing in the
///    quote reveals the floor. A promotion left out for that reason is listed in
///    `withheldPromotions` with a generic reason.
/// 3. Taxes on the discounted price (the invoice price):
///    - `cn`: `purchase_tax` = discounted ÷ (1 + vat %) × purchase-tax %; for NEVs bought in the
///      relief window, `nev_relief` (negative) = the rounded full tax − the rounded tax due,
///      where tax due = round(full − min(full × factor, cap)), so the lines add up to what is paid.
///      A trade-in does not lower 购置税.
///    - `us`: `sales_tax` = sales-tax % × max(0, discounted − trade-in) when the profile grants
///      trade-in credit, else on the discounted price.
/// 4. `trade_in` (negative): lowers the amount due in both markets, but never below zero: a
///    trade-in worth more than everything due is applied up to it and the rest is
///    `tradeInExcess` (said in the disclaimer), settled with the customer separately.
/// 5. `fee:<code>` per profile fee; fees marked `insurance` only when `includeInsurance`.
///
/// Each line is computed in exact `Decimal` and rounded half-up to the cent once, at its end.
public struct PriceQuoteCalculator: Sendable {
    public var profile: TaxProfile

    public init(profile: TaxProfile) { self.profile = profile }

    /// The quote; throws `invalid_arguments` for a non-positive price, a negative trade-in or
    /// amounts in different currencies.
    public func quote(_ request: PriceQuoteRequest) throws -> PriceQuote {
        let currency = request.listPrice.currency
        try validate(request)
        let chosen = Self.choosePromotions(request)
        var lines = [QuoteLine(code: "list_price", label: LocalizedText(zh: "车辆价格", en: "Vehicle price"),
                               amount: request.listPrice)]
        let discounts = Self.discountLines(chosen.promotions, listPrice: request.listPrice, floor: request.floorPrice)
        lines += discounts.lines
        let discounted = lines.reduce(Money.zero(currency)) { $0 + $1.amount }
        let tradeIn = request.tradeInCredit ?? .zero(currency)
        switch profile.kind {
        // 购置税 is levied once, on a new car's first registration; a used car's transfer does not pay it again.
        case .cn: lines += request.vehicle.condition == .new ? chinaTaxLines(on: discounted, request: request) : []
        case .us: lines += usTaxLines(on: discounted, tradeIn: tradeIn)
        }
        if tradeIn.minorUnits > 0 {
            lines.append(QuoteLine(code: "trade_in", label: LocalizedText(zh: "旧车置换抵扣", en: "Trade-in credit"),
                                   amount: -tradeIn))
        }
        for fee in profile.fees where !fee.insurance || request.includeInsurance {
            lines.append(QuoteLine(code: "fee:\(fee.code)", label: fee.localizedLabel,
                                   amount: Money(decimal: fee.amount, currency: currency)))
        }
        // A trade-in worth more than everything due is applied only up to it: the total is
        // never negative, and the rest is reported as equity the store settles separately.
        var excess = Money.zero(currency)
        let sum = lines.reduce(Money.zero(currency)) { $0 + $1.amount }
        if sum.minorUnits < 0, let i = lines.firstIndex(where: { $0.code == "trade_in" }) {
            excess = -sum
            lines[i].amount = lines[i].amount + excess
            lines[i].label = LocalizedText(zh: "旧车置换抵扣（抵至应付为零）", en: "Trade-in credit (applied up to the amount due)")
        }
        var quote = PriceQuote(
            lines: lines, disclaimer: disclaimer(hasTradeIn: tradeIn.minorUnits > 0, excess: excess),
            rejectedCodes: chosen.rejected,
            appliedPromotions: lines.compactMap { $0.code.hasPrefix("promotion:") ? String($0.code.dropFirst(10)) : nil },
            language: request.language, currency: currency)
        quote.withheldPromotions = discounts.withheld
        quote.tradeInExcess = excess.minorUnits > 0 ? excess : nil
        return quote
    }

    private func validate(_ request: PriceQuoteRequest) throws {
        let currency = request.listPrice.currency
        guard request.listPrice.minorUnits > 0 else {
            throw ShowroomError.invalid("list price must be greater than 0, got \(request.listPrice)")
        }
        for (name, money) in [("floor price", request.floorPrice), ("trade-in value", request.tradeInCredit)] {
            guard let money else { continue }
            guard money.currency == currency else {
                throw ShowroomError.invalid("\(name) is in \(money.currency.rawValue) but the price is in \(currency.rawValue)")
            }
            guard money.minorUnits >= 0 else { throw ShowroomError.invalid("\(name) must not be negative, got \(money)") }
        }
    }

    private func chinaTaxLines(on price: Money, request: PriceQuoteRequest) -> [QuoteLine] {
        let full = price.decimal / (1 + profile.vatPct / 100) * profile.purchaseTaxPct / 100
        let waived = request.vehicle.powertrain.isNEV
            ? (profile.nevRelief?.waived(fullTax: full, on: request.purchaseDate) ?? 0) : 0
        let fullLine = Money(decimal: full, currency: price.currency)
        let due = Money(decimal: full - waived, currency: price.currency)
        let pct = Self.percentText(profile.purchaseTaxPct)
        var lines = [QuoteLine(code: "purchase_tax", label: LocalizedText(zh: "车辆购置税（\(pct)）", en: "Vehicle purchase tax (\(pct))"),
                               amount: fullLine)]
        if waived > 0 {
            lines.append(QuoteLine(code: "nev_relief", label: LocalizedText(zh: "新能源汽车购置税减免", en: "NEV purchase-tax relief"),
                                   amount: due - fullLine))
        }
        return lines
    }

    private func usTaxLines(on price: Money, tradeIn: Money) -> [QuoteLine] {
        let credited = profile.tradeInCredit ? price - tradeIn : price
        let base = Decimal.maximum(credited.decimal, 0)
        let pct = Self.percentText(profile.salesTaxPct)
        return [QuoteLine(code: "sales_tax", label: LocalizedText(zh: "销售税（\(pct)）", en: "Sales tax (\(pct))"),
                          amount: Money(decimal: base * profile.salesTaxPct / 100, currency: price.currency))]
    }

    private func disclaimer(hasTradeIn: Bool, excess: Money) -> LocalizedText {
        let taxesZh = profile.kind == .cn ? "购置税、保险及上牌费用" : "销售税、DMV 及各项费用"
        let taxesEn = profile.kind == .cn ? "purchase tax, insurance and registration" : "sales tax, DMV and fees"
        var zh = "以上为估算，仅供参考，不构成要约或承诺；优惠以资格审核为准，\(taxesZh)以实际办理为准"
        var en = "Estimate for information only, not an offer or commitment. Promotions are subject to eligibility; "
            + "\(taxesEn) are as actually assessed"
        if hasTradeIn {
            zh += "；置换价值须经验车确认"
            en += "; the trade-in value is subject to inspection"
        }
        if excess.minorUnits > 0 {
            zh += "；置换价值超出应付金额的 \(excess.formatted) 不计入总价，由门店另行结算"
            en += "; \(excess.formatted) of trade-in value above the amount due is not in the total and is settled with you separately"
        }
        zh += "。最终价格以与门店签署的书面合同为准。"
        en += ". The final price is set only in a written contract signed with the store."
        return LocalizedText(zh: zh, en: en)
    }

    /// `10` → `10%`, `8.625` → `8.625%`.
    static func percentText(_ pct: Decimal) -> String { "\(pct)%" }
}
