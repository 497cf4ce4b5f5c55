/// Reads Chinese numerals: 七 = 7, 十五 = 15, 二十万 = 200000, 两百万 = 2000000, 三成's 三 = 3,
/// 一万五 = 15000 (a trailing digit after 万/千/百 is the next place down), 二〇二二 = 2022.
enum ChineseNumeral {
    static func digit(_ v: UInt32) -> Int? {
        switch v {
        case 0x96F6, 0x3007: return 0  // 零 〇
        case 0x4E00: return 1  // 一
        case 0x4E8C, 0x4E24: return 2  // 二 两
        case 0x4E09: return 3
        case 0x56DB: return 4
        case 0x4E94: return 5
        case 0x516D: return 6
        case 0x4E03: return 7
        case 0x516B: return 8
        case 0x4E5D: return 9
        default: return nil
        }
    }

    static func unit(_ v: UInt32) -> Double? {
        switch v {
        case 0x5341: return 10  // 十
        case 0x767E: return 100  // 百
        case 0x5343: return 1000  // 千
        case 0x4E07: return 10000  // 万
        case 0x4EBF: return 100_000_000  // 亿
        default: return nil
        }
    }

    /// True for a scalar that can begin a numeral (a digit or 十).
    static func starts(_ v: UInt32) -> Bool { digit(v) != nil || v == 0x5341 }

    /// The numeral starting at `i` of `s`: its value, where it ends, whether it contains 万, and
    /// the top of a span written as two neighbouring digits (七八万 = 7万 up to 8万, 二三十万).
    static func parse(_ s: [UInt32], from i: Int) -> (value: Double, end: Int, hasWan: Bool, top: Double?)? {
        guard i < s.count, starts(s[i]) else { return nil }
        var j = i
        while j < s.count, digit(s[j]) != nil || unit(s[j]) != nil { j += 1 }
        let run = s[i..<j]
        let hasWan = run.contains(0x4E07)
        if run.count > 1, run.allSatisfy({ digit($0) != nil }) {  // 二〇二二
            return (run.reduce(0.0) { $0 * 10 + Double(digit($1)!) }, j, false, nil)
        }
        let a = run.startIndex
        if run.count >= 3, let d1 = digit(run[a]), let d2 = digit(run[a + 1]), d2 == d1 + 1, unit(run[a + 2]) != nil {
            return (evaluate([run[a]] + run[(a + 2)...]), j, hasWan, evaluate(run[(a + 1)...]))
        }
        return (evaluate(run), j, hasWan, nil)
    }

    /// The value of a run of digits and units.
    private static func evaluate(_ run: some Collection<UInt32>) -> Double {
        var total = 0.0, section = 0.0, pending = 0.0
        var lastUnit = 0.0
        var sawDigit = false, zero = false
        for v in run {
            if let d = digit(v) {
                if d == 0 { zero = true }
                pending = Double(d)
                sawDigit = true
                continue
            }
            guard let u = unit(v) else { continue }
            if u == 10000 {
                total += (section + pending) * u
                section = 0
            } else if u > 10000 {
                total = (total + section + pending) * u
                section = 0
            } else {
                section += (sawDigit ? pending : 1) * u
            }
            pending = 0
            sawDigit = false
            zero = false
            lastUnit = u
        }
        if sawDigit, !zero, lastUnit >= 100 {  // 一万五, 两千五, 一百五
            pending *= lastUnit / 10
        }
        return total + section + pending
    }
}
