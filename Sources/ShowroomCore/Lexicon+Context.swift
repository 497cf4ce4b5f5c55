/// When a short or everyday name counts as a mention.
///
/// One-character Chinese model names (汉, 唐) are also parts of ordinary words (汉字, 好汉, 唐朝,
/// 汉堡). Such a name counts only when
/// - the character after it is not a CJK character (end of text, punctuation, space, Latin or a
///   digit: "汉EV", "唐DM-i", "汉?") or is one that commonly follows a car name (的, 和, 多少钱's 多,
///   续航's 续, 怎么样's 怎 ... see `afterSingle`), and
/// - the character before it is not a CJK character, or is one that commonly precedes a car name
///   (买, 看, 试驾's 驾, 和, 款, 的 ... see `beforeName`).
/// "比亚迪汉" needs no rule: make + model is a name of its own.
///
/// Make names that are everyday words (理想 "ideal", 大众 "the public", 现代 "modern", 小米
/// "millet") follow the same left rule and a stricter right rule: the next character must be
/// non-CJK or one of `afterEverydayWord` (汽车's 汽, 车, 品牌's 品, 和, 有, 呢, 吗 ...), so "现代化"
/// and "我理想的预算" are not Hyundai and Li Auto. "理想L9", "小米SU7" are make + model names.
extension Lexicon {
    static let everydayChineseWords: Set<String> = ["理想", "大众", "现代", "小米"]

    /// Latin model names that are ordinary words, matched only after their make ("BYD Song", never "20,000 yuan").
    static let modelWordsNeedingMake: Set<String> = ["yuan", "song"]

    static let beforeName = scalars(
        "买看试驾订选款辆台个和跟与及或比对了的是要想问下这那新旧还送开提把说聊询介绍欢于荐台到款啥在")
    static let afterSingle = scalars(
        "的和跟与及还或呢吗吧啊呀怎多有现价续落试配能是好贵便哪比对到在电油车最要今这那可也都新二报优首月贷颜长空尺参马加百动四两用系款")
    static let afterEverydayWord = scalars("汽车品牌家和跟与及还或呢吗吧怎有哪比对最新的")

    static func scalars(_ s: String) -> Set<UInt32> { Set(s.unicodeScalars.map(\.value)) }

    /// True when a name of `kind` at `start..<end` of `t` counts as a mention (rules above).
    static func contextAllows(_ kind: NameKind, in t: NormalizedText, start: Int, end: Int) -> Bool {
        if kind == .plain { return true }
        let before = t[safe: start - 1]
        let after = t[safe: end]
        let leftOK = before.map { !NormalizedText.isCJK($0) || beforeName.contains($0) } ?? true
        guard leftOK else { return false }
        guard let a = after, NormalizedText.isCJK(a) else { return true }
        if kind == .singleCharacter { return afterSingle.contains(a) }
        if a == 0x7684 { return t[safe: end + 1] == 0x8F66 }  // 的 only in "的车"
        return afterEverydayWord.contains(a)
    }

    /// Common English words within one edit of a catalog name or a cue word; never read as a
    /// misspelling of either ("carry" is not "Camry", "explore" is not "Explorer").
    static let commonEnglishWords: Set<String> = [
        "carry", "civil", "explore", "explored", "seats", "there", "these", "those", "while", "which", "where",
        "quite", "quiet", "couple", "other", "others", "after", "about", "above", "again", "below", "being",
        "could", "would", "should", "their", "theirs", "think", "thing", "things", "every", "first", "great",
        "house", "hours", "light", "lights", "might", "money", "month", "never", "place", "point", "right",
        "small", "sound", "still", "study", "thanks", "today", "under", "until", "water", "where", "whole",
        "world", "write", "wrong", "years", "young", "model", "models", "price", "prices", "range", "power",
        "lower", "tower", "hello", "drive", "driver", "drives", "seven", "eight", "three", "white", "black",
        "green", "brown", "class", "cross", "sales", "sells", "tells", "hands", "honey", "camera", "cameras",
        "songs", "teams", "leaves", "please", "lease", "least", "plus", "pluses", "series", "serious", "sedan",
        "sedans", "coupe", "coupes", "compact", "people", "person", "family", "budget", "mileage", "newer",
        "older", "cheaper", "electric", "hybrid", "hybrids", "trade", "worth", "north", "finance", "monthly",
    ]
}
