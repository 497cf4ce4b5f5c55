import Foundation

/// Finding the amounts of money (and discounts) a reply states, however they are written.
///
/// Read as money: a number with a currency sign or code before it (`$`, `US$`, `¥`, `USD`, `CNY`,
/// `RMB`, full-width `＄１` too) or a currency word after it (元, 块, 美元, 美金, 人民币, 刀, dollars,
/// bucks, yuan); a number with 万/w/k/grand/million/亿; Chinese numerals (一块钱, 壹元, 十五万) and
/// English number words (one dollar, twenty bucks) with a currency word; any number next to a
/// price or discount word (售价, 只要, 优惠, 便宜, 立减, price, only, off, discount, save, knock,
/// /month). A discount in percent or 折 (20% off, 打八折, 8.5折, half price, 半价) is a
/// `percentOff` mention. Not money: digits glued to letters (SH24001, YU7, 550km), and numbers
/// followed by a unit that is not money (公里, km, miles, 座, seats, 年, 款, kWh, hp, 月, 天…).
extension ReplyGuard {
    /// One amount or discount a text states.
    public struct Mention: Sendable, Hashable {
        public enum Kind: Sendable, Hashable { case money, percentOff }
        public var kind: Kind
        /// The magnitude in cents (money) or hundredths of a percent (percentOff).
        public var cents: Int64
        /// How precisely it was written, in the same unit: `$48,990` → 100, `$49k` → 100,000,
        /// `18.99万` → 10,000, `$48,990.00` → 1.
        public var precisionCents: Int64
        /// The currency it names, when it names one.
        public var currency: Currency?
        /// The text it was read from.
        public var text: String
    }

    /// Every money or discount mention in `text`.
    public static func mentions(in text: String) -> [Mention] {
        Scanner(text).mentions()
    }

    /// Plain percentages in `text` ("8.625%", "6.9 percent") in hundredths of a percent.
    static func percents(in text: String) -> [Int64] {
        Scanner(text).plainPercents()
    }

    /// Text folded for matching: full-width forms to ASCII, ASCII lower-cased, Chinese financial
    /// numerals (壹贰叁…拾佰仟) to ordinary ones, 圆 to 元, ￥ to ¥, curly apostrophes and dashes to
    /// ASCII, other spaces to a space.
    static func folded(_ text: String) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(text.unicodeScalars.count)
        for u in text.unicodeScalars {
            var v = u.value
            switch v {
            case 0xFF01...0xFF5E: v -= 0xFEE0
            case 0x3000, 0x00A0, 0x2002...0x200A, 0x202F: v = 0x20
            case 0xFFE5: v = 0xA5
            case 0x2018, 0x2019: v = 0x27
            case 0x2010...0x2015, 0x2212: v = 0x2D
            default: v = financial[v] ?? v
            }
            if v >= 0x41, v <= 0x5A { v += 0x20 }
            out.append(Unicode.Scalar(v) ?? u)
        }
        return out
    }

    static let financial: [UInt32: UInt32] = [
        0x58F9: 0x4E00, 0x8D30: 0x4E8C, 0x8CB3: 0x4E8C, 0x53C1: 0x4E09, 0x53C3: 0x4E09, 0x8086: 0x56DB, 0x4F0D: 0x4E94,
        0x9646: 0x516D, 0x9678: 0x516D, 0x67D2: 0x4E03, 0x634C: 0x516B, 0x7396: 0x4E5D, 0x62FE: 0x5341, 0x4F70: 0x767E,
        0x4EDF: 0x5343, 0x5706: 0x5143, 0x5713: 0x5143, 0x842C: 0x4E07,
    ]
}

extension ReplyGuard {
    /// A single pass over folded text.
    struct Scanner {
        let s: [Unicode.Scalar]
        let values: [UInt32]

        init(_ text: String) {
            s = ReplyGuard.folded(text)
            values = s.map(\.value)
        }

        func isDigit(_ i: Int) -> Bool { i >= 0 && i < s.count && s[i].value >= 0x30 && s[i].value <= 0x39 }
        func isLetter(_ i: Int) -> Bool { i >= 0 && i < s.count && s[i].value >= 0x61 && s[i].value <= 0x7A }
        func isSpace(_ i: Int) -> Bool { i >= 0 && i < s.count && s[i].value == 0x20 }
        func at(_ i: Int) -> UInt32 { i >= 0 && i < s.count ? s[i].value : 0 }

