import Foundation

/// Folders of the Showroom checkout this package lives in (`Benchmarks/` is one level down).
public enum RepositoryPaths {
    /// The repository root.
    public static var root: URL {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }  // BenchSupport, Sources, Benchmarks, root
        return url
    }

    public static var catalog: URL { root.appendingPathComponent("catalog") }
    public static var agents: URL { root.appendingPathComponent("agents") }

    /// `../shared/data/<name>` beside the checkout, when present.
    public static func sharedData(_ name: String) -> URL? {
        let url = root.deletingLastPathComponent().appendingPathComponent("shared/data/\(name)")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }
}
