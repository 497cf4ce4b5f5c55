import Foundation
import ShowroomCore

/// The route of a turn that is still running, as its `route` event said (read by the stream
/// when the turn is cancelled, to record the turn it was).
final class RouteNote: @unchecked Sendable {
    private let lock = NSLock()
    private var route: (Intent, String)?

    func set(intent: Intent, agent: String) { lock.withLock { route = (intent, agent) } }

    var value: (Intent, String)? { lock.withLock { route } }
}