        /// Whether `word` (ASCII or CJK) starts at `i`.
        func has(_ word: String, at i: Int) -> Bool {
            var k = i
            for u in word.unicodeScalars {
                guard k < s.count, s[k] == u else { return false }
                k += 1
            }
            return true
        }

        /// The ASCII word (letters and apostrophes) starting at `i`, and its end.
        func word(at i: Int) -> (String, Int) {
            var k = i
            var w = String.UnicodeScalarView()
            while k < s.count, isLetter(k) || (s[k] == "'" && isLetter(k + 1)) {
                w.append(s[k])
                k += 1
            }
            return (String(w), k)
        }

        /// The ASCII word ending just before `i` (skipping spaces), and where it starts.
        func word(before i: Int) -> (String, Int)? {
            var k = i - 1
            while isSpace(k) || at(k) == 0x3A || at(k) == 0x3D { k -= 1 }
            guard isLetter(k) else { return nil }
            var start = k
            while isLetter(start - 1) || (at(start - 1) == 0x27 && isLetter(start - 2)) { start -= 1 }
            return (String(String.UnicodeScalarView(s[start...k])), start)
        }

        func text(_ a: Int, _ b: Int) -> String {
            String(String.UnicodeScalarView(s[max(0, a)..<min(s.count, max(a, b))])).trimmingCharacters(in: .whitespaces)
        }

        func mentions() -> [Mention] {
            var out: [Mention] = []
            var i = 0
            while i < s.count {
                if isDigit(i) {
                    let (m, end) = digits(at: i)
                    if let m { out.append(m) }
                    i = max(end, i + 1)
                } else if ChineseNumeral.starts(values[i]) {
                    let (m, end) = chineseNumeral(at: i)
                    if let m { out.append(m) }
                    i = max(end, i + 1)
                } else if isLetter(i) {
                    let (m, end) = numberWords(at: i)
                    if let m { out.append(m) }
                    i = max(end, i + 1)
                } else if has("半价", at: i) || has("半價", at: i) {
                    out.append(Mention(kind: .percentOff, cents: 5000, precisionCents: 1, currency: nil, text: "半价"))
                    i += 2
                } else {
                    i += 1
                }
            }
            return out
        }

        func plainPercents() -> [Int64] {
            var out: [Int64] = []
            var i = 0
            while i < s.count {
                guard isDigit(i), !isDigit(i - 1), at(i - 1) != 0x2E else { i += 1; continue }
                let n = number(at: i)
                var k = n.end
                while isSpace(k) { k += 1 }
                if at(k) == 0x25 || has("percent", at: k) { out.append(Self.cents(n.value)) }
                i = n.end
            }
            return out
        }

        /// A run of digits with thousands commas and one decimal point.
        func number(at i: Int) -> (value: Decimal, end: Int, fraction: Int, trailingZeros: Int) {
            var k = i
            var digits = ""
            var fraction = -1
            while k < s.count {
                if isDigit(k) {
                    digits.unicodeScalars.append(s[k])
                    if fraction >= 0 { fraction += 1 }
                } else if s[k] == ",", fraction < 0, isDigit(k + 1), isDigit(k - 1) {
                    // thousands separator
                } else if s[k] == ".", fraction < 0, isDigit(k + 1) {
                    digits.append(".")
                    fraction = 0
                } else {
                    break
                }
                k += 1
            }
            var zeros = 0
            if fraction < 0 {
                for c in digits.reversed() {
                    guard c == "0" else { break }
                    zeros += 1
                }
                if zeros == digits.count { zeros = 0 }
            }
            return (Decimal(string: digits) ?? 0, k, max(fraction, 0), zeros)
        }

        static func cents(_ d: Decimal) -> Int64 {
            let c = NSDecimalNumber(decimal: d * 100).doubleValue.rounded()
            return c.isFinite && abs(c) < 9e17 ? Int64(c) : Int64.max / 4
        }

        static func pow10(_ n: Int) -> Decimal {
            var d: Decimal = 1
            if n >= 0 { for _ in 0..<min(n, 18) { d *= 10 } } else { for _ in 0..<min(-n, 18) { d /= 10 } }
            return d
        }

