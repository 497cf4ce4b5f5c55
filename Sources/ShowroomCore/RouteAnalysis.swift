/// A routing decision with what the context step needs to know about the turn.
///
/// `hasIntentCue` is false when the intent was inferred from slots alone ("那七座的呢",
/// "what about white?"), which is when the previous intent should carry over.
public struct RouteAnalysis: Sendable, Hashable {
    public var decision: RouteDecision
    /// A phrase of the turn named an intent (试驾, price, recommend ...).
    public var hasIntentCue: Bool
    /// "cheaper ones?", "便宜点的": a search below what was shown.
    public var asksCheaper: Bool
    /// "what about", "那…呢": a follow-up to the previous turn.
    public var isFollowUp: Bool
    /// A number of years (1–10) the turn states without saying what for ("那3年呢"); a loan term
    /// when the conversation is about financing.
    public var statedYears: Int?

    public init(decision: RouteDecision, hasIntentCue: Bool, asksCheaper: Bool = false, isFollowUp: Bool = false,
                statedYears: Int? = nil) {
        self.decision = decision
        self.hasIntentCue = hasIntentCue
        self.asksCheaper = asksCheaper
        self.isFollowUp = isFollowUp
        self.statedYears = statedYears
    }
}
