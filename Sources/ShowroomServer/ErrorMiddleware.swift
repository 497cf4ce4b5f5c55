import Foundation
import HTTPTypes
import Hummingbird
import Logging
import ShowroomCore
import ShowroomData

/// Turns every error into the api.md error shape: never an HTML page, never a stack trace.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let e as ShowroomError {
            if e.status >= 500 { context.logger.error("request failed", metadata: ["code": "\(e.code)"]) }
            // A refused staff key is told the scheme to use (RFC 9110 §11.6.1).
            let headers: HTTPFields = e.status == 503 ? [.retryAfter: "2"]
                : e.status == 401 && e.code == "unauthorized" ? [.wwwAuthenticate: #"Bearer realm="showroom-staff""#] : [:]
            return APIResponse.error(e, headers: headers)
        } catch let e as RateLimitError {
            return try e.response(from: request, context: context)
        } catch let e as HTTPError {
            let code: String = switch e.status.code {
            case 404: "not_found"
            case 405: "method_not_allowed"
            case 413: "body_too_large"
            case 401: "unauthorized"
            default: e.status.code >= 500 ? "internal_error" : "bad_request"
            }
            return APIResponse.error(ShowroomError(code, e.body ?? e.status.reasonPhrase, status: e.status.code), headers: e.headers)
        } catch is CancellationError {
            return APIResponse.error(ShowroomError("cancelled", "The request was cancelled.", status: 499))
        } catch where DatabaseAvailability.isConnectionFailure(error) {
            context.logger.error("database unavailable", metadata: ["error": .string(DatabaseAvailability.summary(of: error))])
            return APIResponse.error(DatabaseAvailability.unavailable, headers: [.retryAfter: "2"])
        } catch {
            context.logger.error("unexpected error", metadata: ["error": "\(String(describing: type(of: error)))"])
            return APIResponse.error(ShowroomError("internal_error", "Something went wrong on our side.", status: 500))
        }
    }
}
