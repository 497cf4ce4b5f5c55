/// A customer turn folded for matching: full-width forms to ASCII, ASCII lower case, dashes,
/// quotes and Chinese punctuation to their ASCII counterparts, apostrophes inside words dropped
/// ("SUV's" → "suvs"), as an array of Unicode scalar values so scanning never allocates.
///
/// `tokens` are the maximal runs of ASCII letters and digits ("model", "3", "20k", "a123"); CJK
/// characters, spaces and punctuation separate them. Every matcher of the router works on this
/// one value, so normalization rules live in one place.
struct NormalizedText: Sendable {
    /// A run of ASCII letters and digits in `scalars[start..<end]`.
    struct Token: Sendable {
        var start: Int
        var end: Int
        var text: String
        var letters: Int
        var digits: Int
        var length: Int { end - start }
    }

    let scalars: [UInt32]
    let tokens: [Token]
    let hasCJK: Bool
    /// Index of the token containing each scalar, or -1.
    let tokenAt: [Int32]

    init(_ text: String) {
        var out: [UInt32] = []
        out.reserveCapacity(text.unicodeScalars.count)
        var cjk = false
        for u in text.unicodeScalars {
            let v = Self.fold(u.value)
            if v == 0x27, let last = out.last, Self.isLatinLetter(last) { continue }  // "suv's" → "suvs"
            if Self.isCJK(v) { cjk = true }
            out.append(v)
        }
        scalars = out
        hasCJK = cjk
        var toks: [Token] = []
        var at = [Int32](repeating: -1, count: out.count)
        var i = 0
        while i < out.count {
            guard Self.isLatinAlnum(out[i]) else { i += 1; continue }
            var j = i, letters = 0, digits = 0
            while j < out.count, Self.isLatinAlnum(out[j]) {
                if Self.isDigit(out[j]) { digits += 1 } else { letters += 1 }
                at[j] = Int32(toks.count)
                j += 1
            }
            toks.append(Token(start: i, end: j, text: Self.string(out[i..<j]), letters: letters, digits: digits))
            i = j
        }
        tokens = toks
        tokenAt = at
    }

    var count: Int { scalars.count }

    /// The scalar at `i`, or nil outside the text.
    subscript(safe i: Int) -> UInt32? { i >= 0 && i < scalars.count ? scalars[i] : nil }

    /// True when `pattern` occurs at `i`.
    func has(_ pattern: [UInt32], at i: Int) -> Bool {
        guard i >= 0, i + pattern.count <= scalars.count else { return false }
        for k in 0..<pattern.count where scalars[i + k] != pattern[k] { return false }
        return true
    }

    /// The index of the first scalar at or after `i` that is not a space.
    func skipSpaces(from i: Int) -> Int {
        var j = i
        while j < scalars.count, scalars[j] == 0x20 || scalars[j] == 0x09 || scalars[j] == 0x0A { j += 1 }
        return j
    }

    /// The index just after the last non-space scalar before `i`.
    func skipSpacesBackward(from i: Int) -> Int {
        var j = i
        while j > 0, scalars[j - 1] == 0x20 || scalars[j - 1] == 0x09 || scalars[j - 1] == 0x0A { j -= 1 }
        return j
    }

    /// The ASCII letter run starting at `i` ("" when none).
    func word(at i: Int) -> String {
        var j = i
        while j < scalars.count, Self.isLatinLetter(scalars[j]) { j += 1 }
        return j > i ? Self.string(scalars[i..<j]) : ""
    }

    static func string(_ s: ArraySlice<UInt32>) -> String {
        var out = String.UnicodeScalarView()
        for v in s { if let u = Unicode.Scalar(v) { out.append(u) } }
        return String(out)
    }

    // MARK: character classes

    static func isLatinLetter(_ v: UInt32) -> Bool { v >= 0x61 && v <= 0x7A }
    static func isDigit(_ v: UInt32) -> Bool { v >= 0x30 && v <= 0x39 }
    static func isLatinAlnum(_ v: UInt32) -> Bool { isLatinLetter(v) || isDigit(v) }
    static func isCJK(_ v: UInt32) -> Bool {
        (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0x3400 && v <= 0x4DBF) || (v >= 0xF900 && v <= 0xFAFF)
            || (v >= 0x20000 && v <= 0x2FFFF)
    }
    /// Letters, digits and CJK characters: what names and cues are made of.
    static func isWordScalar(_ v: UInt32) -> Bool { isLatinAlnum(v) || isCJK(v) }

    /// Full-width to ASCII, upper to lower case, typographic punctuation to ASCII.
    static func fold(_ v: UInt32) -> UInt32 {
        switch v {
        case 0x41...0x5A: return v + 0x20
        case 0xFF21...0xFF3A: return v - 0xFEE0 + 0x20
        case 0xFF01...0xFF5E: return v - 0xFEE0
        case 0x3000: return 0x20
        case 0xFFE5, 0xFFE1: return v == 0xFFE5 ? 0xA5 : 0xA3
        case 0x3002: return 0x2E  // 。
        case 0x3001: return 0x2C  // 、
        case 0x2010...0x2015, 0x2212: return 0x2D
        case 0x301C: return 0x7E
        case 0x2018, 0x2019, 0x2032: return 0x27
        case 0x201C, 0x201D: return 0x22
        case 0x00A0: return 0x20
        default: return v
        }
    }
}
