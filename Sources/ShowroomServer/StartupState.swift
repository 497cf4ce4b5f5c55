import Foundation
import ShowroomCore

/// Whether `showroom serve` has finished loading what it needs from the database (the catalog
/// lexicon of the turn router). The server listens before that, so `/health/live` answers even
/// while PostgreSQL is down or not migrated; `/health/ready` answers 503 with `blocker` until
/// `markReady()`.
public final class StartupState: @unchecked Sendable {
    private let lock = NSLock()
    private var problem: ShowroomError?

    /// A state that is ready (tests and callers that load everything before serving), or blocked
    /// by `blocker` until `markReady()`.
    public init(blocker: ShowroomError? = nil) { problem = blocker }

    /// Why the server is not ready yet; nil once it is.
    public var blocker: ShowroomError? { lock.withLock { problem } }

    /// Records why loading failed (the next attempt may still succeed).
    public func block(_ error: ShowroomError) { lock.withLock { problem = error } }

    public func markReady() { lock.withLock { problem = nil } }
}
