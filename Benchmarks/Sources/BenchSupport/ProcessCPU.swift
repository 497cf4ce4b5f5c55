import Foundation

/// CPU seconds (user + system) used by processes, from `/proc/PID/stat` (Linux), to see where
/// a load's cycles went: the server, Postgres, or the load generator itself.
public enum ProcessCPU {
    /// CPU seconds of one process, or nil.
    public static func seconds(pid: Int32) -> Double? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        // After the command: state(0) ppid(1) ... utime(11) stime(12), in clock ticks.
        guard fields.count > 12, let u = Double(fields[11]), let s = Double(fields[12]) else { return nil }
        return (u + s) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// CPU seconds of every process whose command name is `name` (e.g. all `postgres` backends).
    public static func seconds(named name: String) -> Double {
        let procs = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        var total = 0.0
        for p in procs {
            guard let pid = Int32(p), let comm = try? String(contentsOfFile: "/proc/\(p)/comm", encoding: .utf8),
                  comm.trimmingCharacters(in: .whitespacesAndNewlines) == name else { continue }
            total += seconds(pid: pid) ?? 0
        }
        return total
    }
}
