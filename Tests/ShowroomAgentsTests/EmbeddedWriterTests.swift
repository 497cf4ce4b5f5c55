import Foundation
import ShowroomCore
import ShowroomData
import ShowroomTestSupport
import Testing
@testable import ShowroomAgents

/// The embedded writer's replies next to the cards of the same turn: the text summarizes and
/// offers a next step, the cards carry the lines; every amount stays grounded.
@Suite struct EmbeddedWriterTests {
    static func plan(_ language: Language, intent: Intent = .vehicleSearch, slots: Slots = Slots()) -> PlanContext {
        PlanContext(intent: intent, slots: slots, storeID: "sh-pudong", currency: language == .zh ? .CNY : .USD, language: language,
                    text: "", focusStock: nil, lastVehicles: [], mentions: [], booking: nil, name: nil, phone: nil, email: nil,
                    consent: false, leaseRequested: false, tradeInYear: nil, tradeInMileageKm: nil, ordinal: nil)
    }

    static func car(_ stock: String, _ make: String, _ makeZh: String, _ model: String, _ modelZh: String, _ price: Double,
                    _ currency: Currency) -> JSONValue {
        ["type": "vehicle", "stock_number": .string(stock), "year": 2025, "make": .string(make), "make_zh": .string(makeZh),
         "model": .string(model), "model_zh": .string(modelZh), "trim": "Base", "condition": "new",
         "price": ["amount": .number(price), "currency": .string(currency.rawValue)], "range_km": 520]
    }

    static func formatted(_ amount: Double, _ currency: Currency) -> String { Money(amount: amount, currency: currency)!.formatted }

    /// A quote result as `quote_price` shapes it, with labels and disclaimer in the language.
    static func quoteResult(_ language: Language) -> JSONValue {
        let zh = language == .zh
        let cur: Currency = zh ? .CNY : .USD
        let lines: [(String, Double)] = zh
            ? [("车辆价格", 189_800), ("车辆购置税（10%）", 8_398.23), ("上牌费", 500), ("交强险", 950)]
            : [("Vehicle price", 42_990), ("Sales tax (8.625%)", 3_707.89), ("DMV and registration", 412), ("Documentation fee", 85)]
        let total = lines.reduce(0) { $0 + $1.1 }
        let disclaimer = zh ? "以上为估算，仅供参考，不构成要约或承诺；优惠以资格审核为准，购置税、保险及上牌费用以实际办理为准。最终价格以与门店签署的书面合同为准。"
                            : "Estimate for information only, not an offer or commitment. Promotions are subject to eligibility; sales tax, DMV and fees are as actually assessed. The final price is set only in a written contract signed with the store."
        return ["lines": .array(lines.map { ["code": "x", "label": .string($0.0), "amount": .number($0.1)] }),
                "total": ["amount": .number(total), "currency": .string(cur.rawValue)], "currency": .string(cur.rawValue),
                "disclaimer": .string(disclaimer), "stock_number": zh ? "SH24001" : "SF24001",
                "vehicle": car(zh ? "SH24001" : "SF24001", "BYD", "比亚迪", "Seal", "海豹", lines[0].1, cur)]
    }

    static func violations(_ reply: String, _ result: JSONValue) -> [ReplyGuard.Violation] {
        ReplyGuard.check(reply: reply, facts: GroundedFacts(toolResults: [result]))
    }

    @Test(arguments: [Language.zh, .en])
    func aQuoteReplyGivesTheTotalThatItIsAnEstimateAndANextStepButNotTheLines(_ language: Language) throws {
        let r = Self.quoteResult(language)
        let text = EmbeddedWriter.reply(Self.plan(language, intent: .priceQuote), TurnOutcomes(messages: []).with("quote_price", r))
        let cur: Currency = language == .zh ? .CNY : .USD
        #expect(text.contains(Self.formatted(try #require(r["total"]?["amount"]?.doubleValue), cur)), "\(text)")
        #expect(text.contains(language == .zh ? "不构成要约或承诺" : "not an offer or commitment"), "\(text)")
        #expect(text.contains(language == .zh ? "月供" : "monthly payment") && text.contains(language == .zh ? "试驾" : "test drive"), "\(text)")
        for line in r["lines"]?.arrayValue ?? [] {
            #expect(!text.contains(line["label"]!.stringValue!), "\(text) repeats \(line)")
            #expect(!text.contains(Self.formatted(line["amount"]!.doubleValue!, cur)), "\(text) repeats \(line)")
        }
        #expect(text.count < (language == .zh ? 160 : 400))
        #expect(Self.violations(text, r).isEmpty)
        // The card carries every line and the full disclaimer.
        let card = try #require(Cards.from([ToolOutcome(name: "quote_price", arguments: [:], result: r, error: nil, durationMs: 0)]).first)
        #expect(card["type"] == "quote" && card["lines"] == r["lines"] && card["total"] == r["total"] && card["disclaimer"] == r["disclaimer"])
    }

