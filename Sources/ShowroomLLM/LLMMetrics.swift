import Metrics

/// The LLM metrics, each labelled by `backend` (the model's name):
/// `showroom_llm_requests_total`, `showroom_llm_errors_total{reason}`,
/// `showroom_llm_fallbacks_total{reason}`, `showroom_llm_retries_total`,
/// `showroom_llm_latency_seconds` (a timer: Prometheus exports it as a histogram in seconds),
/// `showroom_llm_tokens_total{kind=prompt|completion}`.
///
/// The server bootstraps Prometheus as the process's metrics system; tests pass their own factory.
public struct LLMMetrics: Sendable {
    private let factory: any MetricsFactory

    /// Metrics through `factory`; by default the process's bootstrapped system.
    public init(factory: (any MetricsFactory)? = nil) {
        self.factory = factory ?? MetricsSystem.factory
    }

    func request(backend: String) {
        Counter(label: "showroom_llm_requests_total", dimensions: [("backend", backend)], factory: factory).increment()
    }

    func error(backend: String, reason: String) {
        Counter(label: "showroom_llm_errors_total", dimensions: [("backend", backend), ("reason", reason)], factory: factory)
            .increment()
    }

    func fallback(backend: String, reason: String) {
        Counter(label: "showroom_llm_fallbacks_total", dimensions: [("backend", backend), ("reason", reason)],
                factory: factory).increment()
    }

    func retry(backend: String) {
        Counter(label: "showroom_llm_retries_total", dimensions: [("backend", backend)], factory: factory).increment()
    }

    func latency(backend: String, _ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        Timer(label: "showroom_llm_latency_seconds", dimensions: [("backend", backend)], factory: factory)
            .recordNanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }

    func tokens(backend: String, _ usage: TokenUsage) {
        for (kind, count) in [("prompt", usage.promptTokens), ("completion", usage.completionTokens)] where count > 0 {
            Counter(label: "showroom_llm_tokens_total", dimensions: [("backend", backend), ("kind", kind)], factory: factory)
                .increment(by: count)
        }
    }
}
