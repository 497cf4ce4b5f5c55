import Foundation

/// Serializes turns on one conversation within this process: a turn waits for the one
/// before it. (Across replicas, message order is kept by the database row lock taken when
/// a turn is persisted.)
public actor ConversationLocks {
    private var waiters: [UUID: [CheckedContinuation<Void, Never>]] = [:]
    private var busy: Set<UUID> = []

    public init() {}

    public func acquire(_ id: UUID) async {
        if !busy.contains(id) {
            busy.insert(id)
            return
        }
        await withCheckedContinuation { waiters[id, default: []].append($0) }
    }

    public func release(_ id: UUID) {
        if var queue = waiters[id], !queue.isEmpty {
            let next = queue.removeFirst()
            waiters[id] = queue.isEmpty ? nil : queue
            next.resume()
        } else {
            busy.remove(id)
            waiters[id] = nil
        }
    }

    /// Runs `body` holding the conversation's lock.
    public func with<T: Sendable>(_ id: UUID, _ body: @Sendable () async throws -> T) async throws -> T {
        await acquire(id)
        do {
            let r = try await body()
            release(id)
            return r
        } catch {
            release(id)
            throw error
        }
    }
}
