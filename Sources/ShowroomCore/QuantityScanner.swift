/// Finds the numbers of a normalized turn: Arabic (30,000, 1.5, 25k), Chinese (二十万, 三成) and
/// English words (seven, five), with their multipliers, units and symbols (see `Quantity`).
///
/// Digits inside codes and names are not numbers: a digit run glued to letters before it ("a123",
/// "l9", "su7") is skipped unless the letters are a currency (rmb300000), and so is anything in
/// the `skip` spans (mentions, stock numbers, VINs).
enum QuantityScanner {
    /// Larger numbers are not prices, distances or counts; dropping them keeps every slot in `Int`.
    static let maxValue = 1e12

    static func scan(_ t: NormalizedText, skip: [Range<Int>]) -> [Quantity] {
        var out: [Quantity] = []
        let s = t.scalars
        var i = 0
        while i < s.count {
            if let r = skip.first(where: { $0.contains(i) }) { i = r.upperBound; continue }
            var q: Quantity?
            if NormalizedText.isDigit(s[i]) {
                let tok = t.tokenAt[i] >= 0 ? t.tokens[Int(t.tokenAt[i])] : nil
                var glued: Currency?
                if let tok, tok.start < i {
                    glued = currencyWords[NormalizedText.string(s[tok.start..<i])]
                    if glued == nil { i = tok.end; continue }  // a code such as a123 or su7
                }
                q = arabic(t, at: i)
                if let glued, let tok { q?.currency = glued; q?.start = tok.start }
            } else if ChineseNumeral.starts(s[i]), let c = ChineseNumeral.parse(s, from: i) {
                q = Quantity(value: c.value, start: i, end: c.end, multiplier: c.hasWan ? .wan : .none, top: c.top)
            } else if NormalizedText.isLatinLetter(s[i]), i == 0 || !NormalizedText.isLatinLetter(s[i - 1]) {
                let w = t.word(at: i)
                if let v = numberWords[w], !NormalizedText.isDigit(t[safe: i + w.unicodeScalars.count] ?? 0) {
                    q = Quantity(value: v, start: i, end: i + w.unicodeScalars.count)
                } else {
                    i += max(w.unicodeScalars.count, 1)
                    continue
                }
            }
            guard var found = q else { i += 1; continue }
            prefix(t, &found)
            suffix(t, &found)
            if found.value.isFinite, found.value <= maxValue { out.append(found) }  // no car costs 10^13
            i = max(found.end, i + 1)
        }
        return out
    }

    /// Digits with thousands separators and a decimal part.
    private static func arabic(_ t: NormalizedText, at i: Int) -> Quantity {
        let s = t.scalars
        var j = i, digits = 0, separated = false
        var text = ""
        while j < s.count {
            if NormalizedText.isDigit(s[j]) {
                text.unicodeScalars.append(Unicode.Scalar(s[j])!)
                digits += 1
                j += 1
            } else if s[j] == 0x2C, (1...3).allSatisfy({ NormalizedText.isDigit(t[safe: j + $0] ?? 0) }),
                      !NormalizedText.isDigit(t[safe: j + 4] ?? 0) {
                separated = true
                j += 1
            } else if s[j] == 0x2E, !text.contains("."), NormalizedText.isDigit(t[safe: j + 1] ?? 0) {
                text.append(".")
                separated = true
                j += 1
            } else {
                break
            }
        }
        return Quantity(value: Double(text) ?? 0, start: i, end: j, plainDigits: separated ? 0 : digits)
    }

    /// Currency signs and <, >, ~ before the number.
    private static func prefix(_ t: NormalizedText, _ q: inout Quantity) {
        var k = t.skipSpacesBackward(from: q.start)
        if let c = t[safe: k - 1], c == 0x24 || c == 0xA5 {  // $ ¥
            q.currency = c == 0x24 ? .USD : .CNY
            k = t.skipSpacesBackward(from: k - 1)
            q.start = k
        } else if let tok = t.tokenAt[safe: k - 1].flatMap({ $0 >= 0 ? t.tokens[Int($0)] : nil }),
                  let cur = currencyWords[tok.text], tok.end == k {
            q.currency = cur
            q.start = min(q.start, tok.start)
            k = t.skipSpacesBackward(from: tok.start)
        }
        switch t[safe: k - 1] {
        case 0x3C?, 0x2264?: q.symbol = .below
        case 0x3E?, 0x2265?: q.symbol = .above
        case 0x7E?, 0x2248?: q.symbol = .around
        default: break
        }
    }

