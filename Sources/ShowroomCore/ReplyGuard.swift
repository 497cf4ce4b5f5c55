import Foundation

/// Checks an assistant reply before it leaves: every amount of money (and every discount) must
/// be grounded — an amount of a tool result of this conversation, in its currency, or a figure
/// the customer gave as their own, written exactly or as a true rounding of it — and no
/// commitment language may appear.
///
/// Pure and conservative: a reply that cannot be shown to be grounded is a violation, and
/// the runner replaces it with a grounded one written from tool results. How amounts are found
/// is in `ReplyGuard+Mentions.swift`, commitments in `ReplyGuard+Commitments.swift`, what
/// grounds them in `GroundedFacts`.
public enum ReplyGuard {
    public enum Violation: Sendable, Hashable, CustomStringConvertible {
        case ungroundedAmount(String)
        case ungroundedDiscount(String)
        case commitment(String)

        public var description: String {
            switch self {
            case .ungroundedAmount(let s): "ungrounded_amount:\(s)"
            case .ungroundedDiscount(let s): "ungrounded_discount:\(s)"
            case .commitment(let s): "commitment:\(s)"
            }
        }
    }

    /// Violations in `reply`; empty when it may be sent. `facts` are this conversation's tool
    /// results and the customer's own figures (see `GroundedFacts`).
    public static func check(reply: String, facts: GroundedFacts) -> [Violation] {
        var out = commitments(in: reply).map(Violation.commitment)
        let mentions = mentions(in: reply)
        guard !mentions.isEmpty else { return out }
        let ready = facts.prepared()
        for m in mentions where !ready.grounds(m) {
            out.append(m.kind == .percentOff ? .ungroundedDiscount(m.text) : .ungroundedAmount(m.text))
        }
        return out
    }

    /// The money mentions of `text` (see `mentions(in:)`), for callers that only need amounts.
    public static func moneyAmounts(in text: String) -> [Mention] { mentions(in: text).filter { $0.kind == .money } }
}
