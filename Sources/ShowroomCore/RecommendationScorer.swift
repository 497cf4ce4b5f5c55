import Foundation

/// Ranks candidate units for a customer's needs (pure; the caller loads the store's units).
///
/// - Hard constraints exclude: price above `priceMax`, fewer (or unknown) seats than `seatsMin`.
/// - Each unit gets five component scores in 0…1 (range, space, performance, economy, price;
///   see `RecommendationScorer+Components`). They are averaged with weights: 1 each, plus 4 for
///   the first priority, 3 for the second, 2 for the rest; usage adds city → economy +2,
///   highway → range +1.5 and performance +1, long trips → range +3 and space +1, mixed →
///   economy +1 and range +1.
/// - Soft needs then add or subtract: body type and powertrain asked for (±0.25), home
///   charging (a BEV without it −0.15, −0.25 for highway/long trips; NEVs with it +0.05),
///   city driving with an electrified powertrain +0.05, short-range BEV on long trips −0.1.
/// - Score = (blend + adjustments + 0.85) ÷ 2.45 × 100, one decimal: the adjustments span
///   −0.85…+0.6, so the score stays within 0…100. Order: score, then lower price, then stock number.
/// - Diversity: at most one unit per make + model in the picks.
public struct RecommendationScorer: Sendable {
    public init() {}

    public func rank(_ candidates: [VehicleFacts], for needs: RecommendationNeeds, limit: Int = 3) throws -> [RecommendationPick] {
        guard (1...20).contains(limit) else { throw ShowroomError.invalid("limit must be between 1 and 20, got \(limit)") }
        if let seats = needs.seatsMin, !(1...12).contains(seats) {
            throw ShowroomError.invalid("seats_min must be between 1 and 12, got \(seats)")
        }
        if let budget = needs.priceMax {
            guard budget.minorUnits > 0 else { throw ShowroomError.invalid("price_max must be greater than 0, got \(budget)") }
            if let other = candidates.first(where: { $0.price.currency != budget.currency }) {
                throw ShowroomError.invalid(
                    "price_max is in \(budget.currency.rawValue) but this store prices in \(other.price.currency.rawValue)")
            }
        }
        let eligible = candidates.filter { Self.meetsHardConstraints($0, needs) }
        let weights = Self.weights(for: needs)
        let priceReference = needs.priceMax?.decimal ?? eligible.map(\.price.decimal).max() ?? 1
        let scored = eligible.map { vehicle -> (VehicleFacts, Double) in
            let parts = Self.components(vehicle, priceReference: priceReference)
            let total = weights.values.reduce(0, +)
            let blended = weights.reduce(0.0) { $0 + $1.value * (parts[$1.key] ?? 0) } / total
            let score = ((blended + Self.adjustment(vehicle, needs) + 0.85) / 2.45 * 1000).rounded() / 10
            return (vehicle, score)
        }
        .sorted { a, b in
            if a.1 != b.1 { return a.1 > b.1 }
            if a.0.price != b.0.price { return a.0.price < b.0.price }
            return a.0.id < b.0.id
        }
        var seen = Set<String>()
        var picks: [RecommendationPick] = []
        for (vehicle, score) in scored where picks.count < limit && seen.insert(vehicle.modelKey).inserted {
            let reasons = RecommendationReasons(vehicle: vehicle, needs: needs, weights: weights).texts
            picks.append(RecommendationPick(vehicle: vehicle, score: score, reasons: reasons))
        }
        return picks
    }

    static func meetsHardConstraints(_ v: VehicleFacts, _ needs: RecommendationNeeds) -> Bool {
        if let budget = needs.priceMax, v.price > budget { return false }
        if let seatsMin = needs.seatsMin, (v.seats ?? 0) < seatsMin { return false }
        return true
    }

    /// Weight of each component for these needs (priorities and usage).
    static func weights(for needs: RecommendationNeeds) -> [RecommendationNeeds.Priority: Double] {
        var w = Dictionary(uniqueKeysWithValues: RecommendationNeeds.Priority.allCases.map { ($0, 1.0) })
        var seen = Set<RecommendationNeeds.Priority>()
        for priority in needs.priorities where seen.insert(priority).inserted {
            w[priority, default: 1] += [4.0, 3.0][safe: seen.count - 1] ?? 2
        }
        switch needs.usage {
        case .city: w[.economy, default: 1] += 2
        case .highway: w[.range, default: 1] += 1.5; w[.performance, default: 1] += 1
        case .longTrips: w[.range, default: 1] += 3; w[.space, default: 1] += 1
        case .mixed: w[.economy, default: 1] += 1; w[.range, default: 1] += 1
        case nil: break
        }
        return w
    }

    /// Soft-need bonuses and penalties on the 0…1 scale.
    static func adjustment(_ v: VehicleFacts, _ needs: RecommendationNeeds) -> Double {
        var delta = 0.0
        if let wanted = needs.bodyType, let body = v.bodyType { delta += body == wanted ? 0.25 : -0.25 }
        if let wanted = needs.powertrain, let pt = v.powertrain {
            delta += pt == wanted ? 0.25 : (pt.isNEV && wanted.isNEV ? 0 : -0.25)
        }
        let longDriving = needs.usage == .highway || needs.usage == .longTrips
        switch (needs.homeCharging, v.powertrain) {
        case (false?, .bev?): delta -= longDriving ? 0.25 : 0.15
        case (true?, let pt?) where pt.isNEV: delta += 0.05
        default: break
        }
        if needs.usage == .city, let pt = v.powertrain, pt != .ice { delta += 0.05 }
        if needs.usage == .longTrips, v.powertrain == .bev,
            Double(v.rangeKm ?? 0) < 0.7 * Self.excellentRangeKm(v.price.currency) {
            delta -= 0.1
        }
        return delta
    }
}

extension Array {
    /// The element at an index, or nil when out of range.
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
