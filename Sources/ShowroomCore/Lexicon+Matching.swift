extension Lexicon {
    /// Every make and model mention in `text`, in order of appearance.
    ///
    /// At each word boundary the longest name wins; a make directly followed by one of its
    /// models ("Toyota Camery") is one mention of the model. Misspelled Latin names are tried
    /// only on words no exact name covered.
    public func mentions(in text: String) -> [LexiconMention] {
        mentions(in: NormalizedText(text))
    }

    /// The longest mention in `text` (the first of equally long ones), if any.
    public func longestMention(in text: String) -> LexiconMention? {
        var best: LexiconMention?
        for m in mentions(in: text) where m.end - m.start > (best.map { $0.end - $0.start } ?? 0) { best = m }
        return best
    }

    func mentions(in t: NormalizedText) -> [LexiconMention] {
        var found = exactMatches(in: t)
        found += approximateMatches(in: t, avoiding: found)
        found.sort { $0.start < $1.start }
        return mergeMakeAndModel(found, in: t)
    }

    private func mention(_ entry: Int, _ t: NormalizedText, _ start: Int, _ end: Int, approximate: Bool) -> LexiconMention {
        let e = entries[entry]
        return LexiconMention(make: e.make, model: e.model, text: NormalizedText.string(t.scalars[start..<end]),
                              isApproximate: approximate, start: start, end: end)
    }

    /// Longest exact names from each boundary of the compacted text.
    private func exactMatches(in t: NormalizedText) -> [LexiconMention] {
        // Compact view: word scalars only, with their offsets and where words begin.
        var pos: [Int] = []
        pos.reserveCapacity(t.count)
        for (i, v) in t.scalars.enumerated() where NormalizedText.isWordScalar(v) { pos.append(i) }
        let n = pos.count
        func boundary(_ k: Int) -> Bool {
            if k == 0 || k == n { return true }
            let v = t.scalars[pos[k]], p = t.scalars[pos[k - 1]]
            return pos[k] != pos[k - 1] + 1 || NormalizedText.isCJK(v) || NormalizedText.isCJK(p)
        }
        var out: [LexiconMention] = []
        var ends: [(Int, NameInfo)] = []
        var k = 0
        while k < n {
            guard boundary(k) else { k += 1; continue }
            ends.removeAll(keepingCapacity: true)
            var node: Int32 = 0
            var j = k
            while j < n, let next = child(node, t.scalars[pos[j]]) {
                node = next
                j += 1
                if let info = name(at: node), boundary(j) { ends.append((j, info)) }
            }
            var matched = false
            for (end, info) in ends.reversed() {
                let s = pos[k], e = pos[end - 1] + 1
                guard Self.contextAllows(info.kind, in: t, start: s, end: e) else { continue }
                out.append(mention(Int(info.entry), t, s, e, approximate: false))
                k = end
                matched = true
                break
            }
            if !matched { k += 1 }
        }
        return out
    }

    /// Names within one edit on runs of one to three Latin words that no exact name covers.
    private func approximateMatches(in t: NormalizedText, avoiding exact: [LexiconMention]) -> [LexiconMention] {
        let toks = t.tokens
        guard !toks.isEmpty else { return [] }
        var free = toks.map { tok in
            tok.letters > 0 && !exact.contains { $0.start < tok.end && tok.start < $0.end }
        }
        var out: [LexiconMention] = []
        var i = 0
        while i < toks.count {
            guard free[i] else { i += 1; continue }
            var matchedLength = 0
            for len in stride(from: min(3, toks.count - i), through: 1, by: -1) {
                let span = toks[i..<(i + len)]
                guard span.indices.allSatisfy({ free[$0] && !protectedWords.contains(toks[$0].text) }),
                      Self.joinedBySeparators(span, in: t) else { continue }
                let query = span.map(\.text).joined()
                guard query.utf8.count >= 5 else { continue }
                let hits = typos.payloads(near: query)
                guard hits.count == 1 else { continue }
                out.append(mention(hits[0], t, span.first!.start, span.last!.end, approximate: true))
                matchedLength = len
                break
            }
            if matchedLength > 0 {
                for k in i..<(i + matchedLength) { free[k] = false }
                i += matchedLength
            } else {
                i += 1
            }
        }
        return out
    }

    /// True when consecutive tokens are separated only by spaces, hyphens or dots.
    private static func joinedBySeparators(_ span: ArraySlice<NormalizedText.Token>, in t: NormalizedText) -> Bool {
        var prev: NormalizedText.Token?
        for tok in span {
            if let p = prev {
                for v in t.scalars[p.end..<tok.start] where !(v == 0x20 || v == 0x2D || v == 0x2E) { return false }
            }
            prev = tok
        }
        return true
    }

    /// "Toyota Camery" is one mention of the Camry: a make followed only by separators and then
    /// one of its own models merges into the model mention.
    private func mergeMakeAndModel(_ list: [LexiconMention], in t: NormalizedText) -> [LexiconMention] {
        var out: [LexiconMention] = []
        for m in list {
            if let last = out.last, last.model == nil, m.model != nil, last.make == m.make,
               t.scalars[last.end..<m.start].allSatisfy({ !NormalizedText.isWordScalar($0) }) {
                var merged = m
                merged.start = last.start
                merged.text = NormalizedText.string(t.scalars[last.start..<m.end])
                merged.isApproximate = last.isApproximate || m.isApproximate
                out[out.count - 1] = merged
            } else {
                out.append(m)
            }
        }
        return out
    }
}
