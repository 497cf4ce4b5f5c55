extension EmbeddedRouter {
    /// The slots of routing.md from what the scanners found.
    ///
    /// Choices the spec leaves open:
    /// - Several models named: `model` unset (the caller reads `mentions`), `make` set when they
    ///   share one make. Several makes: both unset.
    /// - Two different values of one kind ("SUV or MPV", "new or used"): that slot is unset.
    /// - A price with no comparison word is a ceiling ("预算20万", "$30k SUV" → price_max).
    /// - 预算 / budget makes a bare number a price; "k" is USD in English text and CNY in Chinese.
    /// - A distance is range when 续航/range is near or it is a minimum, mileage when 里程/mileage
    ///   is near or it is a maximum; otherwise mileage from 1,000 km up, range below.
    /// - Years ("3年", "5 years") are a loan term only when the turn talks about a loan.
    func extractSlots(_ f: Facts) -> Slots {
        var s = Slots()
        setMakeAndModel(f, &s)
        if s.make != nil, s.model == nil { s.unknownModel = unknownModel(f) }
        setCategories(f, &s)
        setQuantities(f, &s)
        if f.has({ $0 == .zeroDown }) { s.downPaymentPct = 0 }
        s.stockNumber = f.stockNumber
        s.vin = f.vin
        return s
    }

    private func setMakeAndModel(_ f: Facts, _ s: inout Slots) {
        let models = f.mentions.filter { $0.model != nil }
        let makes = Set(f.mentions.map(\.make))
        if Set(models.map(\.key)).count == 1, makes.count == 1 {
            s.make = models[0].make
            s.model = models[0].model
        } else if makes.count == 1 {
            s.make = f.mentions.first?.make
        }
    }

    private func setCategories(_ f: Facts, _ s: inout Slots) {
        var body: Set<BodyType> = [], power: Set<Powertrain> = [], cond: Set<VehicleCondition> = []
        var drive: Set<Drivetrain> = [], colors: Set<String> = []
        var firstColor: String?
        for (n, h) in f.hits.enumerated() {
            for c in h.cues {
                switch c {
                case .body(let b): body.insert(b)
                case .powertrain(let p): power.insert(p)
                case .condition(let v): cond.insert(v)
                case .drivetrain(let d): drive.insert(d)
                case .color(let v): colors.insert(v); firstColor = firstColor ?? v
                case .newSoft where newIsCondition(f, hitIndex: n): cond.insert(.new)
                default: break
                }
            }
        }
        if body.count == 1 { s.bodyType = body.first }
        if power.count == 1 { s.powertrain = power.first }
        if cond.count == 1 { s.condition = cond.first }
        if drive.count == 1 { s.drivetrain = drive.first }
        if colors.count == 1 { s.color = firstColor }
    }

    /// "new" is a condition right before a body type, a powertrain or a model ("new SUV", "new Camry").
    private func newIsCondition(_ f: Facts, hitIndex n: Int) -> Bool {
        let end = f.hits[n].end
        let next = f.text.skipSpaces(from: end)
        if f.mentions.contains(where: { $0.start == next }) { return true }
        guard n + 1 < f.hits.count, f.hits[n + 1].start == next else { return false }
        return f.hits[n + 1].cues.contains { c in
            if case .body = c { return true }
            if case .powertrain = c { return true }
            return false
        }
    }

    // MARK: numbers

    private func setQuantities(_ f: Facts, _ s: inout Slots) {
        var used = Set<Int>()
        let qs = f.quantities
        // Ranges: "20-30万", "20到30万", "$20k-$30k", "between 20k and 30k".
        for i in qs.indices.dropLast() where !used.contains(i) {
            if qs[i].value == 0, gap(f, qs[i], qs[i + 1]) == "-" {  // 0-100 km/h, 0-60 mph
                used.formUnion([i, i + 1])
                continue
            }
            guard let (lo, hi) = priceRange(f, qs[i], qs[i + 1]) else { continue }
            s.priceMin = lo.int
            s.priceMax = hi.int
            s.currency = currency(of: hi, f)
            used.formUnion([i, i + 1])
        }
        let loanTalk = f.has { if case .loanWord = $0 { return true }; return false }
        for (i, q) in qs.enumerated() where !used.contains(i) {
            assign(q, f, loanTalk: loanTalk, &s)
        }
    }

    private func assign(_ q: Quantity, _ f: Facts, loanTalk: Bool, _ s: inout Slots) {
        let small = q.value == q.value.rounded() && q.value >= 1 && q.value <= 9
        switch q.unit {
        case .percent, .cheng:
            if near(f, q, before: 10, after: 8, { $0 == .downWord }) {
                s.downPaymentPct = s.downPaymentPct ?? Int((q.unit == .cheng ? q.value * 10 : q.value).rounded())
            }
            return
        case .seats, .people:  // "五口之家要七座": the larger count wins
            if small, q.value >= 2 { s.seatsMin = max(s.seatsMin ?? 0, q.int) }
            return
        case .months:
            if q.value >= 1, q.value <= 120 { s.termMonths = s.termMonths ?? q.int }
            return
        case .km, .miles:
            assignDistance(q, f, &s)
            return
        default:
            break
        }
        if q.looksLikeYear, q.currency == nil {
            if let y = yearMinimum(q, f) { s.yearMin = s.yearMin ?? y }
            return
        }
        if q.unit == .years {
            if loanTalk, q.value >= 1, q.value <= 10 { s.termMonths = s.termMonths ?? q.int * 12 }
            return
        }
        if q.unit == .none, small, q.multiplier == .none {
            if before(f, q, within: 4, { $0 == .familyWord }) != nil || before(f, q, within: 3, { $0 == .seatsWord }) != nil {
                s.seatsMin = max(s.seatsMin ?? 0, q.int)
                return
            }
        }
        assignPrice(q, f, &s)
    }

    private func assignPrice(_ q: Quantity, _ f: Facts, _ s: inout Slots) {
        guard q.unit == .currency || q.unit == .none else { return }
        let bound = bound(of: q, f)
        if !q.isMoney {
            let budget = near(f, q, before: 10, after: 4, { $0 == .budget })
            guard q.value >= 1000, bound != nil || budget else { return }
        }
        // Payments and down payments are not vehicle prices.
        if near(f, q, before: 8, after: 5, { $0 == .monthlyWord || $0 == .downWord }) { return }
        let v = q.value
        if let top = q.top, bound != .above {  // 20多万, 二三十万: the span itself
            if s.priceMax == nil { s.priceMax = Int(top.rounded()) }
            if s.priceMin == nil, bound != .below { s.priceMin = q.int }
            if s.currency == nil { s.currency = currency(of: q, f) }
            return
        }
        switch bound ?? .below {
        case .below: if s.priceMax == nil { s.priceMax = q.int }
        case .above: if s.priceMin == nil { s.priceMin = q.int }
        case .around:
            guard s.priceMin == nil, s.priceMax == nil else { return }
            s.priceMin = Int((v * 0.9).rounded())
            s.priceMax = Int((v * 1.1).rounded())
        }
        if s.currency == nil { s.currency = currency(of: q, f) }
    }

    private func assignDistance(_ q: Quantity, _ f: Facts, _ s: inout Slots) {
        let km = Int((q.unit == .miles ? q.value * 1.609 : q.value).rounded())
        let b = bound(of: q, f)
        var isRange: Bool
        if near(f, q, before: 16, after: 10, { $0 == .rangeWord }) { isRange = true }
        else if near(f, q, before: 16, after: 10, { $0 == .mileageWord }) { isRange = false }
        else if b == .above { isRange = true }
        else if b == .below { isRange = false }
        else { isRange = km < 1000 }
        if isRange, km <= 2000, b != .below { s.rangeMinKm = s.rangeMinKm ?? km }
        if !isRange, b != .above { s.mileageMaxKm = s.mileageMaxKm ?? km }
    }

    /// The year a turn asks for at least: "2022 or newer", "2022年以后", "2022+", "newer than 2021" (2022).
    private func yearMinimum(_ q: Quantity, _ f: Facts) -> Int? {
        if q.plus { return q.int }
        if after(f, q, within: 3, { c in
            if c == .yearOnward { return true }
            if case .bound(.above, let side) = c { return side != .before }
            return false
        }) != nil { return q.int }
        if before(f, q, within: 4, { $0 == .yearNewerThan }) != nil { return q.int + 1 }
        if before(f, q, within: 4, { c in
            if c == .yearSince { return true }
            if case .bound(.above, let side) = c { return side != .after }
            return false
        }) != nil { return q.int }
        return nil
    }

    private func priceRange(_ f: Facts, _ a: Quantity, _ b: Quantity) -> (Quantity, Quantity)? {
        guard a.value > 0, a.unit == .none || a.unit == .currency, b.unit == .none || b.unit == .currency,
              a.isMoney || b.isMoney else { return nil }
        let gap = gap(f, a, b)
        let between = before(f, a, within: 6, { $0 == .between }) != nil
        guard ["-", "~", "to", "到", "至", "—"].contains(gap) || (gap == "and" && between) else { return nil }
        var lo = a
        if !a.isMoney || (a.multiplier == .none && b.multiplier != .none && a.value * QuantityScanner.scale(b.multiplier) <= b.value) {
            lo.value *= QuantityScanner.scale(b.multiplier)
            lo.multiplier = b.multiplier
        }
        lo.currency = lo.currency ?? b.currency
        guard lo.value < b.value, lo.value >= 100 else { return nil }
        return (lo, b)
    }

    private func gap(_ f: Facts, _ a: Quantity, _ b: Quantity) -> String {
        a.end <= b.start ? NormalizedText.string(f.text.scalars[a.end..<b.start]).trimmingSpaces : ""
    }


    /// Written currency, else 万 → CNY, else the language of the text (k/grand/bare numbers are
    /// USD in English text, CNY in Chinese text).
    private func currency(of q: Quantity, _ f: Facts) -> Currency {
        if let c = q.currency { return c }
        if q.multiplier == .wan { return .CNY }
        return f.text.hasCJK ? .CNY : .USD
    }

    /// The comparison that applies to `q`: a symbol, a word right before it, or one right after it.
    func bound(of q: Quantity, _ f: Facts) -> RouterCue.Bound? {
        if let s = q.symbol {
            switch s {
            case .below: return .below
            case .above: return .above
            case .around: return .around
            }
        }
        if q.plus { return .above }
        var found: RouterCue.Bound?
        if let h = before(f, q, within: 8, { c in if case .bound(_, let side) = c { return side != .after }; return false }) {
            found = Self.boundValue(h)
        }
        if let h = after(f, q, within: 3, { c in if case .bound(_, let side) = c { return side != .before }; return false }) {
            found = found ?? Self.boundValue(h)
        }
        return found
    }

    private static func boundValue(_ h: CueMatcher.Hit) -> RouterCue.Bound? {
        for c in h.cues { if case .bound(let b, _) = c { return b } }
        return nil
    }

    // MARK: proximity

    /// The nearest hit ending at most `within` scalars before `q` with no digit in between.
    func before(_ f: Facts, _ q: Quantity, within: Int, _ p: (RouterCue) -> Bool) -> CueMatcher.Hit? {
        f.hits.last { h in
            h.end <= q.start && q.start - h.end <= within && h.cues.contains(where: p)
                && !f.text.scalars[h.end..<q.start].contains(where: NormalizedText.isDigit)
        }
    }

    /// The nearest hit starting at most `within` scalars after `q` with no digit in between.
    func after(_ f: Facts, _ q: Quantity, within: Int, _ p: (RouterCue) -> Bool) -> CueMatcher.Hit? {
        f.hits.first { h in
            h.start >= q.end && h.start - q.end <= within && h.cues.contains(where: p)
                && !f.text.scalars[q.end..<h.start].contains(where: NormalizedText.isDigit)
        }
    }

    func near(_ f: Facts, _ q: Quantity, before b: Int, after a: Int, _ p: (RouterCue) -> Bool) -> Bool {
        before(f, q, within: b, p) != nil || after(f, q, within: a, p) != nil
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
