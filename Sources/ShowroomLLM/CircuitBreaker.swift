/// Circuit-breaker state for one backend, shared by every request to it.
///
/// Closed: calls go through; `failureThreshold` consecutive failures open it. Open: calls fail
/// fast with `ChatModelError.circuitOpen` until `coolDown` has passed. Half-open: exactly one
/// trial call goes through (others still fail fast); its success closes the circuit, its
/// failure opens it for another cool-down. Only failures that say the backend is unhealthy
/// count (`ChatModelError.indicatesUnhealthyBackend`); a 400 is an answer, a cancellation no verdict.
public actor CircuitBreaker {
    /// What the breaker currently lets through.
    public enum State: Sendable, Hashable {
        case closed
        case open
        /// Cooled down: the next call is a trial (or a trial is under way).
        case halfOpen
    }

    /// A granted call: an ordinary one, or the single trial of a half-open circuit.
    public enum Permit: Sendable { case normal, trial }

    private enum Phase {
        case closed(failures: Int)
        case open(since: ContinuousClock.Instant)
        case trialRunning
    }

    public let failureThreshold: Int
    public let coolDown: Duration
    private var phase = Phase.closed(failures: 0)

    public init(failureThreshold: Int, coolDown: Duration) {
        self.failureThreshold = max(1, failureThreshold)
        self.coolDown = coolDown
    }

    public var state: State {
        switch phase {
        case .closed: .closed
        case .open(let since): ContinuousClock.now - since >= coolDown ? .halfOpen : .open
        case .trialRunning: .halfOpen
        }
    }

    /// Asks to make a call; throws `.circuitOpen` when the circuit does not allow one now.
    public func acquire() throws -> Permit {
        switch phase {
        case .closed: return .normal
        case .open(let since) where ContinuousClock.now - since >= coolDown:
            phase = .trialRunning
            return .trial
        case .open, .trialRunning: throw ChatModelError.circuitOpen
        }
    }

    /// Records how a permitted call ended: `true` healthy, `false` unhealthy, nil no verdict
    /// (cancelled). Late results of ordinary calls do not disturb an open circuit.
    public func record(_ permit: Permit, healthy: Bool?) {
        switch (permit, phase, healthy) {
        case (.trial, _, true?): phase = .closed(failures: 0)
        case (.trial, _, false?): phase = .open(since: .now)
        case (.trial, _, nil): phase = .open(since: .now - coolDown)
        case (.normal, .closed, true?): phase = .closed(failures: 0)
        case (.normal, .closed(let failures), false?):
            phase = failures + 1 >= failureThreshold ? .open(since: .now) : .closed(failures: failures + 1)
        case (.normal, _, _): break
        }
    }

    /// The verdict an error gives about the backend's health.
    static func verdict(_ error: any Error) -> Bool? {
        let failure = ChatModelError.from(error)
        switch failure {
        case .cancelled, .circuitOpen: return nil
        default: return !failure.indicatesUnhealthyBackend
        }
    }
}
