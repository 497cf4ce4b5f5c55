/// What a word or phrase of a customer turn signals to the embedded router.
///
/// A phrase carries one or more cues; intents come from `intent` cues (weights are compared, the
/// strongest intent wins), slots from the value cues, and the remaining cues give numbers their
/// meaning ("以内" after a price makes it a ceiling, "续航" before a distance makes it a range).
enum RouterCue: Hashable, Sendable {
    enum Bound: Sendable, Hashable { case below, above, around }
    enum BoundSide: Sendable, Hashable { case before, after, either }

    /// Evidence for an intent; 1.0 is a clear cue, below 0.85 a hint.
    case intent(Intent, Double)
    /// Details wording ("range", "配置") that means details only when a model or unit is named.
    case detailsOfNamed(Double)
    /// "which is better", "哪个好": compare with two models named, else recommendation.
    case whichIsBetter
    /// "or", "还是": compare when two models are named.
    case either
    /// A person, a manager, a complaint: always `human_handoff`.
    case escalation
    /// An attempt to change the assistant's rules: always `out_of_scope`.
    case injection
    /// Greeting or pleasantry.
    case greeting
    /// A phrase that means nothing by itself but hides a shorter cue inside it (人工智能, 明白).
    case blocker

    case body(BodyType)
    case powertrain(Powertrain)
    /// 新能源 / NEV: no single powertrain.
    case newEnergy
    case condition(VehicleCondition)
    /// "new" that is a condition only before a car word or a model.
    case newSoft
    case drivetrain(Drivetrain)
    case color(String)

    /// A comparison word: under / 以内 (below), over / 以上 (above), around / 左右; `side` says
    /// whether it stands before its number ("under 30k", "不超过20万") or after it ("20万以内").
    case bound(Bound, BoundSide)
    /// between ... and, 之间.
    case between
    /// 预算, budget: makes a bare number a price.
    case budget

    /// 续航, range: a distance is electric range.
    case rangeWord
    /// 里程, mileage: a distance is odometer mileage.
    case mileageWord
    /// 首付, down payment: a percent is the down payment.
    case downWord
    /// 零首付, zero down.
    case zeroDown
    /// 月供, per month: an amount near it is a payment, not a price.
    case monthlyWord
    /// loan, 贷款, 分期: years are a loan term.
    case loanWord
    /// stock #, 库存编号: the next code is a stock number.
    case stockWord
    /// family of, 一家: the next number is a family size.
    case familyWord
    /// seats, seating for: the next number is a seat count.
    case seatsWord
    /// or newer, 以后: the year before it is a minimum.
    case yearOnward
    /// newer than, after: the year after it plus one is a minimum.
    case yearNewerThan
    /// since, from: the year after it is a minimum.
    case yearSince

    /// cheaper ones, 便宜点的: a search below what was shown.
    case cheaper
    /// what about, 那…呢: a follow-up to the previous turn.
    case followUp
}
