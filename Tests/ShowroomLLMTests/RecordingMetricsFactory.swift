import CoreMetrics
import Foundation

/// A metrics backend for tests: remembers counter totals and timer samples by label and dimensions.
final class RecordingMetricsFactory: MetricsFactory, @unchecked Sendable {
    private let lock = NSLock()
    private var counters: [String: Int64] = [:]
    private var timers: [String: [Int64]] = [:]

    static func key(_ label: String, _ dimensions: [(String, String)]) -> String {
        label + "{" + dimensions.sorted { $0.0 < $1.0 }.map { "\($0.0)=\($0.1)" }.joined(separator: ",") + "}"
    }

    func counter(_ label: String, _ dimensions: [(String, String)]) -> Int64 {
        lock.withLock { counters[Self.key(label, dimensions)] ?? 0 }
    }

    func timerSamples(_ label: String, _ dimensions: [(String, String)]) -> [Int64] {
        lock.withLock { timers[Self.key(label, dimensions)] ?? [] }
    }

    func makeCounter(label: String, dimensions: [(String, String)]) -> any CounterHandler {
        Handler(key: Self.key(label, dimensions), factory: self)
    }

    func makeRecorder(label: String, dimensions: [(String, String)], aggregate: Bool) -> any RecorderHandler {
        Handler(key: Self.key(label, dimensions), factory: self)
    }

    func makeTimer(label: String, dimensions: [(String, String)]) -> any TimerHandler {
        Handler(key: Self.key(label, dimensions), factory: self)
    }

    func destroyCounter(_ handler: any CounterHandler) {}
    func destroyRecorder(_ handler: any RecorderHandler) {}
    func destroyTimer(_ handler: any TimerHandler) {}

    fileprivate func add(_ key: String, _ amount: Int64) { lock.withLock { counters[key, default: 0] += amount } }
    fileprivate func sample(_ key: String, _ value: Int64) { lock.withLock { timers[key, default: []].append(value) } }

    private final class Handler: CounterHandler, RecorderHandler, TimerHandler, @unchecked Sendable {
        let key: String
        let factory: RecordingMetricsFactory
        init(key: String, factory: RecordingMetricsFactory) {
            self.key = key
            self.factory = factory
        }
        func increment(by amount: Int64) { factory.add(key, amount) }
        func reset() {}
        func record(_ value: Int64) { factory.sample(key, value) }
        func record(_ value: Double) { factory.sample(key, Int64(value)) }
        func recordNanoseconds(_ duration: Int64) { factory.sample(key, duration) }
    }
}
