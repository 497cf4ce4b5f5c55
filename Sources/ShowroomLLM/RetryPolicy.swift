/// When and how long to wait before another attempt: jittered exponential backoff, or the
/// server's `Retry-After` when it gave one.
///
/// Pure: `delay` takes the random draw as a parameter so it is tested without sleeping.
public struct RetryPolicy: Sendable, Hashable {
    /// Extra attempts after the first (0 = never retry).
    public var maxRetries: Int
    /// Seconds before the first retry; doubled for each further one.
    public var baseDelaySeconds: Double
    /// Largest backoff in seconds (before jitter).
    public var maxDelaySeconds: Double
    /// Longest `Retry-After` worth waiting for, in seconds; beyond it the error is thrown at
    /// once, because a caller with a fallback should not sit through a long rate-limit pause.
    public var retryAfterCapSeconds: Double

    public init(maxRetries: Int = 2, baseDelaySeconds: Double = 0.25, maxDelaySeconds: Double = 4,
                retryAfterCapSeconds: Double = 10) {
        self.maxRetries = maxRetries
        self.baseDelaySeconds = baseDelaySeconds
        self.maxDelaySeconds = maxDelaySeconds
        self.retryAfterCapSeconds = retryAfterCapSeconds
    }

    /// Seconds to wait before retry number `retry` (1-based) after `error`, or nil to give up.
    ///
    /// - Parameter random: a draw in `0..<1`; backoff is `base · 2^(retry-1)`, capped, then
    ///   jittered into its upper half (`[d/2, d)`), so clients that failed together spread out.
    public func delay(beforeRetry retry: Int, after error: ChatModelError, random: Double) -> Double? {
        guard retry <= maxRetries, error.isRetryable else { return nil }
        if case .http(_, let after?, _) = error {
            return after <= retryAfterCapSeconds ? after : nil
        }
        let backoff = min(maxDelaySeconds, baseDelaySeconds * Double(1 << min(retry - 1, 30)))
        return backoff / 2 + backoff / 2 * min(max(random, 0), 1)
    }
}
