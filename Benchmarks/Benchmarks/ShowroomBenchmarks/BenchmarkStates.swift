import BenchSupport
import Foundation
import ShowroomAgents
import ShowroomCore
import ShowroomData

/// A round-robin cursor over a benchmark's inputs. Benchmarks run one at a time on one
/// thread, so the mutable cursor needs no lock.
class Cursor: @unchecked Sendable {
    private var i = -1
    /// The next index below `n`.
    func next(_ n: Int) -> Int {
        i = (i + 1) % n
        return i
    }
}

/// Inputs of the router benchmarks.
final class Cycle: Cursor, @unchecked Sendable {
    let router: EmbeddedRouter
    let texts: [String]
    var profile = Slots()

    init(router: EmbeddedRouter, texts: [String]) {
        self.router = router
        self.texts = texts
    }
}

/// A plain counter (loan estimates derive their inputs from it).
final class Counter: Cursor, @unchecked Sendable {
    let count: Int
    init(count: Int) { self.count = count }
}

/// Replies of the kind the embedded writer and models produce, half with an amount that no
/// tool computed, and the grounded numbers of a turn's tool results.
final class GuardCycle: Cursor, @unchecked Sendable {
    let replies: [String]
    let facts: GroundedFacts

    init(replies: [String], grounded: Set<Decimal>) {
        self.replies = replies
        var facts = GroundedFacts()
        for d in grounded { facts.insert(Int64(NSDecimalNumber(decimal: d * 100).int64Value), currency: nil) }
        self.facts = facts.prepared()
    }

    static func seeded(count: Int = 200, seed: UInt64 = 11) -> GuardCycle {
        var rng = SeededRandom(seed: seed)
        let grounded: [Decimal] = (0..<24).map { _ in Decimal(rng.int(80_000...400_000)) + Decimal(rng.int(0...99)) / 100 }
        func amount() -> Decimal { rng.chance(0.5) ? rng.pick(grounded) : Decimal(rng.int(1_000...500_000)) }
        func yuan(_ d: Decimal) -> String { "¥" + NSDecimalNumber(decimal: d).stringValue }
        func dollars(_ d: Decimal) -> String { "$" + NSDecimalNumber(decimal: d).stringValue }
        let templates: [() -> String] = [
            { "落地价估算：车价 \(yuan(amount()))，购置税 \(yuan(amount()))，上牌费 ¥500，合计 \(yuan(amount()))。以上为估算，以门店报价为准。" },
            { "为您找到 3 台符合条件的纯电SUV：比亚迪宋L EV 550km 卓越型 \(yuan(amount()))，CLTC 续航 550 公里；小鹏 G6 \(yuan(amount()))。" },
            { "首付三成，分 36 期，年利率 3.9%，月供约 \(yuan(amount()))，总利息 \(yuan(amount()))。" },
            { "The estimated out-the-door price is \(dollars(amount())): vehicle \(dollars(amount())), sales tax 8.625%, DMV $415, doc fee $85." },
            { "I found 4 electric SUVs under your budget. The 2025 Tesla Model Y Long Range AWD is \(dollars(amount())) with 526 km of range (stock SF24012)." },
            { "With $5,000 down over 60 months at 6.9% APR, the payment is about \(dollars(amount())) a month." },
            { "Your 2019 Corolla with 60,000 km is worth roughly \(yuan(amount())) to \(yuan(amount())) as a trade-in, subject to inspection." },
            { "Sure — that's a deal at \(dollars(amount())), and it is a legally binding offer." },
        ]
        return GuardCycle(replies: (0..<count).map { _ in rng.pick(templates)() }, grounded: Set(grounded + [500, 415, 85]))
    }
}

/// Quote requests for both demo stores (new and used, every powertrain, with and without a
/// trade-in), with the stores' tax profiles and promotions from `catalog/stores.yaml`.
final class QuoteCycle: Cursor, @unchecked Sendable {
    let calculators: [String: PriceQuoteCalculator]
    let requests: [(String, PriceQuoteRequest)]

    init(calculators: [String: PriceQuoteCalculator], requests: [(String, PriceQuoteRequest)]) {
        self.calculators = calculators
        self.requests = requests
    }

    static func seeded(count: Int = 200, seed: UInt64 = 13) throws -> QuoteCycle {
        let stores = try CatalogStores.load()
        var rng = SeededRandom(seed: seed)
        let day = try LocalDate("2026-11-25")
        var requests: [(String, PriceQuoteRequest)] = []
        for _ in 0..<count {
            let cn = rng.chance(0.5)
            let store = cn ? "sh-pudong" : "sf-bay"
            let currency: Currency = cn ? .CNY : .USD
            let price = Money(Int64(cn ? rng.int(80_000...450_000) : rng.int(18_000...90_000)), currency)
            let vehicle = QuoteVehicle(make: cn ? "BYD" : "Toyota", model: cn ? "Han" : "Camry",
                                       powertrain: rng.pick([.bev, .phev, .hev, .ice]), condition: rng.pick([.new, .used]))
            let tradeIn = rng.chance(0.3) ? Money(Int64(rng.int(3_000...20_000)), currency) : nil
            requests.append((store, PriceQuoteRequest(listPrice: price, vehicle: vehicle, purchaseDate: day, tradeInCredit: tradeIn,
                                                      promotions: stores[store]?.promotions ?? [], language: cn ? .zh : .en)))
        }
        return QuoteCycle(calculators: stores.mapValues { PriceQuoteCalculator(profile: $0.profile) }, requests: requests)
    }
}

/// The runner benchmark's state: a scratch database with the demo catalog, a runner with the
/// embedded backend, and conversations created in advance (creation is not a turn).
final class TurnCycle: @unchecked Sendable {
    let database: BenchDatabase
    let runner: Runner
    private let turns: [(UUID, String)]
    private var i = -1

    /// Databases to drop at teardown.
    nonisolated(unsafe) static var opened: [BenchDatabase] = []

    private init(database: BenchDatabase, runner: Runner, turns: [(UUID, String)]) {
        self.database = database
        self.runner = runner
        self.turns = turns
    }

    static func open(conversations: Int = 1_200) async throws -> TurnCycle {
        let database = try await BenchDatabase.open()
        Self.opened.append(database)
        let runner = try await database.runner()
        var turns: [(UUID, String)] = []
        for c in ConversationMix(count: conversations).conversations {
            let id = try await database.conversation(store: c.store, locale: c.locale)
            turns += c.turns.map { (id, $0) }
        }
        return TurnCycle(database: database, runner: runner, turns: turns)
    }

    static func closeAll() async {
        for d in opened { await d.close() }
        opened.removeAll()
    }

    /// The next customer turn, in conversation order (wrapping after the last).
    func nextTurn() -> (UUID, String) {
        i = (i + 1) % turns.count
        return turns[i]
    }
}
