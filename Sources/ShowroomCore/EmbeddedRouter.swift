/// The offline router of routing.md: intent, normalized slots and confidence for one turn of
/// Chinese, English or mixed text, with typos, in pure code.
///
/// Confidence tells the caller whether to trust the decision: ≥ 0.8 when a clear cue fired
/// ("试驾", "in stock", "月供"), 0.6–0.8 for hints and slot-only turns with several filters, below
/// 0.6 when little or nothing matched (send those turns to an LLM). Escalation ("转人工",
/// "manager", "complaint") always routes to `human_handoff` (0.97) and keeps its slots; an attempt
/// to change the assistant's rules ("ignore previous instructions", "legally binding") routes
/// to `out_of_scope` (0.95) with no slots, even when it also asks about a car — the safe choice.
///
/// Everything is precompiled (lexicon trie, cue tables); a turn is scanned a few times as an
/// array of scalars, with no regular expressions.
public struct EmbeddedRouter: Sendable {
    public let lexicon: Lexicon
    let cues: CueMatcher

    /// The phrase tables, compiled once per process.
    static let sharedCues = CueMatcher(vocabulary)

    public init(lexicon: Lexicon) {
        let cues = Self.sharedCues
        self.cues = cues
        self.lexicon = lexicon.protecting(cues.vocabulary.keys)
    }

    /// The decision for one turn, without conversation context.
    public func route(_ text: String) -> RouteDecision {
        analyze(text).decision
    }

    /// Every make and model the turn names, in order (for compare).
    public func mentions(_ text: String) -> [LexiconMention] {
        lexicon.mentions(in: text)
    }

    /// The decision with what the refinement step needs to know about the turn.
    public func analyze(_ text: String) -> RouteAnalysis {
        let facts = facts(of: text)
        var slots = extractSlots(facts)
        let verdict = decideIntent(facts, slots: slots)
        if verdict.clearsSlots { slots = Slots() }
        if verdict.intent == .tradeIn { slots.condition = nil }  // describes the customer's car, not the one to buy
        return RouteAnalysis(
            decision: RouteDecision(intent: verdict.intent, confidence: verdict.confidence, slots: slots),
            hasIntentCue: verdict.hasIntentCue, asksCheaper: facts.has { $0 == .cheaper },
            isFollowUp: facts.has { $0 == .followUp },
            statedYears: facts.quantities.first { $0.unit == .years && $0.value >= 1 && $0.value <= 10 }?.int)
    }

    // MARK: facts of a turn

    /// What the scanners found in one turn.
    struct Facts {
        /// The turn as written (for names quoted back as the customer spelled them).
        let raw: String
        let text: NormalizedText
        let mentions: [LexiconMention]
        let hits: [CueMatcher.Hit]
        let quantities: [Quantity]
        let stockNumber: String?
        let vin: String?

        func has(_ p: (RouterCue) -> Bool) -> Bool { hits.contains { $0.cues.contains(where: p) } }
    }

    func facts(of raw: String) -> Facts {
        let t = NormalizedText(raw)
        let mentions = lexicon.mentions(in: t)
        var skip = mentions.map { $0.start..<$0.end }
        let protected = Lexicon.commonEnglishWords
        var hits = cues.hits(in: t, skip: skip, protected: protected)
        let codes = findCodes(t, hits: hits, mentions: skip)
        if !codes.spans.isEmpty {
            skip += codes.spans
            hits.removeAll { h in codes.spans.contains { $0.lowerBound < h.end && h.start < $0.upperBound } }
        }
        let quantities = QuantityScanner.scan(t, skip: skip)
        return Facts(raw: raw, text: t, mentions: mentions, hits: hits, quantities: quantities,
                     stockNumber: codes.stock, vin: codes.vin)
    }

    /// VINs (17 characters of the VIN alphabet), stock numbers by shape (1–3 letters then 3–6
    /// digits: A123, SH24001) and any code right after "stock #" or "库存编号"; names the lexicon
    /// knows (M7, L9, 001, F-150) are never stock numbers. Both are upper-cased.
    private func findCodes(_ t: NormalizedText, hits: [CueMatcher.Hit], mentions: [Range<Int>])
        -> (stock: String?, vin: String?, spans: [Range<Int>])
    {
        var stock: String?, vin: String?
        var spans: [Range<Int>] = []
        for tok in t.tokens where !mentions.contains(where: { $0.lowerBound < tok.end && tok.start < $0.upperBound }) {
            if vin == nil, Self.isVIN(tok) {
                vin = tok.text.uppercased()
                spans.append(tok.start..<tok.end)
                continue
            }
            guard stock == nil, tok.digits > 0, tok.length >= 3, tok.length <= 12, !lexicon.knows(tok.text),
                  QuantityScanner.currencyWords[String(tok.text.prefix { $0.isLetter })] == nil else { continue }
            if Self.hasStockShape(tok) || afterStockWord(tok, t, hits) {
                stock = tok.text.uppercased()
                spans.append(tok.start..<tok.end)
            }
        }
        return (stock, vin, spans)
    }

    private static func isVIN(_ tok: NormalizedText.Token) -> Bool {
        tok.length == 17 && tok.digits > 0 && tok.letters > 0
            && !tok.text.unicodeScalars.contains { $0 == "i" || $0 == "o" || $0 == "q" }
    }

    private static func hasStockShape(_ tok: NormalizedText.Token) -> Bool {
        let u = Array(tok.text.utf8)
        let letters = u.prefix { $0 >= 0x61 && $0 <= 0x7A }.count
        return (1...3).contains(letters) && (3...6).contains(u.count - letters)
            && u[letters...].allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// "stock #SF24012", "stock number: 24012", "库存编号 SH24001", "#A123".
    private func afterStockWord(_ tok: NormalizedText.Token, _ t: NormalizedText, _ hits: [CueMatcher.Hit]) -> Bool {
        var k = tok.start
        var hash = false
        while k > 0, [0x20, 0x23, 0x3A, 0x2E].contains(t.scalars[k - 1]) {  // space # : .
            if t.scalars[k - 1] == 0x23 { hash = true }
            k -= 1
        }
        return hash || hits.contains { h in h.end == k && h.cues.contains(.stockWord) }
    }
}
