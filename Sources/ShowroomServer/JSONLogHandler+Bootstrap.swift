import Foundation
import Logging
import ShowroomCore

extension JSONLogHandler {
    private static let bootstrapLock = NSLock()
    nonisolated(unsafe) private static var bootstrapped = false

    /// Installs the masked handler as swift-log's backend for this process, in the configured
    /// format (`json` or `text`) and level. swift-log allows one bootstrap per process, so a
    /// second call is ignored and returns false.
    ///
    /// - Throws: `invalid_config` for an unknown format or level (before anything is installed).
    @discardableResult
    public static func bootstrap(format: String, level: String) throws -> Bool {
        guard let f = Format(rawValue: format.lowercased()) else {
            throw ShowroomError("invalid_config", "log_format must be json or text, not '\(format)'.")
        }
        guard let l = Logger.Level(rawValue: level.lowercased()) else {
            throw ShowroomError("invalid_config",
                                "log_level must be trace, debug, info, notice, warning, error or critical, not '\(level)'.")
        }
        bootstrapLock.lock()
        defer { bootstrapLock.unlock() }
        guard !bootstrapped else { return false }
        bootstrapped = true
        LoggingSystem.bootstrap { label in JSONLogHandler(label: label, format: f, level: l) }
        return true
    }

    /// `bootstrap(format:level:)` with the configuration's `log_format` and `log_level`.
    @discardableResult
    public static func bootstrap(_ config: ServerConfig) throws -> Bool {
        try bootstrap(format: config.logFormat, level: config.logLevel)
    }
}