        /// Currency named right after `k` (after spaces): the currency (nil for a word that is
        /// money without saying which) and where it ends.
        func currencyAfter(_ k: Int) -> (Currency?, Int)? {
            var j = k
            while isSpace(j) { j += 1 }
            for (w, c) in Self.currencyWordsAfter where has(w, at: j) {
                let end = j + w.unicodeScalars.count
                // 块 counts things too (两块屏幕): money only before 钱, 的, 左右, 多 or a non-ideograph.
                if w == "块", (0x4E00...0x9FFF).contains(at(end)), !has("钱", at: end), !has("的", at: end),
                   !has("左右", at: end), !has("多", at: end) { continue }
                if w.unicodeScalars.first!.isASCII, isLetter(end), !w.hasSuffix("s") {
                    if has(w + "s", at: j), !isLetter(end + 1) { return (c, end + 1) }
                    continue
                }
                return (c, end)
            }
            return nil
        }

        static let currencyWordsAfter: [(String, Currency?)] = [
            ("元", .CNY), ("块", .CNY), ("人民币", .CNY), ("美元", .USD), ("美金", .USD), ("刀", .USD), ("dollar", .USD),
            ("buck", .USD), ("usd", .USD), ("cny", .CNY), ("rmb", .CNY), ("yuan", .CNY), ("kuai", .CNY),
        ]

        /// Currency named right before `i` (before spaces): `$`, `us$`, `¥`, `€`, `£`, or a code.
        func currencyBefore(_ i: Int) -> (Currency?, Int)? {
            var k = i - 1
            while isSpace(k) { k -= 1 }
            switch at(k) {
            case 0x24: return (.USD, k)
            case 0xA5: return (.CNY, k)
            case 0x20AC, 0xA3: return (nil, k)
            default: break
            }
            if let (w, start) = word(before: i) {
                switch w {
                case "usd", "us": return (.USD, start)
                case "cny", "rmb": return (.CNY, start)
                default: return nil
                }
            }
            return nil
        }

        /// Units after a number that make it something other than money.
        static let otherUnits = [
            "公里", "千米", "英里", "座", "人", "年", "款", "个月", "月", "天", "日", "号", "小时", "分钟", "秒", "度", "马力", "匹",
            "台", "辆", "次", "位", "岁", "代", "寸", "升", "档", "kw", "km", "mi", "mile", "kwh", "hp", "seat", "year", "yr",
            "month", "mo ", "day", "hour", "min", "sec", "mph", "mpg", "l/", "l ", "people", "passenger", "door", "inch",
            "wheel", "owner", "%", "percent", "折", ":", "th", "st", "nd", "rd", "am", "pm", "点",
        ]

        func otherUnitAfter(_ k: Int) -> Bool {
            var j = k
            while isSpace(j) { j += 1 }
            return Self.otherUnits.contains { has($0, at: j) }
        }

        /// A price or discount word just before `i` (within five characters or three words, in
        /// the same clause), or a discount word or "/month" just after `k`.
        func moneyContext(before i: Int, after k: Int) -> Bool {
            cue(before: i, after: k, zh: Self.zhCuesBefore, en: Self.enCuesBefore, enAfter: Self.enCuesAfter, perMonth: true)
        }

        /// A discount word just before `i` or just after `k` (for percentages: 首付20% is not one).
        func discountContext(before i: Int, after k: Int) -> Bool {
            cue(before: i, after: k, zh: Self.zhDiscountCues, en: Self.enDiscountCues, enAfter: Self.enDiscountCues, perMonth: false)
        }

        func cue(before i: Int, after k: Int, zh: [String], en: Set<String>, enAfter: Set<String>, perMonth: Bool) -> Bool {
            var j = i - 1
            var steps = 0
            while j >= 0, steps < 5, !Self.clauseEnd(values[j]) {
                for cue in zh where cue.unicodeScalars.count <= j + 1 {
                    if has(cue, at: j + 1 - cue.unicodeScalars.count) { return true }
                }
                j -= 1
                steps += 1
            }
            var end = i
            for _ in 0..<3 {
                guard let (w, start) = word(before: end) else { break }
                if en.contains(w) { return true }
                end = start
            }
            var a = k
            while isSpace(a) { a += 1 }
            if Self.zhCuesAfter.contains(where: { has($0, at: a) }) { return true }
            if perMonth, at(a) == 0x2F, has("/mo", at: a) || has("/month", at: a) || has("/月", at: a) { return true }
            var next = a
            for _ in 0..<2 {
                let (w, e) = word(at: next)
                guard !w.isEmpty else { break }
                if enAfter.contains(w) { return true }
                next = e
                while isSpace(next) { next += 1 }
            }
            return false
        }

