import ShowroomCore
import Testing
@testable import ShowroomServer

@Suite struct TrustedProxiesTests {
    @Test func aTrustedProxysForwardedClientIsTheRightMostUntrustedHop() throws {
        let proxies = try TrustedProxies(parsing: ["10.0.0.0/8", " 192.168.1.10 ", "fd00::/8"])
        // The client may send its own X-Forwarded-For: only the hops the proxies appended count.
        #expect(proxies.clientIP(peer: "10.1.2.3", forwardedFor: "1.1.1.1, 203.0.113.7, 10.9.9.9") == "203.0.113.7")
        #expect(proxies.clientIP(peer: "192.168.1.10", forwardedFor: "198.51.100.4:5123") == "198.51.100.4")
        #expect(proxies.clientIP(peer: "fd00::1", forwardedFor: "[2001:db8::5]:443") == "2001:db8::5")
        #expect(proxies.clientIP(peer: "::ffff:10.0.0.1", forwardedFor: "203.0.113.9") == "203.0.113.9")
        #expect(proxies.clientIP(peer: "10.0.0.1", forwardedFor: "10.0.0.2, 10.0.0.3") == "10.0.0.2")
    }

    @Test func anUntrustedPeerIsTheClientWhateverItsHeadersSay() throws {
        let proxies = try TrustedProxies(parsing: ["10.0.0.0/8"])
        #expect(proxies.clientIP(peer: "203.0.113.7", forwardedFor: "10.0.0.1") == "203.0.113.7")
        #expect(proxies.clientIP(peer: "11.0.0.1", forwardedFor: "1.2.3.4") == "11.0.0.1")
        #expect(TrustedProxies().clientIP(peer: "127.0.0.1", forwardedFor: "1.2.3.4") == "127.0.0.1")
        #expect(proxies.clientIP(peer: "10.0.0.1", forwardedFor: "not-an-ip") == "10.0.0.1")
        #expect(proxies.clientIP(peer: "10.0.0.1", forwardedFor: nil) == "10.0.0.1")
    }

    @Test func prefixesMatchBitByBit() throws {
        let proxies = try TrustedProxies(parsing: ["172.16.0.0/12"])
        #expect(proxies.trusts("172.31.255.255") && proxies.trusts("172.16.0.1"))
        #expect(!proxies.trusts("172.32.0.1") && !proxies.trusts("172.15.255.255"))
    }

    @Test func badBlocksAreConfigErrors() {
        for bad in ["10.0.0.0/33", "10.0.0/8", "example.com", "::1/129"] {
            #expect(throws: ShowroomError.self, "\(bad)") { try TrustedProxies(parsing: [bad]) }
        }
        #expect(throws: ShowroomError.self) {
            var config = ServerConfig()
            try config.apply(environment: ["SHOWROOM_TRUSTED_PROXIES": "10.0.0.0/8,nope"])
        }
    }

    @Test func theEnvironmentConfiguresThem() throws {
        var config = ServerConfig()
        try config.apply(environment: ["SHOWROOM_TRUSTED_PROXIES": "10.0.0.0/8, 127.0.0.1"])
        #expect(config.trustedProxies.trusts("127.0.0.1") && config.trustedProxies.trusts("10.200.0.1"))
        #expect(!config.trustedProxies.trusts("192.168.0.1"))
    }
}
