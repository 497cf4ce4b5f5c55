import Foundation

/// Percentiles of a set of samples (nearest rank), in the samples' own unit.
public struct LatencySummary: Sendable, CustomStringConvertible {
    public let count: Int
    public let mean: Double
    public let p50: Double
    public let p95: Double
    public let p99: Double
    public let max: Double

    public init(_ samples: [Double]) {
        let s = samples.sorted()
        count = s.count
        mean = s.isEmpty ? 0 : s.reduce(0, +) / Double(s.count)
        func rank(_ q: Double) -> Double {
            guard !s.isEmpty else { return 0 }
            return s[Swift.min(s.count - 1, Swift.max(0, Int((q * Double(s.count)).rounded(.up)) - 1))]
        }
        p50 = rank(0.50)
        p95 = rank(0.95)
        p99 = rank(0.99)
        max = s.last ?? 0
    }

    public var description: String {
        String(format: "n=%d mean=%.2f p50=%.2f p95=%.2f p99=%.2f max=%.2f", count, mean, p50, p95, p99, max)
    }
}