    @Test(arguments: [Language.zh, .en])
    func aSearchReplyCountsTheMatchesAndNamesTheCheapestWithoutListingEveryCard(_ language: Language) {
        let zh = language == .zh
        let cur: Currency = zh ? .CNY : .USD
        let cars = [Self.car("A101", "BYD", "比亚迪", "Seal", "海豹", 179_800, cur), Self.car("A102", "BYD", "比亚迪", "Han", "汉", 169_800, cur),
                    Self.car("A103", "Tesla", "特斯拉", "Model Y", "Model Y", 249_900, cur)]
        let r: JSONValue = ["total": 7, "vehicles": .array(cars), "relaxed": [], "currency": .string(cur.rawValue)]
        var budget = Slots()
        budget.priceMax = 300_000
        let text = EmbeddedWriter.reply(Self.plan(language, slots: budget), TurnOutcomes(messages: []).with("search_inventory", r))
        #expect(text.contains(zh ? "为您找到 7 台" : "I found 7 matching vehicles"), "\(text)")
        #expect(text.contains(Self.formatted(169_800, cur)) && text.contains(zh ? "比亚迪汉" : "BYD Han"), "\(text)")
        #expect(!text.contains("A101") && !text.contains("A103") && !text.contains(Self.formatted(249_900, cur)), "\(text)")
        #expect(text.contains(zh ? "落地价" : "out-the-door price") && text.contains(zh ? "试驾" : "test drive"), "\(text)")
        #expect(!text.contains("\n"))
        #expect(Self.violations(text, r).isEmpty)
        // With no budget stated, the next step asks for one.
        let open = EmbeddedWriter.reply(Self.plan(language), TurnOutcomes(messages: []).with("search_inventory", r))
        #expect(open.contains(zh ? "预算" : "budget"), "\(open)")
    }

    @Test func aRelaxedSearchSaysWhatWasRelaxed() {
        let r: JSONValue = ["total": 1, "vehicles": [Self.car("A101", "BYD", "比亚迪", "Seal", "海豹", 179_800, .CNY)],
                            "relaxed": ["color", "price_max"], "currency": "CNY"]
        let zh = EmbeddedWriter.reply(Self.plan(.zh), TurnOutcomes(messages: []).with("search_inventory", r))
        #expect(zh.contains("放宽了条件（颜色、预算）") && zh.contains("为您找到 1 台相近的车"), "\(zh)")
        let en = EmbeddedWriter.reply(Self.plan(.en), TurnOutcomes(messages: []).with("search_inventory", r))
        #expect(en.contains("I relaxed the colour and the budget") && en.contains("I found 1 close match"), "\(en)")
    }

