import ShowroomCore

/// A model's reply streamed to the customer as it is written, one sentence at a time, each only
/// after the reply guard has passed everything up to and including it.
///
/// Text waits until a sentence ends (。！？；, a line break, or `.!?;` and the space after), so an
/// amount is never judged half-written. The first sentence the guard refuses stops the stream:
/// nothing more of that reply goes out, and the runner's grounded replacement reaches the
/// customer in the `done` event (which always carries the final reply). When the guard passes
/// the whole reply, the deltas sent add up to it exactly.
struct GuardedStream {
    let facts: GroundedFacts
    /// The text sent so far.
    private(set) var sent = ""
    private var pending = ""
    /// True once a sentence failed the guard or the reply restarted after text went out.
    private(set) var stopped = false

    init(facts: GroundedFacts) { self.facts = facts.prepared() }

    /// The text that may go out now, if any.
    mutating func feed(_ delta: String) -> String? {
        guard !stopped else { return nil }
        pending += delta
        guard let cut = Self.lastSentenceEnd(in: pending) else { return nil }
        let ready = String(pending[..<cut])
        guard ReplyGuard.check(reply: sent + ready, facts: facts).isEmpty else {
            stopped = true
            return nil
        }
        sent += ready
        pending = String(pending[cut...])
        return ready
    }

    /// The model started its reply over (a retry, or its fallback took over): with nothing
    /// sent yet, start over; otherwise stop.
    mutating func reset() {
        if sent.isEmpty { pending = "" } else { stopped = true }
    }

    /// What is left to send of the final `reply`: its unsent tail when it continues the text
    /// already sent, nil when it does not (a replaced reply).
    func rest(of reply: String) -> String? {
        reply.hasPrefix(sent) ? String(reply.dropFirst(sent.count)) : nil
    }

    /// The index just after the last sentence end in `text` (after the space that follows `.!?;`).
    static func lastSentenceEnd(in text: String) -> String.Index? {
        var found: String.Index?
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            let next = text.index(after: i)
            switch c {
            case "。", "！", "？", "；", "\n": found = next
            case ".", "!", "?", ";":
                if next < text.endIndex, text[next] == " " || text[next] == "\n" { found = text.index(after: next) }
            default: break
            }
            i = next
        }
        return found
    }
}
