/// An incremental piece of a streamed reply.
///
/// A consumer appends `.delta` text as it arrives. `.reset` means a fallback is taking over
/// after text was already streamed: the consumer must discard every delta received so far
/// (clear the bubble) and show only what follows. `.completed` is always last and carries the
/// reply that counts; its `fallbackReason` says whether a fallback produced it.
public enum ChatStreamEvent: Sendable, Hashable {
    /// A chunk of reply text.
    case delta(String)
    /// Discard all text received so far; the reason is for logs, not for customers.
    case reset(reason: String)
    /// The finished reply (text assembled, tool calls complete), always last.
    case completed(ChatResponse)
}
