/// What a free-text make and model resolve to in the dealer's catalog.
///
/// A model the catalog does not know is never dropped silently: `requestedModel` keeps the
/// customer's words while `models` is empty, and `suggestions` names the nearest catalog models,
/// so a tool can say "no such model" or list `model` as relaxed instead of answering for
/// another car. A short family name (宋, "Song") can match several models: `models` then holds
/// all of them and `isAmbiguous` is true.
public struct ModelMatch: Sendable, Hashable {
    /// Canonical make, or nil when none was asked or none matched.
    public var make: String?
    /// Canonical models the asked model names: none, one, or a family (宋 → Song L, Song PLUS).
    public var models: [String]
    /// The model text as asked, trimmed; nil when no model was asked.
    public var requestedModel: String?
    /// "Make Model" of the nearest catalog models when the asked model matched nothing.
    public var suggestions: [String]
    /// Body type and powertrain of the matched models when all of them share one (for
    /// relaxation towards similar cars).
    public var bodyType: String?
    public var powertrain: String?

    public init(make: String?, models: [String], requestedModel: String?, suggestions: [String] = [],
                bodyType: String? = nil, powertrain: String? = nil) {
        self.make = make
        self.models = models
        self.requestedModel = requestedModel
        self.suggestions = suggestions
        self.bodyType = bodyType
        self.powertrain = powertrain
    }

    /// A model was asked and nothing in the catalog (of the asked make) matched it.
    public var modelUnmatched: Bool { requestedModel != nil && models.isEmpty }
    /// The asked model names a family of several catalog models.
    public var isAmbiguous: Bool { models.count > 1 }
    /// The single matched model, if exactly one.
    public var model: String? { models.count == 1 ? models[0] : nil }
}
