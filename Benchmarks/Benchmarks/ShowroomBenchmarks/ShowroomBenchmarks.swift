import Benchmark
import BenchSupport
import Foundation
import ShowroomAgents
import ShowroomCore
import ShowroomData

/// In-process figures for BENCHMARKS.md. Run from `Benchmarks/`:
/// `swift package --disable-sandbox benchmark` (set DATABASE_URL for the runner benchmark).
/// Every benchmark is single-threaded: one iteration is one router decision, one reply check,
/// one quote, one loan estimate, or one customer turn.
let benchmarks: @Sendable () -> Void = {
    let timeMetrics: [BenchmarkMetric] = [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident]
    let fast = Benchmark.Configuration(metrics: timeMetrics, timeUnits: .microseconds, warmupIterations: 1_000,
                                       maxDuration: .seconds(5), maxIterations: 2_000_000)

    // MARK: router

    Benchmark("Router decisions (200 zh/en/mixed texts, catalog lexicon)", configuration: fast) { (benchmark: Benchmark, state: Cycle) in
        let n = state.texts.count
        for _ in benchmark.scaledIterations {
            blackHole(state.router.route(state.texts[state.next(n)]))
        }
    } setup: {
        let entries = try CatalogLexicon.entries()
        return Cycle(router: EmbeddedRouter(lexicon: Lexicon(entries: entries)), texts: RouterCorpus.texts(entries: entries))
    }

    Benchmark("Router, all 200 texts per iteration (decisions/s = 200 x throughput)",
              configuration: .init(metrics: timeMetrics, timeUnits: .microseconds, warmupIterations: 20, maxDuration: .seconds(5))) {
        (benchmark: Benchmark, state: Cycle) in
        for _ in benchmark.scaledIterations {
            for text in state.texts { blackHole(state.router.route(text)) }
        }
    } setup: {
        let entries = try CatalogLexicon.entries()
        return Cycle(router: EmbeddedRouter(lexicon: Lexicon(entries: entries)), texts: RouterCorpus.texts(entries: entries))
    }

    Benchmark("Router with context (refinement over a profile)", configuration: fast) { (benchmark: Benchmark, state: Cycle) in
        let n = state.texts.count
        let context = RouteContext(previousIntent: .vehicleSearch, profile: state.profile, cheapestShownPrice: 150_000, currency: .CNY)
        for _ in benchmark.scaledIterations {
            blackHole(state.router.route(state.texts[state.next(n)], context: context))
        }
    } setup: {
        let entries = try CatalogLexicon.entries()
        let router = EmbeddedRouter(lexicon: Lexicon(entries: entries))
        let cycle = Cycle(router: router, texts: RouterCorpus.texts(entries: entries))
        cycle.profile = router.route("20万以内的纯电SUV").slots
        return cycle
    }

    // MARK: reply guard

    Benchmark("ReplyGuard checks (seeded zh/en replies with amounts)", configuration: fast) { (benchmark: Benchmark, state: GuardCycle) in
        let n = state.replies.count
        for _ in benchmark.scaledIterations {
            blackHole(ReplyGuard.check(reply: state.replies[state.next(n)], facts: state.facts))
        }
    } setup: {
        GuardCycle.seeded()
    }

    // MARK: calculators

    Benchmark("Out-the-door quote (CN with NEV relief / US with trade-in)", configuration: fast) { (benchmark: Benchmark, state: QuoteCycle) in
        let n = state.requests.count
        for _ in benchmark.scaledIterations {
            let (store, request) = state.requests[state.next(n)]
            blackHole(try? state.calculators[store]!.quote(request))
        }
    } setup: {
        try QuoteCycle.seeded()
    }

    Benchmark("Loan estimate (amortized monthly payment)", configuration: fast) { (benchmark: Benchmark, state: Counter) in
        let n = state.count
        let loans = LoanCalculator()
        for _ in benchmark.scaledIterations {
            let i = state.next(n)
            let price = Money(Int64(15_000 + (i * 997) % 60_000), .USD)
            blackHole(try? loans.estimate(price: price, down: .percent(Decimal(10 + i % 20)), termMonths: [36, 48, 60, 72][i % 4],
                                          aprPct: Decimal(string: ["3.9", "5.49", "6.9", "0"][i % 4])!))
        }
    } setup: {
        Counter(count: 200)
    }

    // MARK: runner (needs DATABASE_URL)

    if ProcessInfo.processInfo.environment["DATABASE_URL"] != nil {
        Benchmark("Runner turns, embedded backend (seeded zh/en conversations, scratch DB)",
                  configuration: .init(metrics: [.wallClock, .throughput, .peakMemoryResident],
                                       timeUnits: .milliseconds, warmupIterations: 20, maxDuration: .seconds(20), maxIterations: 5_000)) { (benchmark: Benchmark, state: TurnCycle) in
            for _ in benchmark.scaledIterations {
                let (conversation, text) = state.nextTurn()
                blackHole(try await state.runner.respond(TurnInput(conversationID: conversation, text: text)))
            }
        } setup: {
            try await TurnCycle.open()
        } teardown: {
            await TurnCycle.closeAll()
        }
    }
}
