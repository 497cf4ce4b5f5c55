extension EmbeddedRouter {
    struct Verdict {
        var intent: Intent
        var confidence: Double
        var hasIntentCue: Bool
        var clearsSlots = false
    }

    /// Ties between equally weighted cues go to the earlier intent here.
    static let priority: [Intent] = [
        .humanHandoff, .outOfScope, .financing, .tradeIn, .testDrive, .priceQuote, .compare, .recommendation,
        .dealerInfo, .vehicleDetails, .vehicleSearch, .greeting,
    ]

    /// The intent of a turn.
    ///
    /// Escalation first, then rule-change attempts, then the strongest intent cue (ties by
    /// `priority`); details wording counts fully only when a model or unit is named, "which is
    /// better" is compare with two models named and recommendation otherwise. A turn with no
    /// intent cue falls back on its slots (`fallback`).
    func decideIntent(_ f: Facts, slots: Slots) -> Verdict {
        if f.has({ $0 == .escalation }) {
            return Verdict(intent: .humanHandoff, confidence: 0.97, hasIntentCue: true)
        }
        if f.has({ $0 == .injection }) || absurdOffer(f) {
            return Verdict(intent: .outOfScope, confidence: 0.95, hasIntentCue: true, clearsSlots: true)
        }
        let named = !f.mentions.isEmpty || slots.stockNumber != nil || slots.vin != nil
        let distinct = Set(f.mentions.map(\.key)).count
        var score: [Intent: Double] = [:]
        var count: [Intent: Int] = [:]
        func add(_ i: Intent, _ w: Double) {
            score[i] = max(score[i] ?? 0, w)
            count[i, default: 0] += 1
        }
        for h in f.hits {
            // "续航500公里以上" is a filter, not a question about range.
            if slots.rangeMinKm != nil, h.cues.contains(.rangeWord) { continue }
            if slots.mileageMaxKm != nil, h.cues.contains(.mileageWord) { continue }
            for c in h.cues {
                switch c {
                case .intent(let i, let w): add(i, w)
                case .detailsOfNamed(let w): add(.vehicleDetails, named ? w : 0.55)
                case .whichIsBetter: distinct >= 2 ? add(.compare, 1.0) : add(.recommendation, 0.9)
                case .either where distinct >= 2: add(.compare, 0.75)
                case .stockWord where slots.stockNumber == nil: add(.vehicleSearch, 0.7)
                default: break
                }
            }
        }
        if askHave(f), !slots.isEmpty || named { add(.vehicleSearch, 0.7) }
        guard let best = Self.priority.max(by: { (score[$0] ?? -1, -rank($0)) < (score[$1] ?? -1, -rank($1)) }),
              let w = score[best] else {
            return fallback(f, slots: slots)
        }
        var intent = best
        if intent == .vehicleDetails, distinct >= 2 { intent = .compare }
        let runnerUp = score.filter { $0.key != best }.values.max() ?? 0
        var confidence: Double
        if w >= 0.85 {
            confidence = 0.88 + ((count[best] ?? 0) >= 2 ? 0.04 : 0) + (runnerUp < 0.7 ? 0.03 : 0)
        } else if w >= 0.65 {
            confidence = 0.72
        } else {
            confidence = 0.62
        }
        let inferred = fallback(f, slots: slots)  // "I need a 7-seater hybrid under 50k": the filters agree
        if inferred.intent == intent { confidence = max(confidence, inferred.confidence) }
        return Verdict(intent: intent, confidence: min(confidence, 0.95), hasIntentCue: true)
    }

    private func rank(_ i: Intent) -> Int { Self.priority.firstIndex(of: i) ?? 99 }

    /// A turn with no intent cue, decided by what it names and filters:
    /// a stock number or VIN → details (0.75); two powertrains or body types with or / 还是 →
    /// recommendation (0.7); two models → compare (0.7); one model → details
    /// (0.65) or, with filters, search (0.7, 0.8 from two filters); filters only → search (0.8
    /// from two, 0.55 for one: "那七座的呢" needs the conversation); loan terms → financing (0.7);
    /// "cheaper ones?" → search (0.55); a greeting → greeting (0.9); nothing → out_of_scope (0.3).
    func fallback(_ f: Facts, slots s: Slots) -> Verdict {
        let models = Set(f.mentions.filter { $0.model != nil }.map(\.key)).count
        var filters = [s.bodyType != nil, s.priceMin != nil || s.priceMax != nil, s.seatsMin != nil,
                       s.rangeMinKm != nil, s.drivetrain != nil, s.yearMin != nil, s.mileageMaxKm != nil,
                       s.color != nil, s.condition != nil].filter { $0 }.count
        if models == 0, s.make != nil { filters += 1 }
        if models == 0, s.powertrain != nil { filters += 1 }
        func v(_ i: Intent, _ c: Double) -> Verdict { Verdict(intent: i, confidence: c, hasIntentCue: false) }
        if (s.stockNumber != nil || s.vin != nil), filters == 0 { return v(.vehicleDetails, 0.75) }
        if weighsOptions(f) { return v(.recommendation, 0.7) }
        if Set(f.mentions.map(\.key)).count >= 2 { return v(.compare, 0.7) }
        if models == 1 { return filters == 0 ? v(.vehicleDetails, 0.65) : v(.vehicleSearch, filters >= 2 ? 0.8 : 0.7) }
        if filters >= 2 { return v(.vehicleSearch, 0.8) }
        if filters == 1 { return v(.vehicleSearch, 0.55) }
        if s.termMonths != nil || s.downPaymentPct != nil { return v(.financing, 0.7) }
        if f.has({ $0 == .cheaper }) { return v(.vehicleSearch, 0.55) }
        if f.has({ $0 == .greeting }) { return v(.greeting, 0.9) }
        return v(.outOfScope, 0.3)
    }

    /// "PHEV or EV?", "纯电还是插混好": two powertrains or body types joined by or / 还是.
    private func weighsOptions(_ f: Facts) -> Bool {
        guard f.has({ $0 == .either }) else { return false }
        var kinds: Set<RouterCue> = []
        for h in f.hits {
            for c in h.cues {
                switch c {
                case .powertrain, .body: kinds.insert(c)
                default: break
                }
            }
        }
        return kinds.count >= 2
    }

    /// "有白色的吗", "有四驱的吗": 有 ... 吗 asks whether such cars exist.
    private func askHave(_ f: Facts) -> Bool {
        guard let you = f.text.scalars.firstIndex(of: 0x6709) else { return false }  // 有
        return f.text.scalars[you...].contains(0x5417)  // 吗
    }

    /// "$1", "一块钱": an offer no dealer makes, the classic attempt to get a binding $1 deal.
    private func absurdOffer(_ f: Facts) -> Bool {
        f.quantities.contains { $0.unit == .currency || $0.currency != nil ? $0.value > 0 && $0.value <= 1 : false }
    }
}
