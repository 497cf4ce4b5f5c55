import Foundation
import ShowroomCore

/// Token-bucket rate limits per key (IP, session). In memory per replica: limits are per
/// process, which is what protects each process; a shared limit would need Postgres or Redis.
actor RateLimiter {
    private struct Bucket { var tokens: Double; var updated: Date }
    private var buckets: [String: Bucket] = [:]
    private let enabled: Bool
    private var lastSweep = Date()

    init(enabled: Bool) { self.enabled = enabled }

    /// Takes one token from `key`'s bucket of `perMinute`; throws 429 with Retry-After seconds when empty.
    func check(_ key: String, perMinute: Int, now: Date = Date()) throws {
        guard enabled, perMinute > 0 else { return }
        let rate = Double(perMinute) / 60
        var b = buckets[key] ?? Bucket(tokens: Double(perMinute), updated: now)
        b.tokens = min(Double(perMinute), b.tokens + now.timeIntervalSince(b.updated) * rate)
        b.updated = now
        if b.tokens < 1 {
            buckets[key] = b
            let wait = Int(((1 - b.tokens) / rate).rounded(.up))
            throw RateLimited(retryAfter: max(1, wait))
        }
        b.tokens -= 1
        buckets[key] = b
        if now.timeIntervalSince(lastSweep) > 300 { sweep(now) }
    }

    private func sweep(_ now: Date) {
        buckets = buckets.filter { now.timeIntervalSince($0.value.updated) < 600 }
        lastSweep = now
    }
}

/// A refused request: 429 with Retry-After.
struct RateLimited: Error {
    var retryAfter: Int
}
