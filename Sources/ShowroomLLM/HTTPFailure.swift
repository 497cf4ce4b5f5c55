import AsyncHTTPClient
import Foundation

/// Maps what the HTTP layer reports to `ChatModelError`.
enum HTTPFailure {
    private static let timeouts: [HTTPClientError] = [
        .connectTimeout, .deadlineExceeded, .readTimeout, .writeTimeout, .getConnectionFromPoolTimeout,
        .tlsHandshakeTimeout,
    ]

    /// A thrown error as a `ChatModelError` (already-mapped errors pass through).
    static func map(_ error: any Error) -> ChatModelError {
        if let e = error as? ChatModelError { return e }
        if error is CancellationError { return .cancelled }
        if let e = error as? HTTPClientError {
            if timeouts.contains(e) { return .timeout }
            if e == .cancelled { return .cancelled }
            return .transport(e.description)
        }
        return .transport(String(describing: error))
    }

    /// Seconds to wait from a `Retry-After` value: delta-seconds or an HTTP date (RFC 9110).
    static func retryAfterSeconds(_ value: String?, now: Date = Date()) -> Double? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if let seconds = Double(value), seconds.isFinite { return max(0, seconds) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: value) else { return nil }
        return max(0, date.timeIntervalSince(now))
    }
}
