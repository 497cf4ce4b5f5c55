import Foundation
import ShowroomCore

/// The reverse proxies and load balancers in front of the server (CIDR blocks), so that rate
/// limits key on the customer's address rather than the proxy's.
///
/// A request whose peer is trusted is attributed to the right-most `X-Forwarded-For` address
/// that is not itself a trusted proxy (addresses further left are whatever the client sent and
/// cannot be believed). An untrusted peer is the client, whatever its headers say. Empty by
/// default: without configuration `X-Forwarded-For` is ignored.
public struct TrustedProxies: Sendable, Hashable {
    /// One CIDR block: the network's address bytes (4 for IPv4, 16 for IPv6) and prefix length in bits.
    struct Block: Sendable, Hashable {
        var network: [UInt8]
        var prefix: Int

        func contains(_ address: [UInt8]) -> Bool {
            guard address.count == network.count else { return false }
            var bits = prefix
            for i in 0..<network.count where bits > 0 {
                let mask: UInt8 = bits >= 8 ? 0xFF : ~(0xFF >> UInt8(bits))
                if address[i] & mask != network[i] & mask { return false }
                bits -= 8
            }
            return true
        }
    }

    var blocks: [Block] = []

    public init() {}

    /// Parses "10.0.0.0/8, 192.168.1.10, fd00::/8" (a bare address is a single host);
    /// throws `invalid_config` naming the first block that is not an address or CIDR.
    public init(parsing list: [String]) throws {
        for raw in list {
            let text = raw.trimmingCharacters(in: .whitespaces)
            if text.isEmpty { continue }
            let parts = text.split(separator: "/", maxSplits: 1).map(String.init)
            guard let address = Self.bytes(parts[0]) else { throw Self.invalid(text) }
            let max = address.count * 8
            let prefix = parts.count == 2 ? Int(parts[1]) : max
            guard let prefix, (0...max).contains(prefix) else { throw Self.invalid(text) }
            blocks.append(Block(network: address, prefix: prefix))
        }
    }

    public var isEmpty: Bool { blocks.isEmpty }

    /// Whether `address` (textual IPv4 or IPv6) lies in a trusted block.
    public func trusts(_ address: String) -> Bool {
        guard let b = Self.bytes(address) else { return false }
        return blocks.contains { $0.contains(b) }
    }

    /// The client address of a request from `peer` carrying `forwardedFor` (the X-Forwarded-For value, if any).
    public func clientIP(peer: String, forwardedFor: String?) -> String {
        guard trusts(peer), let header = forwardedFor else { return peer }
        let hops = header.split(separator: ",").map { Self.stripPort(String($0).trimmingCharacters(in: .whitespaces)) }
        for hop in hops.reversed() where !trusts(hop) {
            return Self.bytes(hop) == nil ? peer : hop  // garbage in the header: keep the proxy's own address
        }
        return hops.first.flatMap { Self.bytes($0) == nil ? nil : $0 } ?? peer
    }

    /// "203.0.113.7:5123" → "203.0.113.7", "[2001:db8::1]:443" → "2001:db8::1"; anything else as is.
    static func stripPort(_ s: String) -> String {
        if s.hasPrefix("["), let end = s.firstIndex(of: "]") { return String(s[s.index(after: s.startIndex)..<end]) }
        if s.filter({ $0 == ":" }).count == 1, let colon = s.firstIndex(of: ":") { return String(s[..<colon]) }
        return s
    }

    /// The address's bytes; an IPv4-mapped IPv6 address (::ffff:a.b.c.d) counts as its IPv4 address.
    static func bytes(_ text: String) -> [UInt8]? {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 { return withUnsafeBytes(of: &v4) { Array($0) } }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, text, &v6) == 1 else { return nil }
        let b = withUnsafeBytes(of: &v6) { Array($0) }
        if b[0..<10].allSatisfy({ $0 == 0 }) && b[10] == 0xFF && b[11] == 0xFF { return Array(b[12...]) }
        return b
    }

    static func invalid(_ text: String) -> ShowroomError {
        ShowroomError("invalid_config", "trusted_proxies: '\(text)' is not an IP address or CIDR block (e.g. 10.0.0.0/8).")
    }
}
