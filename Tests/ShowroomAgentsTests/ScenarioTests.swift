import AsyncHTTPClient
import Foundation
import ShowroomCore
import ShowroomData
import ShowroomLLM
import ShowroomTestSupport
import Testing
@testable import ShowroomAgents

/// Ten-turn conversations in Chinese and in English against the demo catalog, through the
/// embedded backend and through the openai backend (real HTTP to the scripted server, which
/// answers as a well-behaved model: it writes from the tool results in its prompt). Every fact
/// in a reply is checked against the database.
@Suite(.enabled(if: TestDatabase.available)) struct ScenarioTests {
    /// A Wednesday noon in both stores' weeks, so "tomorrow 10:00" is inside opening hours.
    static let now = ISO8601DateFormatter().date(from: "2026-11-25T04:00:00Z")!

    enum Backend: String, CaseIterable, Sendable { case embedded, openai }

    /// A runner on the backend; for `openai`, every agent's `default` profile is the scripted server.
    func withRunner(_ backend: Backend, db: Database, _ body: (Runner) async throws -> Void) async throws {
        guard backend == .openai else { return try await body(try await TestRunner.make(db: db, now: { Self.now })) }
        try await ScriptedOpenAIServer.with(otherwise: { ScriptedReply.written(for: $0) }) { server in
            let stack = try ChatModelStack(profile: server.profile(timeoutSeconds: 10), client: HTTPClient.shared, fallback: EmbeddedChatModel())
            try await body(try await TestRunner.make(db: db, models: ["default": stack.model], now: { Self.now }))
            // One model call per turn: the tools the turn needs ran before the model was asked.
            #expect(await server.received.count == 10)
        }
    }

    func say(_ runner: Runner, _ id: UUID, _ text: String, booking: BookingForm? = nil) async throws -> TurnResult {
        let r = try await runner.respond(TurnInput(conversationID: id, text: text, booking: booking))
        if runner.models["default"] != nil {
            // The model's own reply reached the customer: no fallback, no guardrail replacement.
            #expect(r.llmCalls == 1 && !r.fallback && r.guardrail == nil, "\(text): \(r.backend) \(r.guardrail ?? "")")
        }
        return r
    }

    func reply(_ r: TurnResult) -> JSONValue { r.messages.last ?? .null }

    /// The booked lead's ADF, as staff fetch it, is valid against the ADF 1.0 DTD and carries the
    /// test drive's start, the unit and the conversation.
    func expectValidADF(_ db: Database, phone: String, start: String, stock: String, conversation: UUID) async throws {
        let leadID = try #require(try await db.rows("SELECT id FROM leads WHERE phone = \(phone)").first?.decode(UUID.self))
        let lead = try #require(try await LeadRepository(db: db).get(leadID))
        let xml = try await lead.adf(db: db)
        try ADFValidation.validate(xml)
        #expect(xml.contains("<vehicle interest=\"test-drive\""))
        #expect(xml.contains("<stock>\(stock)</stock>"))
        #expect(xml.contains("<earliestdate>\(start)</earliestdate>"))
        #expect(xml.contains("source=\"Showroom conversation\">\(conversation.uuidString.lowercased())</id>"))
    }
    func text(_ r: TurnResult) -> String { reply(r)["text"]?.stringValue ?? "" }
    func cards(_ r: TurnResult, _ type: String = "vehicle") -> [JSONValue] {
        reply(r)["cards"]?.arrayValue?.filter { $0["type"]?.stringValue == type } ?? []
    }

    func unit(_ db: Database, _ stock: String) async throws -> (price: Double, body: String?, powertrain: String?, seats: Int?, range: Int?) {
        let row = try #require(try await db.rows("SELECT list_price::float8, body_type, powertrain, seats, range_km FROM inventory_units WHERE stock_number = \(stock)").first)
        return try row.decode((Double, String?, String?, Int?, Int?).self)
    }

    @Test(arguments: Backend.allCases) func chineseShopperFromSearchToTestDrive(_ backend: Backend) async throws {
        try await TestDatabase.with { db in
            try await DemoCatalog.load(into: db)
            try await withRunner(backend, db: db) { runner in
            let id = try await TestRunner.conversation(db: db, store: "sh-pudong", locale: "zh-CN")

            // 1. search: every card is an available BEV SUV within budget. The scripted model lists
            //    them; the embedded reply leaves them to the cards and names the cheapest.
            let search = try await say(runner, id, "20万以内的纯电SUV有哪些")
            #expect(search.intent == .vehicleSearch && search.agent == "catalog")
            let found = cards(search)
            #expect(!found.isEmpty)
            for c in found {
                let stock = try #require(c["stock_number"]?.stringValue)
                let u = try await unit(db, stock)
                #expect(u.body == "suv" && u.powertrain == "bev" && u.price <= 200000)
                if backend == .openai { #expect(text(search).contains(stock)) }
            }
            if backend == .embedded {
                #expect(text(search).contains("为您找到"))
                let prices = found.compactMap { $0["price"]?["amount"]?.doubleValue }
                let cheapest = prices.min() ?? 0
                #expect(cheapest > 0)
                #expect(text(search).contains(Money(amount: cheapest, currency: .CNY)!.formatted))
                #expect(found.count < 2 || !found.allSatisfy { text(search).contains($0["stock_number"]!.stringValue!) })
            }

            // 2. refine: seven seats (the search keeps body and powertrain).
            let seven = try await say(runner, id, "那七座的呢")
            #expect(seven.intent == .vehicleSearch)
            for c in cards(seven) { #expect(c["powertrain"] == "bev" && c["body_type"] == "suv") }

            // 3. details of a named model: the range in the reply is the catalog's.
            let details = try await say(runner, id, "比亚迪汉EV的续航是多少")
            #expect(details.intent == .vehicleDetails)
            let hanRange = try await db.rows("SELECT t.range_km FROM trims t JOIN models m ON m.id = t.model_id WHERE m.name = 'Han' AND t.range_km IS NOT NULL ORDER BY t.year DESC, t.name LIMIT 1").first!.decode(Int.self)
            #expect(text(details).contains("\(hanRange)"))

            // 4. compare two models.
            let compare = try await say(runner, id, "Model Y和小米YU7对比一下")
            #expect(compare.intent == .compare)
            #expect(text(compare).contains("Model Y") && text(compare).contains("YU7"))

            // 5. recommendation for a family.
            let rec = try await say(runner, id, "一家五口，预算25万，推荐一台适合的车")
            #expect(rec.intent == .recommendation)
            for c in cards(rec) { #expect((c["price"]?["amount"]?.doubleValue ?? .infinity) <= 250000) }

            // 6. quote for a unit: the quote card's total equals the tool's computation.
            let stock = try #require(found.first?["stock_number"]?.stringValue)
            let quote = try await say(runner, id, "\(stock) 落地价多少")
            #expect(quote.intent == .priceQuote)
            let q = try #require(cards(quote, "quote").first)
            let direct = await ToolCatalog.registry().call(name: "quote_price", arguments: ["store_id": "sh-pudong", "stock_number": .string(stock), "include_insurance": true],
                                                           caller: ToolCaller(db: db, scope: .customer, label: "t", fixedStore: "sh-pudong", language: .zh, now: { Self.now }))
            #expect(q["total"] == direct.result?["total"])
            let totalText = Money(amount: try #require(q["total"]?["amount"]?.doubleValue), currency: .CNY)!.formatted
            #expect(text(quote).contains(totalText))
            if backend == .embedded {  // the lines are on the card, the text says it is an estimate
                #expect(text(quote).contains("不构成要约") && !text(quote).contains("车辆购置税"))
            }

            // 7. financing on the unit in focus.
            let loan = try await say(runner, id, "首付三成，分36期月供多少")
            #expect(loan.intent == .financing)
            let pay = try #require(loan.toolCalls.first { $0.name == "estimate_payment" }?.result)
            #expect(pay["term_months"]?.intValue == 36)
            #expect(text(loan).contains(Money(amount: pay["monthly_payment"]!.doubleValue!, currency: .CNY)!.formatted))

            // 8. trade-in.
            let trade = try await say(runner, id, "我有一台2019年的丰田凯美瑞，开了6万公里，旧车置换能值多少钱")
            #expect(trade.intent == .tradeIn)
            let appraisal = try #require(trade.toolCalls.first { $0.name == "appraise_trade_in" })
            let estimate = try #require(appraisal.result)
            // The customer stated no condition: none is invented, the estimate says what it assumed.
            #expect(appraisal.arguments["condition"] == nil)
            #expect(estimate["pending_inspection"] == true)
            #expect(estimate["assumptions"]?.arrayValue?.contains { $0.stringValue?.contains("车况未说明") == true } == true)
            #expect(text(trade).contains(Money(amount: estimate["low"]!.doubleValue!, currency: .CNY)!.formatted))

            // 9. ask for a test drive: the assistant asks for the details and offers the form.
            let ask = try await say(runner, id, "我想预约试驾")
            #expect(ask.intent == .testDrive)
            #expect(reply(ask)["actions"]?.arrayValue?.contains { $0["type"] == "book_test_drive" } == true)

            // 10. the form: an appointment and a lead exist afterwards.
            let booked = try await say(runner, id, "", booking: BookingForm(stockNumber: stock, start: "2026-11-26T10:00:00+08:00", name: "王小明", phone: "13900139000", consent: true))
            #expect(booked.toolCalls.contains { $0.name == "book_test_drive" && $0.ok })
            #expect(text(booked).contains(backend == .embedded ? "王小明" : "2026-11-26T10:00"))
            let appointments = try await db.rows("SELECT count(*) FROM appointments WHERE stock_number = \(stock) AND status = 'booked'").first!.decode(Int.self)
            let leads = try await db.rows("SELECT count(*) FROM leads WHERE phone = '13900139000'").first!.decode(Int.self)
            #expect(appointments == 1 && leads == 1)
            try await expectValidADF(db, phone: "13900139000", start: "2026-11-26T10:00:00+08:00", stock: stock, conversation: id)
            let turns = try await db.rows("SELECT count(*) FROM turns WHERE conversation_id = \(id)").first!.decode(Int.self)
            #expect(turns == 10)
            }
        }
    }

    @Test(arguments: Backend.allCases) func englishShopperFromSearchToTestDrive(_ backend: Backend) async throws {
        try await TestDatabase.with { db in
            try await DemoCatalog.load(into: db)
            try await withRunner(backend, db: db) { runner in
            let id = try await TestRunner.conversation(db: db, store: "sf-bay", locale: "en-US")

            let search = try await say(runner, id, "electric SUV under $60k")
            #expect(search.intent == .vehicleSearch)
            let found = cards(search)
            #expect(!found.isEmpty)
            for c in found {
                let u = try await unit(db, c["stock_number"]!.stringValue!)
                #expect(u.body == "suv" && u.powertrain == "bev" && u.price <= 60000)
            }
            let awd = try await say(runner, id, "any with awd?")
            #expect(awd.intent == .vehicleSearch)

            let details = try await say(runner, id, "what's the range of the Tesla Model Y")
            #expect(details.intent == .vehicleDetails)
            #expect(text(details).contains("km"))

            let compare = try await say(runner, id, "compare the Ioniq 5 vs Mustang Mach-E")
            #expect(compare.intent == .compare)
            #expect(text(compare).contains("Ioniq 5") && text(compare).contains("Mustang Mach-E"))

            let rec = try await say(runner, id, "family of five, mostly highway driving, budget $50k — what should I buy?")
            #expect(rec.intent == .recommendation)
            for c in cards(rec) { #expect((c["price"]?["amount"]?.doubleValue ?? .infinity) <= 50000) }

            let stock = try #require(found.first?["stock_number"]?.stringValue)
            let quote = try await say(runner, id, "What's the out-the-door price of \(stock)?")
            #expect(quote.intent == .priceQuote)
            let q = try #require(cards(quote, "quote").first)
            #expect(text(quote).contains(Money(amount: q["total"]!["amount"]!.doubleValue!, currency: .USD)!.formatted))
            if backend == .embedded { #expect(text(quote).contains("not an offer") && !text(quote).contains("Sales tax")) }

            let loan = try await say(runner, id, "monthly payment with 20% down over 60 months?")
            #expect(loan.intent == .financing)
            let pay = try #require(loan.toolCalls.first { $0.name == "estimate_payment" }?.result)
            #expect(pay["term_months"]?.intValue == 60)

            let trade = try await say(runner, id, "what's my 2019 Honda Civic with 40,000 miles worth as a trade-in?")
            #expect(trade.intent == .tradeIn)
            #expect(trade.toolCalls.contains { $0.name == "appraise_trade_in" && $0.ok })

            let ask = try await say(runner, id, "I'd like to book a test drive")
            #expect(ask.intent == .testDrive)

            let booked = try await say(runner, id, "", booking: BookingForm(stockNumber: stock, start: "2026-11-26T10:00:00-08:00", name: "Jane Doe", phone: "+1 415 555 0199", consent: true))
            #expect(booked.toolCalls.contains { $0.name == "book_test_drive" && $0.ok })
            #expect(text(booked).contains(backend == .embedded ? "Jane Doe" : "2026-11-26T10:00"))
            let n = try await db.rows("SELECT count(*) FROM appointments a JOIN leads l ON l.id = a.lead_id WHERE a.stock_number = \(stock)").first!.decode(Int.self)
            #expect(n == 1)
            try await expectValidADF(db, phone: "+1 415 555 0199", start: "2026-11-26T10:00:00-08:00", stock: stock, conversation: id)
            }
        }
    }

    @Test func escalationPausesTheAssistantForStaff() async throws {
        try await TestDatabase.with { db in
            try await DemoCatalog.load(into: db)
            let runner = try await TestRunner.make(db: db, now: { Self.now })
            let id = try await TestRunner.conversation(db: db, store: "sh-pudong", locale: "zh-CN")
            let r = try await say(runner, id, "我要投诉，找你们经理")
            #expect(r.intent == .humanHandoff && r.status == "waiting_staff")
            let next = try await say(runner, id, "20万以内的SUV")
            #expect(next.toolCalls.isEmpty)  // paused: no agent ran
            let status = try await db.rows("SELECT status FROM conversations WHERE id = \(id)").first!.decode(String.self)
            #expect(status == "waiting_staff")
        }
    }
}