    @Test(arguments: [Language.zh, .en])
    func aSearchForAModelTheStoreLacksSaysSoAndNamesTheMakesModelsInStock(_ language: Language) {
        let zh = language == .zh
        let cur: Currency = zh ? .CNY : .USD
        let cars = [Self.car("T1", "Toyota", "丰田", "Camry", "凯美瑞", 171_800, cur), Self.car("T2", "Toyota", "丰田", "RAV4", "RAV4荣放", 189_800, cur),
                    Self.car("T3", "Toyota", "丰田", "Camry", "凯美瑞", 199_800, cur)]
        let r: JSONValue = ["total": 3, "vehicles": .array(cars), "relaxed": ["model"], "unknown_model": "Supra",
                            "suggestions": [], "currency": .string(cur.rawValue)]
        var s = Slots()
        s.make = "Toyota"
        s.unknownModel = "Supra"
        let text = EmbeddedWriter.reply(Self.plan(language, slots: s), TurnOutcomes(messages: []).with("search_inventory", r))
        #expect(text.hasPrefix(zh ? "我们目前没有 Supra，店里现有的丰田车型有凯美瑞、RAV4荣放。"
                                  : "We don't have the Supra; the Toyota models we have in stock are Camry and RAV4."), "\(text)")
        #expect(!text.contains(zh ? "放宽" : "relaxed"), "the unknown model is said once, as not carried: \(text)")
        #expect(Self.violations(text, r).isEmpty)
    }

    @Test func aModelWhoseMakeIsNotInStockEitherIsSaidToBeMissingWithTheMake() {
        let cars = [Self.car("B1", "BYD", "比亚迪", "Seal", "海豹", 179_800, .CNY)]
        let r: JSONValue = ["total": 1, "vehicles": .array(cars), "relaxed": ["model", "make"], "unknown_model": "M3", "currency": "CNY"]
        var s = Slots()
        s.make = "BMW"
        let zh = EmbeddedWriter.reply(Self.plan(.zh, slots: s), TurnOutcomes(messages: []).with("search_inventory", r))
        #expect(zh.hasPrefix("我们目前没有 M3，店里也暂时没有BMW的在库车，下方是相近的车。"), "\(zh)")
        // With other constraints dropped too, BMWs may be in stock, just not fitting the rest.
        let budget: JSONValue = ["total": 1, "vehicles": .array(cars), "relaxed": ["model", "price_max", "make"], "unknown_model": "M3", "currency": "CNY"]
        let fits = EmbeddedWriter.reply(Self.plan(.en, slots: s), TurnOutcomes(messages: []).with("search_inventory", budget))
        #expect(fits.hasPrefix("We don't have the M3, and no BMW in stock fits the rest of your request; the cars below are the closest with the budget relaxed."), "\(fits)")
        #expect(!fits.contains("Nothing matched exactly"), "\(fits)")
        let none: JSONValue = ["total": 0, "vehicles": [], "relaxed": ["model", "make"], "unknown_model": "M3", "currency": "CNY"]
        let en = EmbeddedWriter.reply(Self.plan(.en, slots: s), TurnOutcomes(messages: []).with("search_inventory", none))
        #expect(en.hasPrefix("Sorry, we don't have the M3"), "\(en)")
    }

    @Test func aRecommendationKeepsItsReasonsAndLeavesPricesToTheCards() {
        let pick: JSONValue = ["vehicle": Self.car("A101", "BYD", "比亚迪", "Song L", "宋L", 189_800, .CNY), "reasons": ["7 座，满足一家五口", "续航 520 公里"]]
        let r: JSONValue = ["picks": [pick]]
        let text = EmbeddedWriter.reply(Self.plan(.zh, intent: .recommendation), TurnOutcomes(messages: []).with("recommend", r))
        #expect(text.contains("比亚迪宋L") && text.contains("7 座，满足一家五口；续航 520 公里"), "\(text)")
        #expect(!text.contains("189,800") && !text.contains("A101"), "\(text)")
    }

    @Test func aUnitsDetailsGiveItsSpecsAndLeaveItsPriceToTheCard() {
        let r: JSONValue = ["vehicle": Self.car("A101", "BYD", "比亚迪", "Han", "汉", 169_800, .CNY),
                            "specs": ["make": "BYD", "model": "Han", "trim": "EV", "range_km": 605, "seats": 5]]
        let text = EmbeddedWriter.reply(Self.plan(.zh, intent: .vehicleDetails), TurnOutcomes(messages: []).with("get_vehicle", r))
        #expect(text.contains("续航 605 公里") && !text.contains("169,800") && text.contains("试驾"), "\(text)")
        let bare: JSONValue = ["vehicle": Self.car("A101", "BYD", "比亚迪", "Han", "汉", 169_800, .CNY)]
        let en = EmbeddedWriter.reply(Self.plan(.en, intent: .vehicleDetails), TurnOutcomes(messages: []).with("get_vehicle", bare))
        #expect(en.hasPrefix("This is the 2025 BYD Han Base;") && !en.contains("169,800"), "\(en)")
    }

    /// get_vehicle and compare_models add miles and MPG for a US store; its replies lead with them.
    @Test func aUSStoresSpecsLeadWithMilesAndMPG() {
        let specs: JSONValue = ["make": "Toyota", "model": "Camry", "trim": "LE", "range_km": 526, "range_mi": 327,
                                "fuel_l_100km": 4.7, "mpg": 50]
        let en = EmbeddedWriter.reply(Self.plan(.en, intent: .vehicleDetails), TurnOutcomes(messages: []).with("get_vehicle", ["specs": specs]))
        #expect(en.contains("range 327 mi (526 km)") && en.contains("50 mpg (4.7 L/100 km)"), "\(en)")
        let compared = EmbeddedWriter.reply(Self.plan(.en, intent: .compare),
                                            TurnOutcomes(messages: []).with("compare_models", ["columns": [specs, specs]]))
        #expect(compared.contains("range 327 mi (526 km)"), "\(compared)")
        let cn: JSONValue = ["make": "BYD", "model": "Han", "trim": "EV", "range_km": 605]
        let zh = EmbeddedWriter.reply(Self.plan(.zh, intent: .compare), TurnOutcomes(messages: []).with("compare_models", ["columns": [cn, cn]]))
        #expect(zh.contains("续航 605 公里") && !zh.contains("英里"), "\(zh)")
    }
}