        static let zhDiscountCues = ["优惠", "便宜", "降价", "直降", "立减", "减", "让", "省", "折扣", "返现", "返", "补贴", "少收"]
        static let enDiscountCues: Set<String> = [
            "discount", "discounted", "save", "saving", "savings", "knock", "knocked", "take", "cut", "rebate", "off", "cashback",
        ]

        static func clauseEnd(_ v: UInt32) -> Bool {
            [0x3002, 0xFF0C, 0x3001, 0x2C, 0x2E, 0x3B, 0x21, 0x3F, 0x0A, 0xFF1B, 0xFF01, 0xFF1F].contains(v)
        }

        static let zhCuesBefore = [
            "优惠", "便宜", "降价", "直降", "立减", "减", "让", "省", "折扣", "返现", "返", "补贴", "少收", "价", "只要", "仅需",
            "只需", "仅", "才", "落地", "月供", "首付", "合计", "共计", "总共", "付", "花",
        ]
        static let zhCuesAfter = ["优惠", "的优惠", "折扣", "补贴", "返现"]
        static let enCuesBefore: Set<String> = [
            "discount", "discounted", "save", "saving", "savings", "knock", "knocked", "take", "cut", "rebate", "off", "price",
            "priced", "cost", "costs", "pay", "paying", "payment", "payments", "total", "msrp", "otd", "only", "just", "down",
        ]
        static let enCuesAfter: Set<String> = ["off", "discount", "rebate", "cashback", "down", "monthly"]

        /// An amount written with digits at `i`.
        func digits(at i: Int) -> (Mention?, Int) {
            let n = number(at: i)
            var currency: Currency?
            var named = false
            var start = i
            if isLetter(i - 1) {  // glued to a word: money only after a currency code (USD1)
                guard let (c, b) = currencyBefore(i), b < i else { return (nil, n.end) }
                currency = c; named = true; start = b
            } else if at(i - 1) == 0x2E || at(i - 1) == 0x2D && isLetter(i - 2) {
                return (nil, n.end)
            } else if let (c, b) = currencyBefore(i) {
                currency = c; named = true; start = b
            }
            var k = n.end
            var j = k
            while isSpace(j) { j += 1 }
            var multiplier: Decimal = 1
            var isMoney = named
            let wordAfter = word(at: j).0
            if has("万", at: j) || (at(j) == 0x77 && !isLetter(j + 1)) {
                multiplier = 10_000; isMoney = true; k = j + 1
            } else if has("亿", at: j) {
                multiplier = 100_000_000; isMoney = true; k = j + 1
            } else if at(j) == 0x6B, !isLetter(j + 1) {
                multiplier = 1_000; isMoney = true; k = j + 1
            } else if at(j) == 0x6D, !isLetter(j + 1), named {
                multiplier = 1_000_000; k = j + 1
            } else if has("千", at: j), !has("千米", at: j) {
                multiplier = 1_000; k = j + 1
            } else if wordAfter == "thousand" || wordAfter == "grand" || wordAfter == "million" {
                multiplier = wordAfter == "million" ? 1_000_000 : 1_000
                if wordAfter == "grand" { isMoney = true; currency = currency ?? .USD }
                k = j + wordAfter.unicodeScalars.count
            } else if isLetter(n.end), currencyAfter(n.end) == nil {
                return (nil, n.end)  // glued to a word after: 550km, 7seater
            }
            if let (c, e) = currencyAfter(k) {
                currency = currency ?? c; isMoney = true; k = e
            }
            // A discount in 折 or percent.
            var p = k
            while isSpace(p) { p += 1 }
            if multiplier == 1, !named, has("折", at: p) {
                let x = NSDecimalNumber(decimal: n.value).doubleValue
                let off = x <= 10 ? (10 - x) * 10 : (x < 100 ? 100 - x : 0)
                guard off > 0, off < 100 else { return (nil, p + 1) }
                return (Mention(kind: .percentOff, cents: Int64((off * 100).rounded()), precisionCents: 1, currency: nil,
                                text: text(i, p + 1)), p + 1)
            }
            if multiplier == 1, !named, at(p) == 0x25 || has("percent", at: p) {
                let end = at(p) == 0x25 ? p + 1 : p + 7
                guard discountContext(before: i, after: end) else { return (nil, end) }
                return (Mention(kind: .percentOff, cents: Self.cents(n.value), precisionCents: Self.cents(Self.pow10(-n.fraction)),
                                currency: nil, text: text(i, end)), end)
            }
            if !isMoney {
                if otherUnitAfter(k) || !moneyContext(before: i, after: k) { return (nil, k) }
            } else if !named, currencyAfter(n.end) == nil, otherUnitAfter(k) {
                return (nil, k)  // 1.2万公里, 50k miles
            }
            let precision = n.fraction > 0 ? Self.pow10(-n.fraction) : Self.pow10(n.trailingZeros)
            return (Mention(kind: .money, cents: Self.cents(n.value * multiplier), precisionCents: max(1, Self.cents(precision * multiplier)),
                            currency: currency, text: text(start, k)), k)
        }

