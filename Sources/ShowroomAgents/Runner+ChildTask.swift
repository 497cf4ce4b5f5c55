extension Runner {
    /// Runs `body` in a child task and returns its result (cancellation reaches it as usual).
    ///
    /// Why: a task keeps the memory its deepest call chain needed (the async frames' slabs)
    /// until the task ends, and a streamed turn's task lives while its model call waits (up to
    /// the backend's timeout). Database queries and tool runs have deep chains (postgres-nio,
    /// the pool, row decoding); run in a child task, their frames are freed when they return
    /// instead of staying with every held turn (measured: ≈ 15 KB per held turn).
    static func inChildTask<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: T.self) { group in
            group.addTask(operation: body)
            return try await group.next()!
        }
    }

    /// `inChildTask` for work that does not throw.
    static func inChildTask<T: Sendable>(_ body: @escaping @Sendable () async -> T) async -> T {
        await withTaskGroup(of: T.self) { group in
            group.addTask(operation: body)
            return await group.next()!
        }
    }
}
