/// The makes and models the router recognizes, precompiled for fast matching.
///
/// Names are compacted (lower case, full-width folded, spaces, hyphens and dots dropped) so
/// "Model Y", "model-y", "modely" and "ＭＯＤＥＬ Ｙ" are one key, and stored in a trie that the
/// matcher walks from every word boundary of a text, keeping the longest name (`汉兰达` over `汉`).
/// Latin names of five letters or more (whose last word has three or more) also match a word
/// of five letters or more within one edit ("Telsa", "Camery", "Highlandr"), unless the word is a
/// common English word or a router cue word, or is one edit from two different entries.
///
/// Rules that keep short names from matching inside unrelated text (documented in
/// `Lexicon+Context.swift`):
/// - every "make name + model name" pair is a name too ("比亚迪汉", "Aion S", "极氪001");
/// - a model name that is only one or two Latin letters ("S", "GT"), only digits ("001") or a
///   common word ("Yuan", "Song") matches only after its make;
/// - a one-character Chinese name (汉, 唐) and a make name that is an everyday Chinese word
///   (理想, 大众, 现代, 小米) match only when the characters around them allow it.
public struct Lexicon: Sendable {
    /// How a name may match on its own.
    enum NameKind: UInt8, Sendable {
        case plain
        /// One CJK character (汉, 唐): needs a permissive neighbour on each side.
        case singleCharacter
        /// An everyday Chinese word that is also a make (理想 "ideal", 现代 "modern").
        case everydayWord
    }

    struct NameInfo: Sendable {
        var entry: Int32
        var kind: NameKind
    }

    /// Every entry as given (duplicates of make-only entries merged).
    public let entries: [LexiconEntry]

    private var children: [UInt64: Int32] = [:]
    private var terminal: [Int32] = [-1]
    private(set) var infos: [NameInfo] = []
    private(set) var typos = TypoIndex()
    /// Compact keys of every name, including those that only match after their make.
    private var known: Set<String> = []
    /// Words never read as a misspelled name ("carry" is not "Camry").
    var protectedWords: Set<String> = Lexicon.commonEnglishWords

    /// Builds the tables. Entries with an empty make and names that normalize to nothing are skipped.
    public init(entries: [LexiconEntry]) {
        var list: [LexiconEntry] = []
        var makeIndex: [String: Int] = [:]
        for e in entries where !e.make.isEmpty {
            if e.isMakeOnly, let i = makeIndex[e.make] {
                list[i].names += e.names
                continue
            }
            if e.isMakeOnly { makeIndex[e.make] = list.count }
            list.append(e)
        }
        for e in list where !e.isMakeOnly && makeIndex[e.make] == nil {  // a model's make is a make too
            makeIndex[e.make] = list.count
            list.append(LexiconEntry(make: e.make))
        }
        self.entries = list

        for (i, e) in list.enumerated() {
            let own = Self.compactNames(e.isMakeOnly ? [e.make] + e.names : [e.model ?? ""] + e.names)
            for name in own {
                known.insert(name.key)
                if e.isMakeOnly || !Self.needsMake(name) { add(name, entry: i) }
            }
            guard !e.isMakeOnly, let m = makeIndex[e.make] else { continue }
            let makeNames = Self.compactNames([list[m].make] + list[m].names)
            for make in makeNames {
                for model in own {
                    let combo = CompactName(key: make.key + model.key, scalars: make.scalars + model.scalars,
                                            lastWordLength: model.lastWordLength)
                    known.insert(combo.key)
                    insert(combo.scalars, info: NameInfo(entry: Int32(i), kind: .plain))
                }
            }
        }
    }

    /// Make-only entries, one per make.
    public var makes: [LexiconEntry] { entries.filter(\.isMakeOnly) }

    /// True when `name` (any spelling, spacing or width) is a name of some entry, including names
    /// that only match after their make ("M7", "001", "GT"). The router uses it to keep model
    /// names out of stock numbers.
    public func knows(_ name: String) -> Bool {
        known.contains(Self.compactNames([name]).first?.key ?? "")
    }

    /// A copy that also protects `words` from being read as misspelled names.
    func protecting(_ words: some Sequence<String>) -> Lexicon {
        var copy = self
        copy.protectedWords.formUnion(words)
        return copy
    }

    // MARK: building

    struct CompactName {
        var key: String
        var scalars: [UInt32]
        var lastWordLength: Int
    }

    static func compactNames(_ names: [String]) -> [CompactName] {
        var out: [CompactName] = []
        for n in names {
            let t = NormalizedText(n)
            let s = t.scalars.filter(NormalizedText.isWordScalar)
            guard !s.isEmpty else { continue }
            let key = NormalizedText.string(s[...])
            if out.contains(where: { $0.key == key }) { continue }
            out.append(CompactName(key: key, scalars: s, lastWordLength: t.tokens.last?.length ?? 0))
        }
        return out
    }

    /// Short Latin names, digit-only names and common English words match only after their make.
    static func needsMake(_ n: CompactName) -> Bool {
        guard n.scalars.allSatisfy(NormalizedText.isLatinAlnum) else { return false }
        if n.scalars.allSatisfy(NormalizedText.isDigit) { return true }
        if n.scalars.count <= 2, n.scalars.allSatisfy(NormalizedText.isLatinLetter) { return true }
        return modelWordsNeedingMake.contains(n.key)
    }

    private mutating func add(_ name: CompactName, entry: Int) {
        var kind = NameKind.plain
        if name.scalars.count == 1, NormalizedText.isCJK(name.scalars[0]) { kind = .singleCharacter }
        if Self.everydayChineseWords.contains(name.key) { kind = .everydayWord }
        insert(name.scalars, info: NameInfo(entry: Int32(entry), kind: kind))
        let latin = name.scalars.allSatisfy(NormalizedText.isLatinAlnum)
        let letters = name.scalars.filter(NormalizedText.isLatinLetter).count
        if latin, letters >= 5, name.lastWordLength >= 3 { typos.insert(name.key, payload: entry) }
    }

    private mutating func insert(_ scalars: [UInt32], info: NameInfo) {
        var node: Int32 = 0
        for v in scalars {
            let k = UInt64(UInt32(bitPattern: node)) << 32 | UInt64(v)
            if let next = children[k] {
                node = next
            } else {
                let next = Int32(terminal.count)
                terminal.append(-1)
                children[k] = next
                node = next
            }
        }
        if terminal[Int(node)] < 0 {  // the first entry to claim a name keeps it
            terminal[Int(node)] = Int32(infos.count)
            infos.append(info)
        }
    }

    /// The child of `node` along scalar `v`, if any.
    func child(_ node: Int32, _ v: UInt32) -> Int32? {
        children[UInt64(UInt32(bitPattern: node)) << 32 | UInt64(v)]
    }

    /// The name ending at `node`, if one does.
    func name(at node: Int32) -> NameInfo? {
        let t = terminal[Int(node)]
        return t >= 0 ? infos[Int(t)] : nil
    }
}
