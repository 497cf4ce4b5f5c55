import Foundation

/// Resident memory of a process from `/proc/PID/status` (Linux), in MiB.
public enum ProcessMemory {
    /// `VmRSS` (now) and `VmHWM` (peak since the process started), or nil when unreadable.
    public static func read(pid: Int32) -> (rssMiB: Double, peakMiB: Double)? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        func kib(_ key: String) -> Double? {
            guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix(key + ":") }) else { return nil }
            return line.split(separator: " ").dropFirst().first.flatMap { Double($0) }
        }
        guard let rss = kib("VmRSS"), let hwm = kib("VmHWM") else { return nil }
        return (rss / 1024, hwm / 1024)
    }
}
