import Foundation
import Logging
import ShowroomAgents
import ShowroomCore
import ShowroomData

/// Everything the controllers share, wired once by `buildApplication`.
public struct AppServices: Sendable {
    public let config: ServerConfig
    public let db: Database
    public let runner: Runner
    public let registry: ToolRegistry
    public let agents: AgentCatalogStore
    public let router: any TurnRouter
    let stores: StoreCache
    let tokens: SessionToken
    let limiter: RateLimiter
    let origins: OriginPolicy
    public let logger: Logger
    /// Whether start-up loading is done; `/health/ready` answers 503 until it is.
    public let startup: StartupState
}
