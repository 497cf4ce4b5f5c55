import Foundation
import Logging

/// A swift-log handler that writes one line per event to stderr, with personal data masked.
///
/// In `json` format each line is one JSON object: `ts` (UTC, ISO 8601 with milliseconds),
/// `level`, `label`, `message` and `metadata` (an object; omitted when empty), plus `error`
/// when the event carries one. In `text` format the same fields are written for a human:
/// `ts level label: message key=value ...`. Message, metadata and error text pass through
/// `PIIMasker` in both formats, so a phone number or e-mail never reaches the log verbatim
/// and customer free text under `text`-like keys is dropped.
public struct JSONLogHandler: LogHandler {
    /// The line format (`log_format` in the configuration, `SHOWROOM_LOG_FORMAT`).
    public enum Format: String, Sendable {
        case json, text
    }

    public let label: String
    public let format: Format
    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    let sink: @Sendable (String) -> Void

    /// - Parameter sink: receives each finished line without its newline; stderr by default.
    public init(label: String, format: Format = .json, level: Logger.Level = .info,
                metadataProvider: Logger.MetadataProvider? = nil,
                sink: @escaping @Sendable (String) -> Void = StandardErrorSink.write) {
        self.label = label
        self.format = format
        self.logLevel = level
        self.metadataProvider = metadataProvider
        self.sink = sink
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var all = metadata
        if let provided = metadataProvider?.get() { all.merge(provided) { _, new in new } }
        if let m = event.metadata { all.merge(m) { _, new in new } }
        sink(render(level: event.level, message: event.message.description, metadata: all, error: event.error,
                    date: Date()))
    }

    /// One finished line (no newline) for the event; masking happens here.
    func render(level: Logger.Level, message: String, metadata: Logger.Metadata, error: (any Error)?, date: Date) -> String {
        let masked = PIIMasker.mask(metadata)
        let text = PIIMasker.mask(message)
        let errorText = error.map { PIIMasker.mask(String(describing: $0)) }
        switch format {
        case .json:
            var line = "{\"ts\":\"\(Self.timestamp(date))\",\"level\":\"\(level.rawValue)\",\"label\":"
            Self.appendJSON(string: label, to: &line)
            line += ",\"message\":"
            Self.appendJSON(string: text, to: &line)
            if !masked.isEmpty {
                line += ",\"metadata\":"
                Self.appendJSON(.dictionary(masked), to: &line)
            }
            if let errorText {
                line += ",\"error\":"
                Self.appendJSON(string: errorText, to: &line)
            }
            return line + "}"
        case .text:
            var line = "\(Self.timestamp(date)) \(level.rawValue) \(label): \(text)"
            for key in masked.keys.sorted() { line += " \(key)=\(masked[key]!)" }
            if let errorText { line += " error=\(errorText)" }
            return line
        }
    }

    // MARK: JSON writing (hand-rolled: one log line must not cost a JSONEncoder)

    static func appendJSON(_ value: Logger.MetadataValue, to out: inout String) {
        switch value {
        case .string(let s): appendJSON(string: s, to: &out)
        case .stringConvertible(let c): appendJSON(string: c.description, to: &out)
        case .array(let a):
            out += "["
            for (i, v) in a.enumerated() {
                if i > 0 { out += "," }
                appendJSON(v, to: &out)
            }
            out += "]"
        case .dictionary(let d):
            out += "{"
            for (i, key) in d.keys.sorted().enumerated() {
                if i > 0 { out += "," }
                appendJSON(string: key, to: &out)
                out += ":"
                appendJSON(d[key]!, to: &out)
            }
            out += "}"
        }
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped.
    static func appendJSON(string s: String, to out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let c where c.value < 0x20 || c.value == 0x2028 || c.value == 0x2029:
                out += "\\u" + String(repeating: "0", count: 4 - String(c.value, radix: 16).count) + String(c.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }

    /// `2025-01-31T09:05:07.042Z` (UTC, milliseconds truncated).
    static func timestamp(_ date: Date) -> String {
        let t = date.timeIntervalSince1970
        var seconds = time_t(t.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        let ms = min(999, Int((t - t.rounded(.down)) * 1000))
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1,
                      Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec), ms)
    }
}

/// Writes whole lines to stderr, one `write` per line under a lock so lines never interleave.
public enum StandardErrorSink {
    static let lock = NSLock()

    @Sendable public static func write(_ line: String) {
        let data = Data((line + "\n").utf8)
        lock.lock()
        defer { lock.unlock() }
        FileHandle.standardError.write(data)
    }
}
