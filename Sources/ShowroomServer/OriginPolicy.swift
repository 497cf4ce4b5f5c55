import Foundation
import HTTPTypes
import Hummingbird
import ShowroomCore
import ShowroomData

/// CORS for the public API: only origins a store allows get Access-Control-Allow-Origin.
///
/// Preflights carry no key, so they are answered for origins some store allows; the real
/// request is then checked against that store's own list.
struct OriginPolicy: Sendable {
    let stores: StoreCache

    static let allowHeaders = "Content-Type, X-Showroom-Key, Authorization, Accept, Last-Event-ID"
    static let allowMethods = "GET, POST, OPTIONS"

    func corsHeaders(origin: String) -> HTTPFields {
        [.accessControlAllowOrigin: origin, .vary: "Origin", .accessControlAllowCredentials: "false",
         .accessControlExposeHeaders: "Retry-After"]
    }

    /// Answer to an OPTIONS preflight.
    func preflight(_ request: Request) async throws -> Response {
        guard let origin = request.headers[.origin], try await stores.anyStoreAllows(origin: origin) else {
            return Response(status: .noContent, headers: [.vary: "Origin"])
        }
        var h = corsHeaders(origin: origin)
        h[.accessControlAllowMethods] = Self.allowMethods
        h[.accessControlAllowHeaders] = Self.allowHeaders
        h[.accessControlMaxAge] = "600"
        return Response(status: .noContent, headers: h)
    }

    /// Refuses a browser request from an origin the store does not allow.
    func check(origin: String?, store: Store) throws {
        guard let origin else { return }  // not a browser (server-to-server, tests, curl)
        guard store.allowedOrigins.contains(origin) else {
            throw ShowroomError("origin_not_allowed", "This site is not allowed to use the store's chat.", status: 403)
        }
    }
}

/// Stores by id and by publishable key, cached briefly (they change on catalog import).
actor StoreCache {
    private let repo: StoreRepository
    private var byID: [StoreID: Store] = [:]
    private var loaded = Date.distantPast
    private let ttl: TimeInterval

    init(repo: StoreRepository, ttl: TimeInterval = 30) {
        self.repo = repo
        self.ttl = ttl
    }

    private func refreshIfStale() async throws {
        guard Date().timeIntervalSince(loaded) > ttl else { return }
        let all = try await repo.all()
        byID = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })
        loaded = Date()
    }

    func store(_ id: StoreID) async throws -> Store? {
        try await refreshIfStale()
        if let s = byID[id] { return s }
        return nil
    }

    func store(publishableKey: String) async throws -> Store? {
        try await refreshIfStale()
        return byID.values.first { $0.publishableKey == publishableKey }
    }

    func anyStoreAllows(origin: String) async throws -> Bool {
        try await refreshIfStale()
        return byID.values.contains { $0.allowedOrigins.contains(origin) }
    }

    func invalidate() { loaded = .distantPast }
}
