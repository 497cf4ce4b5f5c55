import BenchSupport
import Foundation

/// Samples a process's resident memory every 100 ms while a load runs.
actor RSSSampler {
    let pid: Int32?
    private(set) var maxRSS = 0.0
    private var task: Task<Void, Never>?

    init(pid: Int32?) { self.pid = pid }

    func start() {
        guard let pid else { return }
        task = Task {
            while !Task.isCancelled {
                if let m = ProcessMemory.read(pid: pid) { self.record(m.rssMiB) }
                try? await Task.sleep(for: .milliseconds(100))
            }
        }
    }

    private func record(_ v: Double) { maxRSS = max(maxRSS, v) }

    /// Stops sampling; returns the largest sampled RSS and the kernel's peak (VmHWM), MiB.
    func stop() -> (sampledMax: Double, hwm: Double)? {
        task?.cancel()
        guard let pid, let m = ProcessMemory.read(pid: pid) else { return nil }
        return (max(maxRSS, m.rssMiB), m.peakMiB)
    }
}
