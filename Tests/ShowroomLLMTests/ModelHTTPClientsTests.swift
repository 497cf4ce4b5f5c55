import AsyncHTTPClient
import ShowroomLLM
import Testing

/// A profile's connection settings reach the HTTP client that calls its server.
@Suite struct ModelHTTPClientsTests {
    static func profile(connect: Double = 5, connections: Int = 16) -> BackendProfile {
        BackendProfile(name: "p", kind: .openai, baseURL: "http://gpu-1.internal:8000/v1", model: "qwen",
                       connectTimeoutSeconds: connect, maxConnections: connections)
    }

    @Test func theConnectTimeoutAndConnectionLimitAreTheProfiles() {
        let config = ModelHTTPClients.configuration(for: Self.profile(connect: 1.5, connections: 64))
        #expect(config.timeout.connect == .milliseconds(1500))
        #expect(config.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit == 64)
        #expect(config.connectionPool.retryConnectionEstablishment == false)
    }

    @Test func profilesWithTheSameSettingsShareAClientAndOthersDoNot() {
        let a = ModelHTTPClients.client(for: Self.profile())
        #expect(a === ModelHTTPClients.client(for: Self.profile()))
        #expect(a !== ModelHTTPClients.client(for: Self.profile(connections: 4)))
        #expect(a !== ModelHTTPClients.client(for: Self.profile(connect: 2)))
    }
}
