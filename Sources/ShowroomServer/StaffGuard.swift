import Foundation
import Hummingbird
import ShowroomCore
import ShowroomData

/// What every staff handler does first: authenticate the key for the operation's least role,
/// then settle which stores the request covers. Refusals are 401/403 in the error shape and audited.
struct StaffGuard: Sendable {
    let app: AppServices

    var auth: StaffAuth { StaffAuth(db: app.db) }

    /// The request's key, refused unless it has the operation's least role, within its rate limit.
    func key(_ req: Request, _ op: OpenAPIOperation) async throws -> StaffKey {
        let key = try await auth.require(req, role: op.leastRole ?? .admin, action: op.id)
        try await limit(key)
        return key
    }

    /// Takes one request from the key's per-minute allowance (429 with Retry-After when spent).
    func limit(_ key: StaffKey) async throws {
        do { try await app.limiter.check("staff:\(key.id)", perMinute: app.config.rateLimit.staffPerKeyPerMinute) } catch let r as RateLimited {
            throw RateLimitError(retryAfter: r.retryAfter)
        }
    }

    /// The stores a list covers: the one named (in the key's scope, and existing), else the
    /// key's scope (nil = every store).
    func stores(_ key: StaffKey, named: String?, action: String) async throws -> [StoreID]? {
        guard let named else { return key.storeScope.map { Array($0).sorted { $0.rawValue < $1.rawValue } } }
        return [try await store(key, named, action: action).id]
    }

    /// A store the key may act for (403, audited) and that exists (404).
    func store(_ key: StaffKey, _ id: String, action: String) async throws -> Store {
        try await auth.allow(key, store: StoreID(id), action: action)
        return try await StoreRepository(db: app.db).require(StoreID(id))
    }

    /// A store of a resource already found (a lead, a conversation): refused unless in the key's scope.
    func allow(_ key: StaffKey, _ store: StoreID, action: String) async throws {
        try await auth.allow(key, store: store, action: action)
    }
}
