/// One make, or one model of a make, with every name a customer may use for it.
///
/// Built by the caller from the catalog in the database: `make` and `model` are the canonical
/// names the router normalizes to (`BYD`/`Han`, `Tesla`/`Model Y`); `names` are the English and
/// Chinese names, aliases and common misspellings (`汉`, `Han EV`, `比亚迪`, `Chevy`). The canonical
/// names themselves always count as names and need not be repeated. An entry without `model`
/// is a make-only entry; a model entry implies its make.
public struct LexiconEntry: Sendable, Hashable, Codable {
    public var make: String
    public var model: String?
    public var names: [String]

    public init(make: String, model: String? = nil, names: [String] = []) {
        self.make = make
        self.model = model
        self.names = names
    }

    /// True for an entry that names a make and no model.
    public var isMakeOnly: Bool { model == nil }
}
