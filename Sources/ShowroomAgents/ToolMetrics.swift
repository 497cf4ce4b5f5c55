import Metrics

/// Tool latency and error counters (Prometheus via the server's bootstrap).
enum ToolMetrics {
    static func record(_ outcome: ToolOutcome) {
        Timer(label: "showroom_tool_latency_seconds", dimensions: [("tool", outcome.name)])
            .recordNanoseconds(Int64(outcome.durationMs * 1_000_000))
        if let e = outcome.error {
            Counter(label: "showroom_tool_errors_total", dimensions: [("tool", outcome.name), ("code", e.code)]).increment()
        }
    }
}