extension TurnOutcomes {
    /// These outcomes with one more successful call.
    func with(_ name: String, _ result: JSONValue) -> TurnOutcomes {
        var copy = self
        copy.entries.append(Entry(name: name, arguments: [:], result: result, error: nil))
        return copy
    }
}

/// Whole turns on the embedded backend against the demo catalog.
@Suite(.enabled(if: TestDatabase.available)) struct EmbeddedWriterTurnTests {
    static let now = ISO8601DateFormatter().date(from: "2026-11-25T04:00:00Z")!

    struct Ask: Sendable, CustomTestStringConvertible {
        var store: StoreID, locale: String, text: String, make: String, model: String, says: String
        var testDescription: String { text }
    }

    static let unknownModels = [
        Ask(store: "sh-pudong", locale: "zh-CN", text: "有丰田Supra吗", make: "Toyota", model: "Supra", says: "我们目前没有 Supra，店里现有的丰田车型有"),
        Ask(store: "sf-bay", locale: "en-US", text: "Do you have a Toyota Supra?", make: "Toyota", model: "Supra",
            says: "We don't have the Supra; the Toyota models we have in stock"),
        Ask(store: "sf-bay", locale: "en-US", text: "BMW M3", make: "BMW", model: "M3", says: "We don't have the M3; the BMW models we have in stock"),
    ]

    @Test(arguments: unknownModels)
    func aModelTheDealerDoesNotCarryIsSaidSoWithTheMakesCarsInStock(_ ask: Ask) async throws {
        try await TestDatabase.with { db in
            try await DemoCatalog.load(into: db)
            let runner = try await TestRunner.make(db: db, now: { Self.now })
            let id = try await TestRunner.conversation(db: db, store: ask.store, locale: ask.locale)
            let r = try await runner.respond(TurnInput(conversationID: id, text: ask.text))
            let search = try #require(r.toolCalls.first { $0.name == "search_inventory" })
            #expect(search.arguments["model"]?.stringValue == ask.model && search.arguments["make"]?.stringValue == ask.make)
            #expect(search.result?["unknown_model"]?.stringValue == ask.model)
            let message = try #require(r.messages.last)
            let text = message["text"]?.stringValue ?? ""
            #expect(text.hasPrefix(ask.says), "\(text)")
            let cards = message["cards"]?.arrayValue ?? []
            #expect(!cards.isEmpty && cards.allSatisfy { $0["make"]?.stringValue == ask.make }, "\(cards)")
            // The models named are the cards' (what is in stock), never the one asked for.
            let zh = ask.locale.hasPrefix("zh")
            #expect(cards.contains { c in text.contains(((zh ? c["model_zh"]?.stringValue : nil) ?? c["model"]?.stringValue)!) })
            #expect(r.guardrail == nil)
        }
    }

    @Test func aQuoteForAModelTheDealerDoesNotCarryQuotesNoOtherCar() async throws {
        try await TestDatabase.with { db in
            try await DemoCatalog.load(into: db)
            let runner = try await TestRunner.make(db: db, now: { Self.now })
            let id = try await TestRunner.conversation(db: db, store: "sf-bay", locale: "en-US")
            let r = try await runner.respond(TurnInput(conversationID: id, text: "What's the out-the-door price of a Toyota Supra?"))
            #expect(r.intent == .priceQuote)
            #expect(!r.toolCalls.contains { $0.name == "quote_price" })
            let text = r.messages.last?["text"]?.stringValue ?? ""
            #expect(text.hasPrefix("We don't have the Supra"), "\(text)")
        }
    }

    @Test(arguments: [("sh-pudong", "zh-CN", "丰田的SUV有哪些"), ("sf-bay", "en-US", "Toyota SUV under 50k"), ("sf-bay", "en-US", "Toyota hybrid")])
    func aMakeWithOrdinaryWordsIsAPlainSearch(_ store: String, _ locale: String, _ text: String) async throws {
        try await TestDatabase.with { db in
            try await DemoCatalog.load(into: db)
            let runner = try await TestRunner.make(db: db, now: { Self.now })
            let id = try await TestRunner.conversation(db: db, store: StoreID(store), locale: locale)
            let r = try await runner.respond(TurnInput(conversationID: id, text: text))
            let search = try #require(r.toolCalls.first { $0.name == "search_inventory" })
            #expect(search.arguments["model"] == nil && search.result?["unknown_model"] == nil)
            let reply = r.messages.last?["text"]?.stringValue ?? ""
            #expect(!reply.contains("我们目前没有") && !reply.contains("don't have"), "\(reply)")
        }
    }

    @Test(arguments: [("sh-pudong", "zh-CN"), ("sf-bay", "en-US")])
    func aQuoteTurnsTextHasTheTotalTheEstimateNoticeAndANextStepWhileTheCardHasTheLines(_ store: String, _ locale: String) async throws {
        try await TestDatabase.with { db in
            try await DemoCatalog.load(into: db)
            let runner = try await TestRunner.make(db: db, now: { Self.now })
            let id = try await TestRunner.conversation(db: db, store: StoreID(store), locale: locale)
            let stock = try #require(try await db.rows("SELECT stock_number FROM inventory_units WHERE store_id = \(store) AND status = 'available' ORDER BY stock_number LIMIT 1").first?.decode(String.self))
            let zh = locale.hasPrefix("zh")
            let r = try await runner.respond(TurnInput(conversationID: id, text: zh ? "\(stock) 落地价多少" : "What's the out-the-door price of \(stock)?"))
            let message = try #require(r.messages.last)
            let text = message["text"]?.stringValue ?? ""
            let card = try #require(message["cards"]?.arrayValue?.first { $0["type"] == "quote" })
            let total = try #require(card["total"]?["amount"]?.doubleValue)
            #expect(text.contains(Money(amount: total, currency: zh ? .CNY : .USD)!.formatted), "\(text)")
            #expect(text.contains(zh ? "不构成要约" : "not an offer") && text.contains(zh ? "月供" : "monthly payment"), "\(text)")
            for line in card["lines"]?.arrayValue ?? [] { #expect(!text.contains(line["label"]!.stringValue!), "\(text)") }
            #expect(card["disclaimer"]?.stringValue?.isEmpty == false && (card["lines"]?.arrayValue?.count ?? 0) >= 2)
            #expect(r.guardrail == nil)
        }
    }
}

/// Names next to amounts must never read as amounts: every demo unit, as the cheapest of a
/// search and in its own quote, gives a reply the guard passes, in both languages.
@Suite(.enabled(if: TestDatabase.available)) struct EmbeddedWriterGuardTests {
    @Test func everyDemoUnitsSearchSummaryAndQuoteReplyPassTheReplyGuard() async throws {
        // Quotes are priced on a fixed day inside the demo promotions' windows (which end 2026-12-31), so
        // promotion lines are among the replies checked whenever the test runs.
        let now = try #require(ISO8601DateFormatter().date(from: "2026-11-25T04:00:00Z"))
        try await TestDatabase.with { db in
            try await DemoCatalog.load(into: db)
            let registry = ToolCatalog.registry()
            var checked = 0
            for store in ["sh-pudong", "sf-bay"] {
                for language in [Language.zh, .en] {
                    let caller = ToolCaller(db: db, scope: .customer, label: "t", fixedStore: StoreID(store), language: language, now: { now })
                    var offset = 0
                    while true {
                        let page = try #require(await registry.call(name: "search_inventory", arguments: ["limit": 50, "offset": .number(Double(offset))],
                                                                    caller: caller).result)
                        let vehicles = page["vehicles"]?.arrayValue ?? []
                        if vehicles.isEmpty { break }
                        for v in vehicles {
                            let one: JSONValue = ["total": 3, "vehicles": [v], "relaxed": [], "currency": page["currency"] ?? .null]
                            let search = EmbeddedWriter.reply(EmbeddedWriterTests.plan(language), TurnOutcomes(messages: []).with("search_inventory", one))
                            #expect(EmbeddedWriterTests.violations(search, one).isEmpty, "\(search)")
                            let stock = try #require(v["stock_number"])
                            let quote = try #require(await registry.call(name: "quote_price", arguments: ["stock_number": stock], caller: caller).result)
                            let text = EmbeddedWriter.reply(EmbeddedWriterTests.plan(language, intent: .priceQuote), TurnOutcomes(messages: []).with("quote_price", quote))
                            #expect(EmbeddedWriterTests.violations(text, quote).isEmpty, "\(text)")
                            checked += 1
                        }
                        offset += vehicles.count
                    }
                }
            }
            #expect(checked >= 200)
        }
    }
}
