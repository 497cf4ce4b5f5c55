import Foundation

/// Checks an assistant reply before it leaves: every amount of money must be grounded
/// (equal to a number in a tool result of this conversation or one the customer wrote),
/// and no commitment language may appear.
///
/// Pure and conservative: a reply that cannot be shown to be grounded is a violation, and
/// the runner replaces it with a grounded one written from tool results.
public enum ReplyGuard {
    public enum Violation: Sendable, Hashable, CustomStringConvertible {
        case ungroundedAmount(String)
        case commitment(String)

        public var description: String {
            switch self {
            case .ungroundedAmount(let s): "ungrounded_amount:\(s)"
            case .commitment(let s): "commitment:\(s)"
            }
        }
    }

    /// Phrases that would commit the dealer (binding offers, guarantees, "deal").
    public static let commitmentPhrases: [String] = [
        "legally binding", "binding offer", "binding agreement", "no takesies backsies", "guaranteed approval",
        "guarantee approval", "guaranteed price", "price guarantee", "we guarantee", "i guarantee", "it's a deal",
        "its a deal", "that's a deal", "deal!", "we have a deal", "you have a deal", "agreed price", "final offer",
        "i can approve", "manager approved", "approved discount", "i accept your offer", "we accept your offer",
        "具有法律约束力", "法律效力", "成交价保证", "一口价承诺", "保证成交", "保证批", "保证通过", "一言为定", "成交！", "就这么定了",
        "我们同意这个价格", "同意这个价", "经理已批准", "已经批准", "承诺价格", "保证价格", "包过",
    ]

    static let commitmentBytes: [(String, [UInt8])] = commitmentPhrases.map { ($0, Array($0.utf8)) }

