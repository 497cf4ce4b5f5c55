/// Failures a backend reports; wrappers (retry, circuit breaker, fallback) act on them.
public enum ChatModelError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The server could not be reached or the connection broke (refused, reset, TLS ...).
    case transport(String)
    /// The server answered with a non-2xx status. `retryAfterSeconds` comes from the
    /// `Retry-After` header (seconds or an HTTP date), `body` is the start of the error body.
    case http(status: Int, retryAfterSeconds: Double?, body: String)
    /// No answer (or, streaming, no progress) within the profile's timeout.
    case timeout
    /// The answer was not a usable chat completion: invalid JSON, a truncated stream, an empty reply.
    case malformed(String)
    /// The circuit breaker is open: the backend failed repeatedly and is not being called.
    case circuitOpen
    /// The caller cancelled the request.
    case cancelled

    public var description: String {
        switch self {
        case .transport(let m): "transport error: \(m)"
        case .http(let status, let after, let body):
            "HTTP \(status)" + (after.map { " (retry after \($0) s)" } ?? "") + (body.isEmpty ? "" : ": \(body.prefix(200))")
        case .timeout: "timeout"
        case .malformed(let m): "malformed reply: \(m)"
        case .circuitOpen: "circuit open"
        case .cancelled: "cancelled"
        }
    }

    /// Worth another attempt: rate limits, server errors, timeouts and broken connections.
    /// Other 4xx answers are the request's fault and would fail again.
    public var isRetryable: Bool {
        switch self {
        case .transport, .timeout: true
        case .http(let status, _, _): status == 429 || status == 408 || status >= 500
        case .malformed, .circuitOpen, .cancelled: false
        }
    }

    /// Says the backend is unhealthy (counts towards opening a circuit). A 4xx other than
    /// 408/429 and a cancellation say nothing about the backend's health.
    public var indicatesUnhealthyBackend: Bool {
        switch self {
        case .transport, .timeout, .malformed: true
        case .http(let status, _, _): status == 429 || status == 408 || status >= 500
        case .circuitOpen, .cancelled: false
        }
    }

    /// Short label for the `reason` dimension of `showroom_llm_errors_total`.
    public var metricReason: String {
        switch self {
        case .transport: "transport"
        case .http(let status, _, _): status == 429 ? "http_429" : status >= 500 ? "http_5xx" : "http_4xx"
        case .timeout: "timeout"
        case .malformed: "malformed"
        case .circuitOpen: "circuit_open"
        case .cancelled: "cancelled"
        }
    }
}

extension ChatModelError {
    /// Any error as a `ChatModelError`: cancellation stays cancellation, anything else unknown
    /// is reported as a transport failure (it came from below the protocol).
    public static func from(_ error: any Error) -> ChatModelError {
        if let e = error as? ChatModelError { return e }
        if error is CancellationError { return .cancelled }
        return .transport(String(describing: error))
    }
}