        /// An amount in Chinese numerals at `i` (一块钱, 十五万, 壹元, 八折).
        func chineseNumeral(at i: Int) -> (Mention?, Int) {
            guard let r = ChineseNumeral.parse(values, from: i) else { return (nil, i + 1) }
            var k = r.end
            var currency: Currency?
            var isMoney = r.hasWan || has("亿", at: k - 1)
            if let (c, e) = currencyAfter(k) { currency = c; isMoney = true; k = e }
            if !isMoney, has("折", at: k) {
                let x = r.value < 10 ? r.value : (r.value < 100 ? r.value / 10 : 0)
                let off = (10 - x) * 10
                guard off > 0, off < 100 else { return (nil, k + 1) }
                return (Mention(kind: .percentOff, cents: Int64((off * 100).rounded()), precisionCents: 1, currency: nil,
                                text: text(i, k + 1)), k + 1)
            }
            if !isMoney, has("成", at: k), r.value < 10, discountContext(before: i, after: k + 1) {  // 便宜两成
                return (Mention(kind: .percentOff, cents: Int64((r.value * 1000).rounded()), precisionCents: 1, currency: nil,
                                text: text(i, k + 1)), k + 1)
            }
            if isMoney, currency == nil, otherUnitAfter(k) { return (nil, k) }
            // 一/两/几 next to 优惠/便宜 mean "a bit" (便宜一点); larger numerals there are amounts (优惠五千).
            if !isMoney, r.value < 10 || otherUnitAfter(k) || !moneyContext(before: i, after: k) { return (nil, k) }
            let value = Decimal(r.value)
            var zeros = 0
            var v = Int64(r.value)
            while v > 0, v % 10 == 0 { zeros += 1; v /= 10 }
            return (Mention(kind: .money, cents: Self.cents(value), precisionCents: max(1, Self.cents(Self.pow10(zeros))),
                            currency: currency, text: text(i, k)), k)
        }

        static let ones: [String: Int64] = [
            "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
            "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
            "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
            "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
        ]
        static let scales: [String: Int64] = ["hundred": 100, "thousand": 1_000, "million": 1_000_000]

        /// English number words at `i` followed by a currency word ("one dollar", "a buck",
        /// "twenty-five thousand dollars"), or "half price"/"half off".
        func numberWords(at i: Int) -> (Mention?, Int) {
            let (first, firstEnd) = word(at: i)
            if first == "half" {
                var j = firstEnd
                while isSpace(j) || at(j) == 0x2D { j += 1 }
                let (next, e) = word(at: j)
                if next == "price" || next == "off" {
                    return (Mention(kind: .percentOff, cents: 5000, precisionCents: 1, currency: nil, text: text(i, e)), e)
                }
                return (nil, firstEnd)
            }
            guard Self.ones[first] != nil || first == "a" || first == "an" else { return (nil, firstEnd) }
            var total: Int64 = 0, current: Int64 = 0
            var k = i
            var sawNumber = false
            var end = firstEnd
            while true {
                var j = k
                while isSpace(j) || at(j) == 0x2D { j += 1 }
                let (w, e) = word(at: j)
                if let v = Self.ones[w] {
                    current += v; sawNumber = true
                } else if let sc = Self.scales[w] {
                    if current == 0 { current = 1 }
                    if sc == 100 { current *= 100 } else { total += current * sc; current = 0 }
                    sawNumber = true
                } else if (w == "a" || w == "an") && !sawNumber {
                    current = 1
                } else if w == "and" && sawNumber {
                    // "one hundred and five"
                } else {
                    break
                }
                k = e
                end = e
            }
            guard let (c, e) = currencyAfter(end) else { return (nil, end) }
            let value = total + current
            guard value > 0 || sawNumber else { return (nil, end) }
            return (Mention(kind: .money, cents: value * 100, precisionCents: 100, currency: c, text: text(i, e)), e)
        }
    }
}
