import HTTPTypes
import Hummingbird

/// Adds CORS headers to every public-API response (errors included, so a browser can read
/// a 429) when the request's Origin is one some store allows; a stranger origin gets none.
/// Per-store enforcement happens in the chat controller.
struct CORSMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let policy: OriginPolicy

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        guard let origin = request.headers[.origin], request.uri.path.hasPrefix("/v1/chat"),
              (try? await policy.stores.anyStoreAllows(origin: origin)) == true else { return response }
        for field in policy.corsHeaders(origin: origin) { response.headers[field.name] = field.value }
        return response
    }
}
