/// Finds the words of a fixed vocabulary within one edit of a query word: one letter inserted,
/// deleted, replaced, or two neighbours swapped ("Telsa" → "tesla", "Highlandr" → "highlander",
/// "finanse" → "finance", "hybird" → "hybrid").
///
/// Symmetric-delete index: every word and each of its one-letter deletions point back to the
/// word; a query looks itself and its own deletions up, then each candidate is verified with the
/// restricted Damerau–Levenshtein distance. Lookups hash a handful of short strings, no scan.
struct TypoIndex: Sendable {
    private var keys: [String: [Int32]] = [:]
    private(set) var words: [[UInt8]] = []
    private(set) var payloads: [Int] = []

    init() {}

    /// Adds `word` (ASCII lower case) carrying `payload`.
    mutating func insert(_ word: String, payload: Int) {
        let bytes = Array(word.utf8)
        let id = Int32(words.count)
        words.append(bytes)
        payloads.append(payload)
        for key in Self.variants(bytes) where keys[key]?.contains(id) != true {
            keys[key, default: []].append(id)
        }
    }

    /// Payloads of the words within one edit of `query`, without duplicates.
    func payloads(near query: String) -> [Int] {
        let q = Array(query.utf8)
        var out: [Int] = []
        for key in Self.variants(q) {
            guard let ids = keys[key] else { continue }
            for id in ids where Self.withinOneEdit(q, words[Int(id)]) {
                let p = payloads[Int(id)]
                if !out.contains(p) { out.append(p) }
            }
        }
        return out
    }

    /// The word itself and every one-letter deletion of it.
    static func variants(_ w: [UInt8]) -> [String] {
        var out = [String(decoding: w, as: UTF8.self)]
        guard w.count > 1 else { return out }
        out.reserveCapacity(w.count + 1)
        for i in 0..<w.count {
            if i > 0, w[i] == w[i - 1] { continue }  // deleting either of a double letter gives the same key
            var d = w
            d.remove(at: i)
            out.append(String(decoding: d, as: UTF8.self))
        }
        return out
    }

    /// Restricted Damerau–Levenshtein distance ≤ 1 (insert, delete, replace or swap neighbours).
    static func withinOneEdit(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        if a.count == b.count {
            var i = 0
            while i < a.count, a[i] == b[i] { i += 1 }
            if i == a.count { return true }
            if a[(i + 1)...] == b[(i + 1)...] { return true }  // one replacement
            return i + 1 < a.count && a[i] == b[i + 1] && a[i + 1] == b[i] && a[(i + 2)...] == b[(i + 2)...]
        }
        let (long, short) = a.count > b.count ? (a, b) : (b, a)
        guard long.count == short.count + 1 else { return false }
        var i = 0
        while i < short.count, long[i] == short[i] { i += 1 }
        return long[(i + 1)...] == short[i...]
    }
}
