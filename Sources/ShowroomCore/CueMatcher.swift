/// Finds the router's cue phrases in a normalized turn, leftmost-longest and without overlaps.
///
/// Phrases with a Chinese character are matched scalar by scalar anywhere in the text; Latin
/// phrases are matched word by word on tokens, so "hi" never fires inside "hybrid". A Latin word
/// matches a vocabulary word exactly, as a plural ("suvs", "leases"), or, when both have six
/// letters or more, within one edit ("finanse", "electirc", "hybird", "cheeper"). Everything is
/// precompiled at init; a turn costs one dictionary lookup per scalar and per word.
struct CueMatcher: Sendable {
    struct Hit: Sendable {
        var cues: [RouterCue]
        var start: Int
        var end: Int
    }

    private struct Phrase: Sendable {
        var cues: [RouterCue]
        var length: Int
        var words: [Int32] = []
        var scalars: [UInt32] = []
    }

    private var phrases: [Phrase] = []
    private var byFirstWord: [Int32: [Int]] = [:]
    private var byFirstScalar: [UInt32: [Int]] = [:]
    private(set) var vocabulary: [String: Int32] = [:]
    private var typos = TypoIndex()

    /// `table` rows are `"phrase|phrase|..."` with the cues every phrase of the row carries.
    init(_ table: [(String, [RouterCue])]) {
        for (row, cues) in table {
            for raw in row.split(separator: "|") {
                let t = NormalizedText(String(raw))
                if t.hasCJK {
                    let s = t.scalars.filter { $0 != 0x20 }
                    phrases.append(Phrase(cues: cues, length: s.count, scalars: s))
                    byFirstScalar[s[0], default: []].append(phrases.count - 1)
                } else {
                    let ids = t.tokens.map { word($0.text) }
                    guard let first = ids.first else { continue }
                    phrases.append(Phrase(cues: cues, length: ids.count, words: ids))
                    byFirstWord[first, default: []].append(phrases.count - 1)
                }
            }
        }
        let longestFirst: (Int, Int) -> Bool = { [phrases] a, b in phrases[a].length > phrases[b].length }
        for k in byFirstWord.keys { byFirstWord[k]!.sort(by: longestFirst) }
        for k in byFirstScalar.keys { byFirstScalar[k]!.sort(by: longestFirst) }
        for (w, id) in vocabulary where w.utf8.count >= 6 && w.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) {
            typos.insert(w, payload: Int(id))
        }
    }

    private mutating func word(_ w: String) -> Int32 {
        if let id = vocabulary[w] { return id }
        let id = Int32(vocabulary.count)
        vocabulary[w] = id
        return id
    }

    /// The vocabulary id of a text word: exact, plural, or within one edit; -1 when unknown.
    func id(of w: String, protected: Set<String>) -> Int32 {
        if let id = vocabulary[w] { return id }
        if w.utf8.count > 3, w.hasSuffix("s") {
            if let id = vocabulary[String(w.dropLast())] { return id }
            if w.hasSuffix("es"), let id = vocabulary[String(w.dropLast(2))] { return id }
        }
        guard w.utf8.count >= 6, !protected.contains(w) else { return -1 }
        let near = typos.payloads(near: w)
        return near.count == 1 ? Int32(near[0]) : -1
    }

    /// Cue hits of `t` outside the `skip` spans (mentions, codes), ordered by start.
    func hits(in t: NormalizedText, skip: [Range<Int>], protected: Set<String>) -> [Hit] {
        func skipped(_ a: Int, _ b: Int) -> Bool { skip.contains { $0.lowerBound < b && a < $0.upperBound } }
        var out: [Hit] = []
        // Latin phrases over word ids.
        let ids = t.tokens.map { tok in skipped(tok.start, tok.end) ? -1 : id(of: tok.text, protected: protected) }
        var i = 0
        while i < ids.count {
            var matched = 0
            if ids[i] >= 0, let cands = byFirstWord[ids[i]] {
                for p in cands where i + phrases[p].length <= ids.count {
                    let ph = phrases[p]
                    var ok = true
                    for k in 1..<ph.length where ids[i + k] != ph.words[k] { ok = false; break }
                    guard ok else { continue }
                    out.append(Hit(cues: ph.cues, start: t.tokens[i].start, end: t.tokens[i + ph.length - 1].end))
                    matched = ph.length
                    break
                }
            }
            i += max(matched, 1)
        }
        // Chinese (and mixed) phrases over scalars.
        var j = 0
        let s = t.scalars
        while j < s.count {
            var matched = 0
            if let cands = byFirstScalar[s[j]] {
                for p in cands where t.has(phrases[p].scalars, at: j) && !skipped(j, j + phrases[p].length) {
                    out.append(Hit(cues: phrases[p].cues, start: j, end: j + phrases[p].length))
                    matched = phrases[p].length
                    break
                }
            }
            j += max(matched, 1)
        }
        out.sort { $0.start < $1.start }
        return out
    }
}
