import Crypto
import Foundation
import ShowroomCore

/// A widget session token: `v1.<session>.<store>.<expiry>.<hmac>` signed with the server
/// secret (HMAC-SHA256). Bound to one session and one store, and expiring; it grants
/// nothing else, and any replica with the same secret can verify it.
struct SessionToken: Sendable {
    let key: SymmetricKey

    init(secret: String) { key = SymmetricKey(data: SHA256.hash(data: Data(secret.utf8))) }

    func issue(session: UUID, store: StoreID, ttl: Int, now: Date = Date()) -> String {
        let payload = "v1.\(session.uuidString.lowercased()).\(store.rawValue).\(Int(now.timeIntervalSince1970) + ttl)"
        return payload + "." + sign(payload)
    }

    /// Verifies a token for a session; throws 401 when invalid, expired, or for another session.
    func verify(_ token: String, session: UUID, now: Date = Date()) throws -> StoreID {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 5, parts[0] == "v1" else { throw Self.invalid }
        let payload = parts[0...3].joined(separator: ".")
        guard constantTimeEqual(sign(payload), parts[4]) else { throw Self.invalid }
        guard UUID(uuidString: parts[1]) == session else {
            throw ShowroomError("forbidden", "This session token belongs to another session.", status: 403)
        }
        guard let exp = Int(parts[3]), exp > Int(now.timeIntervalSince1970) else {
            throw ShowroomError("token_expired", "The session has expired; start a new one.", status: 401)
        }
        return StoreID(parts[2])
    }

    private static let invalid = ShowroomError("invalid_token", "Missing or invalid session token.", status: 401)

    private func sign(_ payload: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data(payload.utf8), using: key)
        return Data(mac).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    private func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var diff: UInt8 = 0
        for i in 0..<x.count { diff |= x[i] ^ y[i] }
        return diff == 0
    }
}
