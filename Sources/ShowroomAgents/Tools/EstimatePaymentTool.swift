import Foundation
import ShowroomCore
import ShowroomData

/// `estimate_payment`: loan or lease payment for a price or a stock unit. Rates not given
/// come from the store's configured defaults (`settings.finance`) and are stated in the result.
struct EstimatePaymentTool: Tool {
    let name = "estimate_payment"
    let description = "Monthly payment estimate for a loan or a lease on a price or a stock unit: amount financed, total interest, due at signing for leases."
    let scope = ToolScope.customer
    let schema = Schema.object([
        "store_id": Schema.storeID,
        "type": Schema.string("loan or lease", enum: ["loan", "lease"]),
        "price": Schema.number("Vehicle price in the store's currency", min: 1, max: 100_000_000),
        "stock_number": Schema.stockNumber,
        "down_payment": Schema.number("Down payment amount", min: 0, max: 100_000_000),
        "down_payment_pct": Schema.number("Down payment as a percent of the price", min: 0, max: 100),
        "term_months": Schema.integer("Term in months (12–84)", min: 12, max: 84),
        "apr_pct": Schema.number("Annual percentage rate", min: 0, max: 30),
        "residual_pct": Schema.number("Lease residual as a percent of MSRP", min: 0, max: 100),
        "money_factor": Schema.number("Lease money factor", min: 0, max: 0.0125),
    ], required: ["store_id", "type", "term_months"], anyOf: [["price"], ["stock_number"]])

    func call(_ args: ToolArguments, _ ctx: ToolContext) async throws -> JSONValue {
        let store = try ctx.requireStore()
        let finance = store.settings["finance"]
        var price: Money
        var msrp: Money?
        var unit: VehicleRecord?
        if let stock = args.string("stock_number") {
            guard let u = try await InventoryRepository(db: ctx.db).unit(store: store.id, stockNumber: stock) else {
                throw ShowroomError("unknown_vehicle", "No vehicle '\(stock)' at this store.", status: 404)
            }
            unit = u
            price = u.price
            msrp = u.msrp
        } else {
            guard let p = args.double("price").flatMap({ Money(amount: $0, currency: store.currency) }) else {
                throw ShowroomError.invalid("price or stock_number is required")
            }
            price = p
        }
        if args.double("down_payment") != nil && args.double("down_payment_pct") != nil {
            throw ShowroomError.invalid("give down_payment or down_payment_pct, not both")
        }
        let down: DownPayment = if let a = args.double("down_payment"), let m = Money(amount: a, currency: store.currency) {
            .amount(m)
        } else {
            .percent(args.decimal("down_payment_pct") ?? 0)
        }
        let term = args.int("term_months") ?? 60
        // The customer's APR when given; else the store's configured rate (catalog stores.yaml
        // settings.finance.apr_pct); a store without one gets a market default. Either of the
        // last two is an assumption, and the result says whose rate it is.
        let storeAPR = finance?["apr_pct"]?.doubleValue.flatMap { Decimal(string: String($0)) }
        let apr = args.decimal("apr_pct") ?? storeAPR ?? (store.currency == .CNY ? 3.5 : 6.9)
        let aprSource = args.decimal("apr_pct") != nil ? "customer" : storeAPR != nil ? "store_default" : "market_default"
        let estimate: PaymentEstimate
        if args.string("type") == "lease" {
            let residual = args.decimal("residual_pct") ?? finance?["residual_pct"]?.doubleValue.flatMap { Decimal(string: String($0)) } ?? 55
            let rate = try LeaseRate.from(moneyFactor: args.decimal("money_factor"), aprPct: args.decimal("money_factor") == nil ? apr : nil)
            estimate = try LeaseCalculator().estimate(price: price, msrp: msrp, down: down, termMonths: term, residualPct: residual, rate: rate)
        } else {
            estimate = try LoanCalculator().estimate(price: price, down: down, termMonths: term, aprPct: apr)
        }
        var out = estimate.json.objectValue ?? [:]
        out["price"] = .number(price.amount)
        if let u = unit { out["stock_number"] = .string(u.stockNumber) }
        let assumedRate = args.string("type") != "lease" || args.decimal("money_factor") == nil
        if assumedRate {
            out["apr_pct"] = .number(NSDecimalNumber(decimal: apr).doubleValue)
            out["apr_source"] = .string(aprSource)
        }
        var disclaimer = ctx.language == .zh ? "以上为估算，最终利率和条款以金融机构审批为准。" : "Estimate only; the final rate and terms depend on lender approval."
        if assumedRate, aprSource != "customer" {
            let pct = "\(apr)%"
            disclaimer = (ctx.language == .zh ? "年利率 \(pct) 为本店假设的参考利率，非您的实际利率。" : "The \(pct) APR is this store's assumed rate, not a rate you were offered. ") + disclaimer
        }
        out["disclaimer"] = .string(disclaimer)
        return .object(out)
    }
}
