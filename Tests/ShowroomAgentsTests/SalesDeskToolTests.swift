import Foundation
import ShowroomCore
import ShowroomData
import ShowroomTestSupport
import Testing
@testable import ShowroomAgents

/// Hand-worked examples of the sales-desk tools in both markets, on the MiniCatalog fixture.
@Suite(.enabled(if: TestDatabase.available)) struct SalesDeskToolTests {
    /// Wednesday 2026-11-25 12:00 in Shanghai (04:00 UTC).
    static let now = ISO8601DateFormatter().date(from: "2026-11-25T04:00:00Z")!

    func call(_ db: Database, _ name: String, _ args: JSONValue, store: StoreID, language: Language = .en) async -> ToolOutcome {
        await ToolCatalog.registry().call(name: name, arguments: args, caller: ToolCaller(
            db: db, scope: .customer, label: "test", fixedStore: store, language: language, now: { Self.now }))
    }

    func line(_ r: JSONValue, _ code: String) -> Double? {
        r["lines"]?.arrayValue?.first { $0["code"]?.stringValue == code }?["amount"]?.doubleValue
    }

    @Test func shanghaiBEVPaysHalfPurchaseTaxIn2026() async throws {
        try await TestDatabase.with { db in
            try await MiniCatalog.load(into: db)
            let r = try #require(await call(db, "quote_price", ["stock_number": "SHT001"], store: "sh-test").result)
            // 209,800 / 1.13 × 10 % = 18,566.37; NEV relief waives half (9,283.18 < 15,000 cap) → 9,283.19 due.
            #expect(line(r, "purchase_tax") == 18566.37)
            #expect(line(r, "nev_relief") == -9283.18)
            // 209,800 + 9,283.19 + 500 registration = 219,583.19
            #expect(r["total"]?["amount"]?.doubleValue == 219583.19)
            #expect(r["total"]?["currency"] == "CNY")
            #expect(r["disclaimer"]?.stringValue?.isEmpty == false)
            #expect(!r.jsonString().contains("199000"))  // the floor price never leaves
        }
    }

    @Test func sanFranciscoTaxesThePriceLessTradeIn() async throws {
        try await TestDatabase.with { db in
            try await MiniCatalog.load(into: db)
            let r = try #require(await call(db, "quote_price", ["stock_number": "SFT001", "trade_in_value": 10000], store: "sf-test").result)
            // (48,990 − 10,000) × 8.625 % = 3,362.89; total 48,990 − 10,000 + 3,362.89 + 400 DMV + 85 doc = 42,837.89
            #expect(line(r, "sales_tax") == 3362.89)
            #expect(line(r, "trade_in") == -10000)
            #expect(r["total"]?["amount"]?.doubleValue == 42837.89)
        }
    }

    @Test func loanPaymentIsStandardAmortization() async throws {
        try await TestDatabase.with { db in
            try await MiniCatalog.load(into: db)
            let r = try #require(await call(db, "estimate_payment", ["type": "loan", "price": 30000, "apr_pct": 6, "term_months": 60], store: "sf-test").result)
            // 30,000 × 0.005 / (1 − 1.005^−60) = 579.98
            #expect(r["monthly_payment"]?.doubleValue == 579.98)
            let zero = try #require(await call(db, "estimate_payment", ["type": "loan", "stock_number": "SHT001", "apr_pct": 0, "term_months": 36, "down_payment_pct": 30], store: "sh-test").result)
            // (209,800 − 62,940) / 36 = 4,079.44 (exact division, rounded at the end)
            #expect(zero["monthly_payment"]?.doubleValue == 4079.44)
        }
    }

    @Test func withoutACustomerRateTheStoresConfiguredAPRIsUsedAndSaidToBeAssumed() async throws {
        try await TestDatabase.with { db in
            try await MiniCatalog.load(into: db)
            try await db.execute("UPDATE stores SET settings = settings || '{\"finance\": {\"apr_pct\": 4.9}}' WHERE id = 'sf-test'")
            let args: JSONValue = ["type": "loan", "price": 30000, "term_months": 60]
            let store = try #require(await call(db, "estimate_payment", args, store: "sf-test").result)
            // r = 4.9 % / 12; 30,000 × r / (1 − (1 + r)^−60) = 564.7636… → 564.76
            #expect(store["monthly_payment"]?.doubleValue == 564.76)
            #expect(store["apr_pct"]?.doubleValue == 4.9)
            #expect(store["apr_source"] == "store_default")
            #expect(store["disclaimer"]?.stringValue?.hasPrefix("The 4.9% APR is this store's assumed rate") == true)
            var own = args.objectValue!
            own["apr_pct"] = 6
            let customer = try #require(await call(db, "estimate_payment", .object(own), store: "sf-test").result)
            #expect(customer["apr_source"] == "customer")
            #expect(customer["disclaimer"]?.stringValue?.contains("assumed") == false)
            // sh-test configures no rate: the market default is used and also flagged as assumed.
            let sh = try #require(await call(db, "estimate_payment", ["type": "loan", "price": 100000, "term_months": 36], store: "sh-test", language: .zh).result)
            #expect(sh["apr_source"] == "market_default")
            #expect(sh["disclaimer"]?.stringValue?.hasPrefix("年利率 3.5% 为本店假设的参考利率") == true)
        }
    }

    @Test func badFinanceInputIsAPresentableError() async throws {
        try await TestDatabase.with { db in
            try await MiniCatalog.load(into: db)
            let long = await call(db, "estimate_payment", ["type": "loan", "price": 30000, "term_months": 1000], store: "sf-test")
            #expect(long.error?.code == "invalid_arguments")
            #expect(long.error?.message.contains("term_months") == true)
            let neg = await call(db, "appraise_trade_in", ["make": "Toyota", "model": "Camry", "year": 2019, "mileage_km": -5], store: "sf-test")
            #expect(neg.error?.message.contains("mileage_km") == true)
            let unknown = await call(db, "quote_price", ["stock_number": "NOPE1"], store: "sf-test")
            #expect(unknown.error?.code == "unknown_vehicle" && unknown.error?.status == 404)
        }
    }

    @Test func tradeInIsARangePendingInspection() async throws {
        try await TestDatabase.with { db in
            try await MiniCatalog.load(into: db)
            let r = try #require(await call(db, "appraise_trade_in", ["make": "Toyota", "model": "Camry", "year": 2021, "mileage_km": 60000], store: "sf-test").result)
            let low = try #require(r["low"]?.doubleValue), high = try #require(r["high"]?.doubleValue)
            #expect(low > 0 && low < high && high < 31000)
            #expect(r["pending_inspection"] == true)
            #expect(r["assumptions"]?.arrayValue?.isEmpty == false)
        }
    }

    @Test func testDrivesAreBookedInsideHoursWithoutDoubleBooking() async throws {
        try await TestDatabase.with { db in
            try await MiniCatalog.load(into: db)
            let args: JSONValue = ["stock_number": "SHT001", "name": "李雷", "phone": "13800138000", "start": "2026-11-26T10:00:00+08:00", "consent": true]
            let ok = try #require(await call(db, "book_test_drive", args, store: "sh-test", language: .zh).result)
            #expect(ok["start"] == "2026-11-26T10:00:00+08:00")
            #expect(ok["confirmation"]?.stringValue?.contains("李雷") == true)
            let twice = await call(db, "book_test_drive", args, store: "sh-test")
            #expect(twice.error?.code == "slot_taken")
            var night = args.objectValue!
            night["start"] = "2026-11-26T03:00:00+08:00"
            let nightOutcome = await call(db, "book_test_drive", .object(night), store: "sh-test")
            #expect(nightOutcome.error?.code == "outside_store_hours")
            var past = args.objectValue!
            past["start"] = "2026-11-20T10:00:00+08:00"
            let pastOutcome = await call(db, "book_test_drive", .object(past), store: "sh-test")
            #expect(pastOutcome.error?.code == "slot_in_past")
            var noConsent = args.objectValue!
            noConsent["consent"] = false
            noConsent["start"] = "2026-11-27T10:00:00+08:00"
            let consentOutcome = await call(db, "book_test_drive", .object(noConsent), store: "sh-test")
            #expect(consentOutcome.error?.code == "consent_required")
            let leadRow = try #require(try await db.rows("SELECT interest, stock_number FROM leads WHERE store_id = 'sh-test'").first)
            let (interest, leadStock) = try leadRow.decode((String, String?).self)
            #expect(interest == "test-drive")
            #expect(leadStock == "SHT001")
            // Cancel, then the slot is free again.
            let id = try #require(ok["appointment_id"]?.stringValue)
            let cancelled = await call(db, "cancel_test_drive", ["appointment_id": .string(id), "phone": "138 0013 8000"], store: "sh-test")
            #expect(cancelled.ok)
            let rebooked = await call(db, "book_test_drive", args, store: "sh-test")
            #expect(rebooked.ok)
        }
    }

    @Test func leadsNeedConsentAndAreDeduplicatedByContact() async throws {
        try await TestDatabase.with { db in
            try await MiniCatalog.load(into: db)
            let missing = await call(db, "create_lead", ["name": "Ann", "email": "ann@example.com", "consent": false], store: "sf-test")
            #expect(missing.error?.code == "consent_required")
            let first = try #require(await call(db, "create_lead", ["name": "Ann", "email": "Ann@Example.com", "consent": true], store: "sf-test").result)
            let again = try #require(await call(db, "create_lead", ["name": "Ann Lee", "email": "ann@example.com", "consent": true, "stock_number": "SFT002"], store: "sf-test").result)
            #expect(first["lead_id"] == again["lead_id"])
            #expect(again["created"] == false)
            let count = try await db.rows("SELECT count(*) FROM leads").first!.decode(Int.self)
            #expect(count == 1)
        }
    }

    @Test func recommendationsAreDiverseAndGrounded() async throws {
        try await TestDatabase.with { db in
            try await MiniCatalog.load(into: db)
            let r = try #require(await call(db, "recommend", ["price_max": 300000, "seats_min": 5], store: "sh-test").result)
            let picks = try #require(r["picks"]?.arrayValue)
            let models = picks.compactMap { $0["vehicle"]?["model"]?.stringValue }
            #expect(Set(models).count == models.count)  // one pick per model
            #expect(picks.allSatisfy { ($0["vehicle"]?["price"]?["amount"]?.doubleValue ?? .infinity) <= 300000 })
            #expect(picks.allSatisfy { !($0["reasons"]?.arrayValue?.isEmpty ?? true) })
        }
    }

    func row(_ r: JSONValue, _ spec: String) -> [JSONValue]? {
        r["rows"]?.arrayValue?.first { $0["spec"]?.stringValue == spec }?["values"]?.arrayValue
    }

    @Test func compareModelsPutsSpecsSideBySideInTheStoresCurrencyAndUnits() async throws {
        try await TestDatabase.with { db in
            try await MiniCatalog.load(into: db)
            // Shanghai: the trims priced in CNY — Han EV 605 (¥209,800) and Model Y RWD (¥263,500).
            let sh = try #require(await call(db, "compare_models", ["models": [["model": "汉"], ["make": "Tesla", "model": "Model Y"]]], store: "sh-test").result)
            #expect(sh["currency"] == "CNY")
            #expect(sh["columns"]?.arrayValue?.compactMap { $0["trim"]?.stringValue } == ["EV 605", "RWD"])
            #expect(row(sh, "msrp") == [["amount": 209800, "currency": "CNY"], ["amount": 263500, "currency": "CNY"]])
            #expect(row(sh, "range_km") == [605, 593])
            #expect(row(sh, "power_kw") == [180, 220])
            #expect(row(sh, "fuel_l_100km") == nil)  // a spec neither model has is left out
            // San Francisco: USD trims, with miles and MPG. Camry 4.9 L/100km = 235.215 / 4.9 = 48 MPG;
            // Model Y Long Range 526 km = 526 / 1.609 = 327 mi.
            let sf = try #require(await call(db, "compare_models", ["models": [["model": "Model Y"], ["model": "Camry"]]], store: "sf-test").result)
            let columns = try #require(sf["columns"]?.arrayValue)
            #expect(columns.map { $0["msrp"]?["amount"] } == [48990, 31000])
            #expect(columns.first?["range_mi"] == 327)
            #expect(columns.last?["mpg"] == 48)
            // A model the catalog does not have is an error naming it, never a stand-in column.
            let unknown = await call(db, "compare_models", ["models": [["model": "Camry"], ["make": "Toyota", "model": "Supra"]]], store: "sf-test")
            #expect(unknown.error?.code == "unknown_model")
            #expect(unknown.error?.message.contains("Supra") == true)
        }
    }
}