    /// Multiplier, unit and "+" after the number.
    private static func suffix(_ t: NormalizedText, _ q: inout Quantity) {
        var j = q.end
        // 20多万, 十几万: "and some" before the multiplier spans up to the next ten.
        var more: Double?
        if q.multiplier == .none, q.top == nil, t[safe: j] == duo || t[safe: j] == ji,
           t[safe: j + 1] == wan.first || t[safe: j + 1] == qian.first {
            more = q.value >= 10 ? 10 : 1
            j += 1
        }
        // Multiplier.
        if q.multiplier == .none {
            let k = t.skipSpaces(from: j)
            let w = t.word(at: k)
            if t.has(bai + wan, at: k) { q.value *= 1_000_000; q.multiplier = .million; j = k + 2 }
            else if t[safe: k] == wan.first { q.value *= 10_000; q.multiplier = .wan; j = k + 1 }
            else if t[safe: k] == qian.first { q.value *= 1_000; q.multiplier = .thousand; j = k + 1 }
            else if k == j, w == "w" { q.value *= 10_000; q.multiplier = .wan; j = k + 1 }
            else if k == j, w == "k" { q.value *= 1_000; q.multiplier = .thousand; j = k + 1 }
            else if let m = multiplierWords[w] { q.value *= m.0; q.multiplier = m.1; j = k + w.unicodeScalars.count }
        }
        let factor = scale(q.multiplier)
        if let m = more { q.top = (q.value / factor + m) * factor }
        if q.multiplier != .none, q.top == nil, t[safe: j] == duo {  // 5万多
            q.top = q.value + factor
            j += 1
        }
        if let top = q.top, top <= q.value { q.top = nil }
        // Unit.
        var k = t.skipSpaces(from: j)
        if t[safe: k] == 0x2D { k = t.skipSpaces(from: k + 1) }  // 7-seater, 36-month
        if t[safe: k] == 0x25 { q.unit = .percent; j = k + 1 }
        else if let (u, len) = cjkUnit(t, at: k) { apply(u, &q); j = k + len }
        else {
            let w = t.word(at: k)
            if let u = latinUnits[w] { apply(u, &q); j = k + w.unicodeScalars.count }
        }
        if t[safe: j] == 0x2B { q.plus = true; j += 1 }
        q.end = j
    }

    private static func apply(_ u: (Quantity.Unit, Currency?), _ q: inout Quantity) {
        q.unit = u.0
        if let c = u.1 { q.currency = c }
    }

    private static func cjkUnit(_ t: NormalizedText, at k: Int) -> ((Quantity.Unit, Currency?), Int)? {
        for (p, u) in cjkUnits where t.has(p, at: k) { return (u, p.count) }
        return nil
    }

    static func scale(_ m: Quantity.Multiplier) -> Double {
        switch m {
        case .none: 1
        case .wan: 10_000
        case .thousand: 1_000
        case .million: 1_000_000
        }
    }

    private static let duo: UInt32 = 0x591A  // 多
    private static let ji: UInt32 = 0x51E0  // 几
    private static let wan = Array("万".unicodeScalars.map(\.value))
    private static let qian = Array("千".unicodeScalars.map(\.value))
    private static let bai = Array("百".unicodeScalars.map(\.value))

    /// Longest first.
    private typealias UnitInfo = (Quantity.Unit, Currency?)
    private static let cjkUnitTable: [(String, UnitInfo)] = [
        ("块钱", (.currency, .CNY)), ("人民币", (.currency, .CNY)), ("块", (.currency, .CNY)), ("元", (.currency, .CNY)),
        ("美元", (.currency, .USD)), ("美金", (.currency, .USD)), ("刀", (.currency, .USD)),
        ("公里", (.km, nil)), ("千米", (.km, nil)), ("英里", (.miles, nil)),
        ("人座", (.seats, nil)), ("座位", (.seats, nil)), ("座", (.seats, nil)), ("口人", (.people, nil)),
        ("口", (.people, nil)), ("个人", (.people, nil)), ("人", (.people, nil)),
        ("个月", (.months, nil)), ("期", (.months, nil)), ("年款", (.modelYear, nil)), ("款", (.modelYear, nil)),
        ("年", (.years, nil)), ("成", (.cheng, nil)),
    ]
    private static let cjkUnits: [([UInt32], UnitInfo)] = cjkUnitTable.map { (Array($0.0.unicodeScalars.map(\.value)), $0.1) }

    private static let latinUnits: [String: (Quantity.Unit, Currency?)] = [
        "rmb": (.currency, .CNY), "cny": (.currency, .CNY), "yuan": (.currency, .CNY),
        "usd": (.currency, .USD), "dollars": (.currency, .USD), "dollar": (.currency, .USD), "bucks": (.currency, .USD),
        "km": (.km, nil), "kms": (.km, nil), "kilometers": (.km, nil), "kilometres": (.km, nil),
        "miles": (.miles, nil), "mile": (.miles, nil), "mi": (.miles, nil),
        "seats": (.seats, nil), "seat": (.seats, nil), "seater": (.seats, nil), "seaters": (.seats, nil),
        "passenger": (.seats, nil), "passengers": (.seats, nil),
        "people": (.people, nil), "persons": (.people, nil),
        "years": (.years, nil), "year": (.years, nil), "yrs": (.years, nil), "yr": (.years, nil),
        "months": (.months, nil), "month": (.months, nil), "mos": (.months, nil), "mo": (.months, nil),
        "percent": (.percent, nil), "pct": (.percent, nil),
    ]

    private static let multiplierWords: [String: (Double, Quantity.Multiplier)] = [
        "grand": (1_000, .thousand), "thousand": (1_000, .thousand), "million": (1_000_000, .million),
        "mil": (1_000_000, .million),
    ]

    static let currencyWords: [String: Currency] = ["rmb": .CNY, "cny": .CNY, "usd": .USD, "us": .USD]

    static let numberWords: [String: Double] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "eleven": 11, "twelve": 12, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
        "seventy": 70, "eighty": 80, "ninety": 90,
    ]
}
