/// A make or model the lexicon found in a text.
///
/// `text` is the matched span as normalized (lower case, full-width folded); `isApproximate` is
/// true when it matched a name only within one edit ("Telsa", "Camery"). A mention of a model
/// carries its make, so `make` is always set.
public struct LexiconMention: Sendable, Hashable {
    public var make: String
    public var model: String?
    public var text: String
    public var isApproximate: Bool
    /// Scalar offsets of the span in the normalized text (internal bookkeeping for the router).
    var start: Int
    var end: Int

    /// `make|model` (or `make|` for a make-only mention), the key the compare tool takes.
    public var key: String { "\(make)|\(model ?? "")" }
}
