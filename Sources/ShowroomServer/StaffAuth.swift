import Foundation
import HTTPTypes
import Hummingbird
import ShowroomCore
import ShowroomData

/// Authorizes staff requests: `Authorization: Bearer sk_...`, a least role, and (when the
/// request names one) a store the key may act for. Refusals are 401/403 and audited.
struct StaffAuth: Sendable {
    let db: Database

    func require(_ req: Request, role least: StaffRole, store: StoreID? = nil, action: String) async throws -> StaffKey {
        let keys = StaffKeyRepository(db: db)
        let auth = req.headers[.authorization]
        let secret = auth.flatMap { $0.hasPrefix("Bearer ") ? String($0.dropFirst(7)) : nil }
        guard let secret, let key = try await keys.authenticate(secret) else {
            // Why, for the audit: no header, not a bearer staff key, an unknown key, or a revoked one (named by its prefix).
            var revoked: String?
            if let secret { revoked = (try? await keys.revokedPrefix(secret)) ?? nil }
            let reason = auth == nil ? "missing_key" : secret?.hasPrefix("sk_") != true ? "malformed_key"
                : revoked != nil ? "revoked_key" : "unknown_key"
            try? await AuditRepository(db: db).record(actor: revoked ?? "anonymous", action: action, target: store?.rawValue,
                                                      outcome: "unauthorized", detail: JSONValue.object(["reason": .string(reason)]).jsonString())
            throw ShowroomError("unauthorized", "A valid staff key is required (Authorization: Bearer sk_...).", status: 401)
        }
        guard key.role >= least else {
            try? await AuditRepository(db: db).record(actor: key.prefix, action: action, target: store?.rawValue, outcome: "forbidden_role")
            throw ShowroomError("forbidden", "This action needs the \(least.rawValue) role; the key has \(key.role.rawValue).", status: 403)
        }
        if let store { try await allow(key, store: store, action: action) }
        return key
    }

    /// Refuses (403, audited) a key acting for a store outside its scope.
    func allow(_ key: StaffKey, store: StoreID, action: String) async throws {
        guard key.allows(store) else {
            try? await AuditRepository(db: db).record(actor: key.prefix, action: action, target: store.rawValue, outcome: "forbidden_store")
            throw ShowroomError("forbidden_store", "This key may not act for store '\(store.rawValue)'.", status: 403)
        }
    }

    /// Records a refusal decided by a handler (not by role or store), e.g. another key's conversation.
    func refuse(_ key: StaffKey, action: String, target: String?, outcome: String) async {
        try? await AuditRepository(db: db).record(actor: key.prefix, action: action, target: target, outcome: outcome)
    }

    /// Records a staff action that succeeded.
    func audit(_ key: StaffKey, action: String, target: String?, detail: JSONValue? = nil) async {
        try? await AuditRepository(db: db).record(actor: key.prefix, action: action, target: target, outcome: "ok",
                                                  detail: detail?.jsonString())
    }
}
