import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// Gives every request an id for correlating log lines: the caller's `X-Request-Id` when it is
/// a sane token (1–128 characters of letters, digits, `.`, `_`, `:`, `-`), otherwise a new UUID.
/// The id goes into the request logger's metadata as `request_id`, is echoed in the response's
/// `X-Request-Id` header, and one access line (method, path, status, duration in ms) is logged
/// per request when the handler returns (for streams: when the headers go out); health
/// probes and metric scrapes at debug level.
struct RequestIDMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let header = HTTPField.Name("X-Request-Id")!

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let id = Self.accepted(request.headers[Self.header]) ?? UUID().uuidString.lowercased()
        var context = context
        context.logger[metadataKey: "request_id"] = .string(id)
        let started = ContinuousClock.now
        var response = try await next(request, context)
        response.headers[Self.header] = id
        let ms = (ContinuousClock.now - started) / .milliseconds(1)
        // Probes and scrapes come every few seconds: below info so they do not drown the log.
        let quiet = request.uri.path.hasPrefix("/health/") || request.uri.path == "/metrics"
        context.logger.log(level: quiet ? .debug : .info, "request", metadata: [
            "method": .string(request.method.rawValue), "path": .string(request.uri.path),
            "status": .stringConvertible(response.status.code), "duration_ms": .stringConvertible((ms * 10).rounded() / 10),
        ])
        return response
    }

    /// The caller's id when it is safe to log and echo; nil otherwise.
    static func accepted(_ value: String?) -> String? {
        guard let value, (1...128).contains(value.utf8.count) else { return nil }
        let ok = value.unicodeScalars.allSatisfy { s in
            s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s) || ".-_:".unicodeScalars.contains(s))
        }
        return ok ? value : nil
    }
}
