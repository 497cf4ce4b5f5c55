import ArgumentParser
import BenchSupport
import Foundation
import PostgresNIO
import ShowroomCore
import ShowroomData

/// Faceted search latency on a generated inventory: fills a scratch database (demo catalog
/// plus `--units` generated units, ANALYZE), then times `InventoryRepository.search` — the
/// exact query the `search_inventory` tool runs — over a seeded mix of filters, one query at a
/// time. `--database` reuses a filled database (e.g. one kept with `--keep`), so index changes
/// can be measured on the same rows.
struct SearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "search", abstract: "Faceted search p50/p95 on 1M units.")

    @Option(help: "Generated units.") var units = 1_000_000
    @Option(help: "Timed queries.") var queries = 1_000
    @Option(help: "Seed of the filter mix.") var seed: UInt64 = 5
    @Option(help: "Use this already filled database instead of a new one.") var database: String?
    @Flag(help: "Keep the new database (prints its URL).") var keep = false
    @Option(help: "SQL file to run first (statements separated by ';' at line ends), e.g. candidate indexes to compare.") var apply: String?
    @Option(help: "Print EXPLAIN ANALYZE for this many of the slowest queries.") var explain = 3

    func run() async throws { try await ReadableError.wrapping { try await body() } }

    func body() async throws {
        if let database {
            let db = Database(url: try DatabaseURL(database), maxConnections: 2)
            try await db.withRunning { db in
                try await applySQL(db)
                try await measure(db)
            }
            return
        }
        let bench = try await BenchDatabase.open(maxConnections: 2)
        do {
            let t0 = ContinuousClock.now
            try await bench.db.withConnection { conn in
                for sql in InventoryGenerator.statements(units: units) {
                    _ = try await conn.query(PostgresQuery(unsafeSQL: sql), logger: bench.db.logger)
                }
            }
            let count = try await bench.db.rows("SELECT count(*) FROM inventory_units").first!.decode(Int.self)
            try await applySQL(bench.db)
            print(String(format: "generated %d units (%d in the table) in %.1f s", units, count,
                         ChatClient.milliseconds(ContinuousClock.now - t0) / 1000))
            try await measure(bench.db)
            if keep {
                print("kept database: \(bench.url.description)")
                bench.detach()
            } else {
                await bench.close()
            }
        } catch {
            await bench.close()
            throw error
        }
    }

    func applySQL(_ db: Database) async throws {
        guard let apply else { return }
        let text = try String(contentsOfFile: apply, encoding: .utf8)
        let lines = text.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("--") }
        for statement in lines.joined(separator: "\n").components(separatedBy: ";\n")
        where !statement.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            try await db.execute(PostgresQuery(unsafeSQL: statement))
        }
        print("applied \(apply)")
    }

    func measure(_ db: Database) async throws {
        let names = try await db.rows("SELECT DISTINCT store_id, make, model FROM inventory_units WHERE source = 'catalog'")
            .map { try $0.decode((String, String, String).self) }
        let filters = Self.filters(count: queries + 100, names: names, seed: seed)
        let repo = InventoryRepository(db: db)
        func one(_ f: InventoryFilter, _ sort: InventorySort, _ limit: Int, _ offset: Int) async throws -> Int {
            try await repo.search(f, sort: sort, limit: limit, offset: offset).total
        }
        for (f, sort, limit, offset) in filters.prefix(100) { _ = try await one(f, sort, limit, offset) }  // warm-up
        var samples: [(ms: Double, label: String, hits: Int, i: Int)] = []
        for (i, (f, sort, limit, offset)) in filters.dropFirst(100).enumerated() {
            let t0 = ContinuousClock.now
            let total = try await one(f, sort, limit, offset)
            samples.append((ChatClient.milliseconds(ContinuousClock.now - t0), Self.label(f, sort), total, i + 100))
        }
        let indexes = try await db.rows("SELECT indexname FROM pg_indexes WHERE tablename = 'inventory_units' ORDER BY 1").map { try $0.decode(String.self) }
        print("search: \(samples.count) queries of InventoryRepository.search (count exact up to \(InventoryRepository.defaultTotalCap)), one at a time")
        print("  indexes: \(indexes.joined(separator: ", "))")
        print("  all ms                      \(LatencySummary(samples.map(\.ms)))  (aim p95 <= 25)")
        let limit = InventoryRepository.defaultTotalCap
        let broad = samples.filter { $0.hits > limit }, narrow = samples.filter { $0.hits <= limit }
        print("  matching > \(limit) units ms \(LatencySummary(broad.map(\.ms)))")
        print("  matching <= \(limit) units ms \(LatencySummary(narrow.map(\.ms)))")
        for s in samples.sorted(by: { $0.ms > $1.ms }).prefix(5) {
            print(String(format: "  slow: %7.1f ms  %7d matches  %@", s.ms, s.hits, s.label as NSString))
        }
        for s in samples.sorted(by: { $0.ms > $1.ms }).prefix(explain) {
            let (f, sort, limit, offset) = filters[s.i]
            print("  EXPLAIN ANALYZE of: \(s.label)")
            let q = InventoryRepository.searchQuery(f, sort: sort, limit: limit, offset: offset)
            for line in try await Self.explain(db, q) { print("    \(line)") }
        }
    }

    /// A seeded mix like the agents' searches: store always; body, powertrain, budget, seats,
    /// range, make/model, condition, year, mileage, colour in realistic proportions.
    static func filters(count: Int, names: [(String, String, String)], seed: UInt64) -> [(InventoryFilter, InventorySort, Int, Int)] {
        var rng = SeededRandom(seed: seed)
        var out: [(InventoryFilter, InventorySort, Int, Int)] = []
        for _ in 0..<count {
            let store = rng.chance(0.5) ? "sh-pudong" : "sf-bay"
            let cny = store == "sh-pudong"
            var f = InventoryFilter(storeID: StoreID(store))
            if rng.chance(0.45) { f.bodyType = rng.pick([.suv, .suv, .sedan, .mpv, .pickup, .hatchback]) }
            if rng.chance(0.40) { f.powertrain = rng.pick([.bev, .bev, .phev, .hev, .erev, .ice]) }
            if rng.chance(0.55) { f.priceMax = Double(cny ? rng.int(10...40) * 10_000 : rng.int(25...90) * 1_000) }
            if rng.chance(0.10) { f.priceMin = Double(cny ? rng.int(5...15) * 10_000 : rng.int(15...30) * 1_000) }
            if rng.chance(0.15) { f.seatsMin = rng.pick([6, 7, 7]) }
            if rng.chance(0.12) { f.rangeMinKm = rng.pick([400, 500, 600]) }
            if rng.chance(0.25), let n = names.filter({ $0.0 == store }).randomElement(using: &rng) {
                f.make = n.1
                if rng.chance(0.7) { f.model = n.2 }
            }
            if rng.chance(0.20) { f.condition = rng.pick([.new, .used, .cpo]) }
            if rng.chance(0.08) { f.yearMin = rng.int(2019...2024) }
            if rng.chance(0.08) { f.mileageMaxKm = rng.pick([30_000, 60_000, 100_000]) }
            if rng.chance(0.06) { f.color = rng.pick(["white", "black", "blue", "red"]) }
            if rng.chance(0.05) { f.drivetrain = rng.pick([.awd, .fwd, .rwd]) }
            let sort = rng.chance(0.7) ? InventorySort.priceAsc : rng.pick(InventorySort.allCases)
            let offset = rng.chance(0.1) ? rng.pick([5, 10, 20]) : 0
            out.append((f, sort, rng.pick([3, 5, 5, 10]), offset))
        }
        return out
    }

    static func label(_ f: InventoryFilter, _ sort: InventorySort) -> String {
        var parts = [f.storeID.rawValue]
        if let v = f.bodyType { parts.append("body=\(v.rawValue)") }
        if let v = f.powertrain { parts.append("pt=\(v.rawValue)") }
        if let v = f.priceMin { parts.append("min=\(Int(v))") }
        if let v = f.priceMax { parts.append("max=\(Int(v))") }
        if let v = f.seatsMin { parts.append("seats>=\(v)") }
        if let v = f.rangeMinKm { parts.append("range>=\(v)") }
        if let v = f.make { parts.append("make=\(v)") }
        if let v = f.model { parts.append("model=\(v)") }
        if let v = f.condition { parts.append("cond=\(v.rawValue)") }
        if let v = f.yearMin { parts.append("year>=\(v)") }
        if let v = f.mileageMaxKm { parts.append("km<=\(v)") }
        if let v = f.color { parts.append("color=\(v)") }
        if let v = f.drivetrain { parts.append("drive=\(v.rawValue)") }
        return parts.joined(separator: " ") + " sort=\(sort.rawValue)"
    }

    /// EXPLAIN (ANALYZE, BUFFERS) of the search's SQL with the same binds.
    static func explain(_ db: Database, _ query: PostgresQuery) async throws -> [String] {
        try await db.withConnection { conn in
            _ = try await conn.query("BEGIN", logger: db.logger)
            _ = try await conn.query(PostgresQuery(unsafeSQL: "SET LOCAL plan_cache_mode = force_custom_plan"), logger: db.logger)
            var q = query
            q.sql = "EXPLAIN (ANALYZE, BUFFERS) " + q.sql
            var lines: [String] = []
            for try await row in try await conn.query(q, logger: db.logger) { lines.append(try row.decode(String.self)) }
            _ = try await conn.query("ROLLBACK", logger: db.logger)
            return lines
        }
    }
}
