/// What a reply may state as money: amounts from this conversation's tool results (with their
/// currency where the result gives one), percentages from tool results (rates, tax), and the
/// customer's own figures that the router read from their words (a stated budget).
///
/// Only money is collected from tool results, never every number: a model year (2025), a
/// range (526 km), a seat count or a stock number's digits never ground a price. A number
/// counts as money when its key names an amount (`amount`, `price`, `msrp`, `low`, `high`,
/// `monthly_payment`, `…_price`, `…_payment`, `…_value`, …) or when a string states it with a
/// currency sign or word ("Within budget: ¥115,000", "Reference new price $28,400"). Amounts
/// are kept as magnitudes in cents: a credit line of −¥3,000 grounds "-¥3,000" and "¥3,000 off".
public struct GroundedFacts: Sendable, Hashable {
    /// Cents by currency; `nil` holds amounts whose currency is not known (a customer's budget
    /// without a currency word), which ground a mention in any currency.
    private(set) var amounts: [Currency?: [Int64]] = [:]
    /// Percentages in hundredths of a percent (6.9% → 690).
    private(set) var percents: [Int64] = []
    private var sorted = true

    public init() {}

    /// Every amount and percentage in the tool results.
    public init(toolResults: [JSONValue]) {
        for r in toolResults { add(toolResult: r) }
    }

    /// Adds the money and percentages of one tool result.
    public mutating func add(toolResult: JSONValue) {
        walk(toolResult, key: nil, currency: nil)
    }

    /// Adds a figure the customer gave as their own (a budget), in whole units.
    public mutating func addCustomerAmount(_ whole: Int, currency: Currency?) {
        insert(Int64(whole) * 100, currency: currency)
    }

    /// Adds an amount in cents (its magnitude).
    public mutating func insert(_ cents: Int64, currency: Currency?) {
        amounts[currency, default: []].append(Int64(clamping: cents.magnitude))
        sorted = false
    }

    /// Adds a percentage in hundredths of a percent.
    public mutating func insertPercent(_ hundredths: Int64) {
        percents.append(Int64(clamping: hundredths.magnitude))
        sorted = false
    }

    /// Whether nothing has been collected.
    public var isEmpty: Bool { amounts.values.allSatisfy(\.isEmpty) && percents.isEmpty }

    /// The facts ready for lookups (sorted once).
    public func prepared() -> GroundedFacts {
        if sorted { return self }
        var copy = self
        for k in copy.amounts.keys { copy.amounts[k]!.sort() }
        copy.percents.sort()
        copy.sorted = true
        return copy
    }

    /// Whether a money mention is a fact: some grounded amount in its currency (or of unknown
    /// currency; any currency when the mention names none) rounds to the written value at the
    /// precision it was written with ("¥18.99万" = 189,900 ± 50; "$49k" = 49,000 ± 500;
    /// "$48,990" = 48,990 ± 0.5), and the rounding changes the amount by at most 1% of it.
    /// "$48,900" for a $48,990 car is not a rounding of it; "$40,000" for $44,990 is not either.
    public func grounds(_ m: ReplyGuard.Mention) -> Bool {
        let facts = sorted ? self : prepared()
        if m.kind == .percentOff {
            return GroundedFacts.contains(facts.percents, value: m.cents, precision: m.precisionCents)
        }
        let pools: [[Int64]] = m.currency.map { [facts.amounts[$0] ?? [], facts.amounts[nil] ?? []] } ?? Array(facts.amounts.values)
        return pools.contains { GroundedFacts.contains($0, value: m.cents, precision: m.precisionCents) }
    }

    /// Whether ascending `pool` holds an amount `a` with |a − value| ≤ precision / 2 and
    /// |a − value| ≤ 1% of a.
    static func contains(_ pool: [Int64], value: Int64, precision: Int64) -> Bool {
        let half = max(precision / 2, 0)
        var lo = 0, hi = pool.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if pool[mid] < value - half { lo = mid + 1 } else { hi = mid }
        }
        var i = lo
        while i < pool.count, pool[i] <= value + half {
            let diff = (pool[i] - value).magnitude
            if diff == 0 || diff * 100 <= pool[i].magnitude { return true }
            i += 1
        }
        return false
    }

    private mutating func walk(_ v: JSONValue, key: String?, currency: Currency?) {
        switch v {
        case .object(let o):
            let here = o["currency"]?.stringValue.flatMap(Currency.init(rawValue:)) ?? currency
            for (k, x) in o { walk(x, key: k, currency: here) }
        case .array(let a):
            for x in a { walk(x, key: key, currency: currency) }
        case .number(let n):
            guard n.isFinite, abs(n) < 1e13, let key else { return }
            if GroundedFacts.isPercentKey(key) {
                insertPercent(Int64((n * 100).rounded()))
            } else if GroundedFacts.isMoneyKey(key) {
                insert(Int64((n * 100).rounded()), currency: currency)
            }
        case .string(let s):
            guard s.utf8.contains(where: { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) || s.unicodeScalars.contains(where: { ChineseNumeral.starts($0.value) }) else { return }
            for m in ReplyGuard.mentions(in: s) {
                switch m.kind {
                case .money: insert(m.cents, currency: m.currency ?? currency)
                case .percentOff: insertPercent(m.cents)
                }
            }
            for p in ReplyGuard.percents(in: s) { insertPercent(p) }
        default: break
        }
    }

    /// Keys whose numbers are amounts of money in the tools' results.
    static let moneyKeys: Set<String> = [
        "amount", "price", "list", "list_price", "msrp", "low", "high", "monthly_payment", "due_at_signing", "down_payment",
        "amount_financed", "residual_value", "total_interest", "trade_in_value", "trade_in_credit", "payment", "fee",
        "tax", "floor", "floor_price", "cost", "margin", "budget", "price_max", "price_min",
    ]

    static func isMoneyKey(_ key: String) -> Bool {
        if moneyKeys.contains(key) { return true }
        if key.hasSuffix("_pct") || key.hasSuffix("_km") || key.hasSuffix("_mi") || key.hasSuffix("_months") { return false }
        return key.hasSuffix("_price") || key.hasSuffix("_amount") || key.hasSuffix("_payment") || key.hasSuffix("_value")
            || key.hasSuffix("_fee") || key.hasSuffix("_tax")
    }

    static func isPercentKey(_ key: String) -> Bool { key.hasSuffix("_pct") || key == "apr" || key == "rate" }
}
