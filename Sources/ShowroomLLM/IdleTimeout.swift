/// Runs an operation that must keep making progress: it fails with `ChatModelError.timeout`
/// when `seconds` pass without a call to `ProgressMark.touch()` (or, if it never touches,
/// when `seconds` pass in total), and the operation's task is cancelled.
///
/// A non-streamed request never touches, so the limit is its total time; a stream touches on
/// every chunk, so the limit is the longest silence. The HTTP client's own deadline only
/// covers the response head, which is why this exists.
enum IdleTimeout {
    /// The last time the operation made progress.
    actor ProgressMark {
        private(set) var last = ContinuousClock.now
        func touch() { last = .now }
    }

    private enum Outcome<T: Sendable>: Sendable {
        case value(T)
        case timedOut
    }

    static func run<T: Sendable>(seconds: Double, _ operation: @escaping @Sendable (ProgressMark) async throws -> T)
        async throws -> T
    {
        let mark = ProgressMark()
        let limit = Duration.milliseconds(Int64(seconds * 1000))
        let outcome = try await withThrowingTaskGroup(of: Outcome<T>.self) { group in
            group.addTask { .value(try await operation(mark)) }
            group.addTask {
                while true {
                    let deadline = await mark.last + limit
                    if ContinuousClock.now >= deadline { return .timedOut }
                    try await Task.sleep(until: deadline, clock: .continuous)
                }
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { throw ChatModelError.cancelled }
            return first
        }
        switch outcome {
        case .value(let value): return value
        case .timedOut: throw ChatModelError.timeout
        }
    }
}