    /// Whether `needle` occurs in `haystack` (byte-wise; replies are short, phrases shorter).
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, haystack.count >= needle.count else { return needle.isEmpty }
        var i = 0
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first {
                var j = 1
                while j < needle.count, haystack[i + j] == needle[j] { j += 1 }
                if j == needle.count { return true }
            }
            i += 1
        }
        return false
    }

    /// Violations in `reply`; empty when it may be sent.
    public static func check(reply: String, groundedNumbers: Set<Decimal>, customerText: String) -> [Violation] {
        var out: [Violation] = []
        let lower = Array(reply.lowercased().utf8)
        for (p, bytes) in commitmentBytes where contains(lower, bytes) { out.append(.commitment(p)) }
        let amounts = moneyAmounts(in: reply)
        guard !amounts.isEmpty else { return out }
        let allowed = groundedNumbers.union(numbers(in: customerText).map(\.value))
        let sorted = allowed.map { NSDecimalNumber(decimal: $0).doubleValue }.sorted()
        for amount in amounts where !allowed.contains(amount.value) && !isNear(NSDecimalNumber(decimal: amount.value).doubleValue, sorted) {
            out.append(.ungroundedAmount(amount.text))
        }
        return out
    }

    /// Whether `v` is a rounded form of a grounded amount ("¥18.99万" for 189,900; "$48,990" for
    /// 48990.00): within 0.5% (at least 1, under 100) of one of 1,000 or more, within a cent below.
    /// `sorted` is ascending; only candidates within 100 of `v` are looked at.
    static func isNear(_ v: Double, _ sorted: [Double]) -> Bool {
        var lo = 0, hi = sorted.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sorted[mid] < v - 100 { lo = mid + 1 } else { hi = mid }
        }
        var i = lo
        while i < sorted.count, sorted[i] <= v + 100 {
            let a = sorted[i]
            i += 1
            guard a != 0 else { continue }
            let diff = abs(a - v), scale = abs(a)
            if scale >= 1000, diff <= max(0.005 * scale, 1), diff < 100 { return true }
            if scale < 1000, diff < 0.01 { return true }
        }
        return false
    }

    /// A number found in text, with the text it came from.
    public struct Found: Sendable, Hashable { public var value: Decimal; public var text: String; public var isMoney: Bool }

    /// Amounts that read as money: with a currency sign or word, or 万/k multipliers.
    public static func moneyAmounts(in text: String) -> [Found] { numbers(in: text).filter(\.isMoney) }

    /// Every number in text, with 万/w/k/千 multipliers applied and thousands separators removed.
    public static func numbers(in text: String) -> [Found] {
        let chars = Array(text)
        var out: [Found] = []
        var i = 0
        while i < chars.count {
            guard chars[i].isASCII, chars[i].isNumber else { i += 1; continue }
            // Skip digits glued to letters (stock numbers like SH24001, model names like YU7).
            let gluedBefore = i > 0 && chars[i - 1].isASCII && chars[i - 1].isLetter && !"$kK".contains(chars[i - 1])
            var j = i
            var digits = ""
            while j < chars.count, (chars[j].isASCII && chars[j].isNumber) || (chars[j] == "," && j + 3 < chars.count + 1 && j + 1 < chars.count && chars[j + 1].isNumber) || (chars[j] == "." && j + 1 < chars.count && chars[j + 1].isNumber && !digits.contains(".")) {
                if chars[j] != "," { digits.append(chars[j]) }
                j += 1
            }
            let gluedAfter = j < chars.count && chars[j].isASCII && chars[j].isLetter && !"kKwW".contains(chars[j])
            guard var value = Decimal(string: digits) else { i = j; continue }
            var isMoney = false
            var k = j
            while k < chars.count, chars[k] == " " { k += 1 }
            if k < chars.count {
                switch chars[k] {
                case "万", "w", "W": value *= 10000; isMoney = true; k += 1
                case "k", "K":
                    if k + 1 >= chars.count || !(chars[k + 1].isLetter && chars[k + 1].isASCII) || chars[k + 1] == " " { value *= 1000; isMoney = true; k += 1 }
                case "千": value *= 1000; k += 1
                default: break
                }
            }
            let after = String(chars[k..<min(chars.count, k + 8)]).lowercased()
            if after.hasPrefix("元") || after.hasPrefix("块") || after.hasPrefix("rmb") || after.hasPrefix("cny")
                || after.hasPrefix("usd") || after.hasPrefix("dollar") || after.hasPrefix("美元") || after.hasPrefix("人民币") {
                isMoney = true
            }
            var b = i - 1
            while b >= 0, chars[b] == " " { b -= 1 }
            if b >= 0, "$¥￥".contains(chars[b]) { isMoney = true }
            if b >= 2, String(chars[(b - 2)...b]).uppercased() == "RMB" || String(chars[(b - 2)...b]).uppercased() == "USD" { isMoney = true }
            if !gluedBefore && !gluedAfter {
                out.append(Found(value: value, text: String(chars[max(0, b)..<min(chars.count, k)]).trimmingCharacters(in: .whitespaces), isMoney: isMoney))
            }
            i = max(j, i + 1)
        }
        return out
    }

    /// Every number in a JSON value (tool results), as decimals rounded to the cent.
    public static func numbers(in json: JSONValue) -> Set<Decimal> {
        var out = Set<Decimal>()
        func walk(_ v: JSONValue) {
            switch v {
            case .number(let n):
                // Rounded to the cent, exactly (a decimal number of cents).
                let cents = (n * 100).rounded()
                if abs(cents) < 9.0e15 { out.insert(Decimal(Int64(cents)) / 100) }
                else if let d = Decimal(string: String(format: "%.2f", n)) { out.insert(d) }
            case .string(let s):
                guard s.utf8.contains(where: { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { break }
                for f in numbers(in: s) { out.insert(f.value) }
            case .array(let a): a.forEach(walk)
            case .object(let o): o.values.forEach(walk)
            default: break
            }
        }
        walk(json)
        return out
    }
}
