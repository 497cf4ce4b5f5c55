/// Finding commitment language: words by which the dealer would be bound (a deal, a binding or
/// guaranteed price, a car held or sold to the customer, an approval).
///
/// Matched on folded text (full-width to ASCII, lower case, hyphens as spaces) by whole words in
/// English — "deal" but not "dealer", "legally-binding" as "legally binding" — and by substrings
/// in Chinese. A match right after a negation in the same clause ("not an offer or commitment",
/// "不构成要约或承诺", "cannot guarantee") is not a commitment; phrases that carry their own
/// negation ("no takesies backsies", "绝不反悔") always are.
extension ReplyGuard {
    /// English word sequences; `*` matches any one word.
    static let englishCommitments: [[String]] = [
        ["deal"], ["binding"], ["legally", "bound"], ["guarantee"], ["guaranteed"], ["guarantees"], ["promise"],
        ["promised"], ["lock", "in"], ["locked", "in"], ["lock", "*", "in"], ["price", "lock"], ["hold", "*", "for", "you"],
        ["hold", "*", "*", "for", "you"], ["reserved", "for", "you"], ["sold", "to", "you"], ["sell", "it", "to", "you"],
        ["sell", "you"], ["it's", "yours"], ["its", "yours"], ["yours", "for"], ["all", "yours"], ["have", "it", "for"],
        ["agreed"], ["we", "agree"], ["i", "agree"], ["accept", "your", "offer"], ["offer", "accepted"], ["approved"],
        ["can", "approve"], ["i", "approve"], ["final", "offer"], ["honor", "this"], ["honor", "that"], ["honor", "the", "price"], ["honour", "this"], ["commit"],
        ["committed"], ["commitment"], ["no", "strings"],
    ]
    /// English phrases that are commitments even with their own "no".
    static let englishAlways: [[String]] = [["no", "takesies"], ["takesies"], ["backsies"], ["no", "take", "backs"]]

    static let chineseCommitments = [
        "成交", "说定", "一言为定", "就这么定", "保证", "担保", "承诺", "约束力", "法律效力", "一口价", "留车", "给您留", "给你留",
        "为您保留", "帮您保留", "为你保留", "锁定", "锁价", "批准", "批下来", "同意这个价", "同意您的价", "同意你的价", "就这个价",
        "按这个价", "就按", "卖给您", "卖给你", "归您", "归你", "是您的了", "是你的了", "包过", "包批", "包通过",
    ]
    static let chineseAlways = ["不反悔", "不能反悔", "绝不反悔", "不可反悔"]

    static let englishNegations: Set<String> = [
        "not", "no", "never", "cannot", "can't", "cant", "won't", "wont", "isn't", "isnt", "aren't", "don't", "dont",
        "doesn't", "doesnt", "without", "non", "unable", "neither", "nor", "nothing",
    ]
    /// Words that start a new statement, ending the reach of a negation before them
    /// ("not a joke it's binding").
    static let negationStops: Set<String> = ["but", "however", "it's", "its", "it", "this", "that", "so", "and", "is", "yet"]
    static let chineseNegations: Set<UInt32> = [0x4E0D, 0x975E, 0x65E0, 0x6CA1, 0x672A, 0x522B, 0x52FF]  // 不 非 无 没 未 别 勿

    /// The commitment phrases in `text` (as written in the lists above).
    static func commitments(in text: String) -> [String] {
        let s = folded(text)
        var out: [String] = []
        // English: words with their clause positions.
        var words: [(String, Int)] = []  // word, clause number
        var clause = 0
        var current = String.UnicodeScalarView()
        func flush() {
            if !current.isEmpty { words.append((String(current), clause)); current = .init() }
        }
        for u in s {
            let v = u.value
            if (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39) || (v == 0x27 && !current.isEmpty) {
                current.append(u)
            } else {
                flush()
                if [0x2C, 0x2E, 0x3B, 0x21, 0x3F, 0x3A, 0x0A, 0x3002, 0xFF0C].contains(v) { clause += 1 }
            }
        }
        flush()
        func matches(_ pattern: [String], at i: Int) -> Bool {
            guard i + pattern.count <= words.count else { return false }
            for (k, p) in pattern.enumerated() where p != "*" && words[i + k].0 != p { return false }
            return Set(words[i..<(i + pattern.count)].map(\.1)).count == 1
        }
        func negated(_ i: Int) -> Bool {
            var k = i - 1
            var seen = 0
            while k >= 0, seen < 6, words[k].1 == words[i].1, !negationStops.contains(words[k].0) {
                if englishNegations.contains(words[k].0) || words[k].0.hasSuffix("n't") { return true }
                k -= 1
                seen += 1
            }
            return false
        }
        for i in words.indices {
            for p in englishAlways where matches(p, at: i) { out.append(p.joined(separator: " ")) }
            for p in englishCommitments where matches(p, at: i) && !negated(i) { out.append(p.joined(separator: " ")) }
        }
        // Chinese: substrings, negation within the five characters before, in the same clause.
        let values = s.map(\.value)
        func has(_ w: [UInt32], at i: Int) -> Bool {
            guard i + w.count <= values.count else { return false }
            for k in 0..<w.count where values[i + k] != w[k] { return false }
            return true
        }
        func negatedZH(_ i: Int) -> Bool {
            var k = i - 1
            var seen = 0
            while k >= 0, seen < 8, !Scanner.clauseEnd(values[k]) {
                if chineseNegations.contains(values[k]) { return true }
                k -= 1
                seen += 1
            }
            return false
        }
        for i in values.indices where values[i] >= 0x4E00 {
            for w in chineseAlwaysScalars where has(w.1, at: i) { out.append(w.0) }
            for w in chineseCommitmentScalars where has(w.1, at: i) && !negatedZH(i) && !isOtherWord(w.0, at: i, in: values) { out.append(w.0) }
        }
        return out
    }

    /// Words that contain a commitment word but mean something else: 保证金 (a deposit),
    /// 完成交车 / 构成交易 (成交 across two words).
    static func isOtherWord(_ word: String, at i: Int, in values: [UInt32]) -> Bool {
        switch word {
        case "保证": return i + 2 < values.count && values[i + 2] == 0x91D1  // 金
        case "成交": return i > 0 && [0x5B8C, 0x6784, 0x4FC3].contains(values[i - 1])  // 完 构 促
        default: return false
        }
    }

    static let chineseCommitmentScalars: [(String, [UInt32])] = chineseCommitments.map { ($0, $0.unicodeScalars.map(\.value)) }
    static let chineseAlwaysScalars: [(String, [UInt32])] = chineseAlways.map { ($0, $0.unicodeScalars.map(\.value)) }
}
