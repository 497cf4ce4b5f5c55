import Hummingbird
import NIOCore

/// The request context: Hummingbird's core storage plus the peer address (for rate limits).
public struct AppRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.remoteAddress = source.channel.remoteAddress
    }

    /// Request bodies above this are refused with 413.
    public var maxUploadSize: Int { 8 * 1024 * 1024 }

    /// The client IP as text (no port).
    public var clientIP: String { remoteAddress?.ipAddress ?? "unknown" }
}
