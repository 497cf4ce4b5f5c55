extension EmbeddedRouter {
    /// A model name the lexicon does not know, written right after the only make of a turn that
    /// names no model: "Toyota Supra", "有丰田Supra吗", "BMW M3", "Honda Pilot EX" → `Supra`,
    /// `Supra`, `M3`, `Pilot EX` (as the customer wrote it; all lower case is capitalized).
    ///
    /// Choices, to avoid reading ordinary words as names:
    /// - Only Latin words right after the make (spaces between, or none after Chinese): a Chinese
    ///   word after a make ("丰田电动", "丰田的车") is too often not a name to guess.
    /// - The word has at least two characters and a letter, is no router cue ("SUV", "hybrid",
    ///   "under", "in stock"), no number the scanners read (prices, years, seats), no stock
    ///   number or VIN, no name of the lexicon, no common English word and no word of
    ///   `notModelNames` ("cars", "for", "price").
    /// - One more word may follow, joined by one space or hyphen, if it passes the same checks
    ///   ("Land Cruiser") or is a bare one- or two-digit number ("Atto 3").
    /// - A model alone ("Supra" with no make) is not guessed.
    func unknownModel(_ f: Facts) -> String? {
        guard !f.mentions.isEmpty, f.mentions.allSatisfy({ $0.model == nil }), Set(f.mentions.map(\.make)).count == 1 else { return nil }
        for m in f.mentions {
            let j = f.text.skipSpaces(from: m.end)
            guard let first = token(startingAt: j, f), modelLike(first, f) else { continue }
            var end = first.end
            if let gap = f.text[safe: first.end], gap == 0x20 || gap == 0x2D, let second = token(startingAt: first.end + 1, f),
               modelLike(second, f) || bareSmallNumber(second, f) {
                end = second.end
            }
            return written(f, first.start..<end)
        }
        return nil
    }

    private func token(startingAt i: Int, _ f: Facts) -> NormalizedText.Token? {
        guard let k = f.text.tokenAt.indices.contains(i) ? Int(f.text.tokenAt[i]) : nil, k >= 0 else { return nil }
        let tok = f.text.tokens[k]
        return tok.start == i ? tok : nil
    }

    private func modelLike(_ tok: NormalizedText.Token, _ f: Facts) -> Bool {
        guard tok.length >= 2, tok.length <= 12, tok.letters > 0, !claimed(tok, f) else { return false }
        let word = tok.text
        return !lexicon.knows(word) && !lexicon.protectedWords.contains(word) && !Self.notModelNames.contains(word)
    }

    /// "3" of "Atto 3": a plain number the scanners gave no unit, currency or comparison.
    private func bareSmallNumber(_ tok: NormalizedText.Token, _ f: Facts) -> Bool {
        guard tok.letters == 0, tok.length <= 2, !f.hits.contains(where: { overlaps($0.start..<$0.end, tok) }) else { return false }
        return f.quantities.allSatisfy { q in
            !overlaps(q.start..<q.end, tok)
                || (q.unit == .none && q.multiplier == .none && q.currency == nil && q.symbol == nil && !q.plus)
        }
    }

    /// Taken by a cue, a number or a code.
    private func claimed(_ tok: NormalizedText.Token, _ f: Facts) -> Bool {
        if f.hits.contains(where: { overlaps($0.start..<$0.end, tok) }) { return true }
        if f.quantities.contains(where: { overlaps($0.start..<$0.end, tok) }) { return true }
        let upper = tok.text.uppercased()
        return upper == f.stockNumber || upper == f.vin
    }

    private func overlaps(_ r: Range<Int>, _ tok: NormalizedText.Token) -> Bool { r.lowerBound < tok.end && tok.start < r.upperBound }

    /// The span as the customer wrote it (full-width letters folded); all lower case is
    /// capitalized: short or digit-bearing words upper case ("m3" → "M3"), others title case.
    private func written(_ f: Facts, _ span: Range<Int>) -> String {
        let raw = Array(f.raw.unicodeScalars)
        var out = String.UnicodeScalarView()
        if raw.count == f.text.count {  // folding kept every scalar: offsets are the same
            for v in raw[span].map(\.value) {
                let ascii = (0xFF01...0xFF5E).contains(v) ? v - 0xFEE0 : (v == 0x3000 ? 0x20 : v)
                if let u = Unicode.Scalar(ascii) { out.append(u) }
            }
        } else {
            out = NormalizedText.string(f.text.scalars[span]).unicodeScalars
        }
        let text = String(out)
        guard text == text.lowercased() else { return text }
        return text.split(separator: " ", omittingEmptySubsequences: false).map { word -> String in
            let w = String(word)
            if w.count <= 3 || w.contains(where: \.isNumber) { return w.uppercased() }
            return w.prefix(1).uppercased() + w.dropFirst()
        }.joined(separator: " ")
    }

    /// Words that follow a make without naming a model ("Toyota cars", "BMW for my wife").
    static let notModelNames: Set<String> = [
        "a", "an", "the", "and", "or", "vs", "versus", "for", "with", "without", "in", "on", "at", "to", "from", "of", "by",
        "near", "nearby", "is", "are", "was", "be", "do", "does", "did", "you", "your", "have", "has", "had", "some", "me",
        "my", "we", "us", "our", "it", "its", "here", "what", "who", "how", "why", "when", "can", "will", "car", "cars",
        "vehicle", "vehicles", "auto", "autos", "truck", "trucks", "brand", "brands", "make", "makes", "lineup", "line",
        "one", "ones", "dealer", "dealers", "dealership", "now", "pls", "plz", "yes", "no", "not", "only", "also", "too",
        "just", "like", "love", "want", "need", "get", "buy", "buying", "sell", "selling", "leasing", "financing", "loan",
        "deals", "deal", "offer", "offers", "discount", "discounts", "promo", "promos", "promotion", "promotions", "sale",
        "info", "details", "detail", "review", "reviews", "quote", "pricing", "cost", "costs", "msrp", "otd", "payment",
        "payments", "cheap", "affordable", "new", "used", "old", "certified", "stock", "colors", "colour", "colours",
        "color", "trim", "trims", "version", "versions", "edition", "package", "inside", "around", "less", "more", "than",
        "max", "min", "usd", "rmb", "cny", "dollars", "grand", "etc", "again", "instead", "else", "either", "both", "all",
        "every", "each", "any", "if", "so", "but", "then", "maybe", "really", "very", "good", "best", "better", "nice",
        "thx", "ty", "lol", "ok", "okay", "hi", "hello", "hey", "that", "this", "these", "those", "there", "which",
        "where", "asap", "soon", "available", "please", "models", "model", "price", "prices", "stuff", "today", "tomorrow", "cheaper",
    ]
}
