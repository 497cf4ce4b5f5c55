extension EmbeddedRouter {
    /// Intents whose follow-ups may state only a slot and mean "the same, refined".
    static let refinableIntents: Set<Intent> = [
        .vehicleSearch, .vehicleDetails, .compare, .recommendation, .priceQuote, .financing, .tradeIn,
    ]

    /// Slots that narrow a search for a car to buy, and nothing that names a unit, a model, a
    /// trade-in's year or mileage, or loan terms.
    static func onlyShoppingFilters(_ s: Slots) -> Bool {
        guard s.make == nil, s.model == nil, s.unknownModel == nil, s.stockNumber == nil, s.vin == nil, s.yearMin == nil, s.mileageMaxKm == nil,
              s.termMonths == nil, s.downPaymentPct == nil else { return false }
        return s.bodyType != nil || s.powertrain != nil || s.seatsMin != nil || s.rangeMinKm != nil || s.drivetrain != nil
            || s.color != nil || s.condition != nil
    }

    /// The decision for a turn in its conversation (pure: same inputs, same decision).
    public func route(_ text: String, context: RouteContext) -> RouteDecision {
        Self.refine(analyze(text), context: context)
    }

    /// Applies the conversation to a turn's analysis.
    ///
    /// - A turn with no intent cue of its own that states a slot, asks for cheaper cars or is a
    ///   follow-up ("那七座的呢", "what about white?", "60期呢") keeps the previous intent when
    ///   that intent is refinable, at confidence 0.8. A details or compare conversation refined by
    ///   filters only (no model, no stock number) becomes a search, and so does a recommendation
    ///   conversation's follow-up that names a model (known or not). In a financing conversation a
    ///   bare number of years is the loan term ("那3年呢" → 36 months).
    /// - "cheaper ones?" / "便宜点的" in a search or recommendation sets `price_max` one unit
    ///   below the cheapest price shown when the caller supplies it, else 15% below the
    ///   profile's `price_max` (rounded to a whole unit); with neither, no price is set. The
    ///   currency comes from the profile, else the context. A turn that states its own price wins.
    /// - A turn whose own hint agrees with the previous intent ("有四驱的吗" after a search) is
    ///   raised to confidence 0.8.
    /// - Escalation, rule-change attempts and turns with their own intent cue are otherwise left as
    ///   they are (apart from the cheaper price).
    public static func refine(_ a: RouteAnalysis, context: RouteContext) -> RouteDecision {
        var d = a.decision
        if d.intent == .humanHandoff || d.intent == .outOfScope && a.hasIntentCue { return d }
        if !a.hasIntentCue, let prev = context.previousIntent, refinableIntents.contains(prev),
           !d.slots.isEmpty || a.asksCheaper || a.isFollowUp || a.statedYears != nil {
            var intent = prev
            let s = d.slots
            if prev == .vehicleDetails || prev == .compare, s.model == nil, s.make == nil, s.stockNumber == nil {
                intent = .vehicleSearch
            }
            // After a quote, a payment or a trade-in, a follow-up that only states what the customer
            // wants to buy ("那七座的呢" after appraising their Accord) is shopping again.
            if prev == .priceQuote || prev == .financing || prev == .tradeIn, Self.onlyShoppingFilters(s) {
                intent = .vehicleSearch
            }
            // After a recommendation, naming a model ("那汉呢", "BMW M3") asks for that model: a search
            // (a recommendation ranks by needs and would drop the name).
            if prev == .recommendation, s.model != nil || s.unknownModel != nil {
                intent = .vehicleSearch
            }
            d = RouteDecision(intent: intent, confidence: 0.8, slots: s)
        } else if d.intent == context.previousIntent, d.confidence < 0.8 {  // "有四驱的吗" after a search
            d.confidence = 0.8
        }
        if d.intent == .financing, d.slots.termMonths == nil, let years = a.statedYears {
            d.slots.termMonths = years * 12
        }
        if a.asksCheaper, d.intent == .vehicleSearch || d.intent == .recommendation,
           d.slots.priceMax == nil, d.slots.priceMin == nil {
            let ceiling = context.cheapestShownPrice.map { $0 - 1 }
                ?? context.profile.priceMax.map { Int((Double($0) * 0.85).rounded()) }
            if let ceiling, let currency = context.profile.currency ?? context.currency {
                d.slots.priceMax = ceiling
                d.slots.currency = currency
            }
        }
        return d
    }
}
