import AsyncHTTPClient
import Synchronization

/// The HTTP clients that talk to model servers: one per connection setting (connect timeout,
/// connections per host), created on first use and kept for the life of the process, like
/// `HTTPClient.shared` (never shut down, so never torn down under a request in flight).
///
/// Why not `HTTPClient.shared`: its connect timeout is fixed (10 s), and it opens at most 8
/// connections per host, so a busy store's 9th concurrent turn waited in the client's queue
/// for a free connection while a vLLM server could have batched it.
public enum ModelHTTPClients {
    struct Key: Hashable {
        var connectTimeoutMs: Int64
        var maxConnections: Int
    }

    private static let clients = Mutex<[Key: HTTPClient]>([:])

    /// The client for a profile's `connect_timeout_seconds` and `max_connections`.
    public static func client(for profile: BackendProfile) -> HTTPClient {
        let key = Key(connectTimeoutMs: Int64(profile.connectTimeoutSeconds * 1000), maxConnections: profile.maxConnections)
        return clients.withLock { clients in
            if let client = clients[key] { return client }
            let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration(for: profile))
            clients[key] = client
            return client
        }
    }

    /// The connect timeout, the per-host connection limit, and no silent reconnect loop inside
    /// the pool (a refused connection fails at once; `RetryingChatModel` decides about retries).
    public static func configuration(for profile: BackendProfile) -> HTTPClient.Configuration {
        var config = HTTPClient.Configuration()
        config.timeout.connect = .milliseconds(Int64(profile.connectTimeoutSeconds * 1000))
        config.connectionPool.retryConnectionEstablishment = false
        config.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = profile.maxConnections
        return config
    }
}
