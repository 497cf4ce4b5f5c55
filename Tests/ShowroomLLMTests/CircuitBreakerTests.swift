import ShowroomLLM
import Testing

@Suite struct CircuitBreakerTests {
    @Test func thresholdFailuresOpenTheCircuit() async throws {
        let breaker = CircuitBreaker(failureThreshold: 2, coolDown: .seconds(60))
        await breaker.record(try await breaker.acquire(), healthy: false)
        #expect(await breaker.state == .closed)
        await breaker.record(try await breaker.acquire(), healthy: false)
        #expect(await breaker.state == .open)
        await #expect(throws: ChatModelError.circuitOpen) { try await breaker.acquire() }
    }

    @Test func noVerdictNeitherCountsNorCloses() async throws {
        let breaker = CircuitBreaker(failureThreshold: 1, coolDown: .milliseconds(50))
        await breaker.record(try await breaker.acquire(), healthy: nil)
        #expect(await breaker.state == .closed)
        await breaker.record(try await breaker.acquire(), healthy: false)
        try await Task.sleep(for: .milliseconds(80))
        let trial = try await breaker.acquire()
        await breaker.record(trial, healthy: nil)  // abandoned trial: the next call may try again
        #expect(await breaker.state == .halfOpen)
        await breaker.record(try await breaker.acquire(), healthy: true)
        #expect(await breaker.state == .closed)
    }

    @Test func lateResultsOfOrdinaryCallsLeaveAnOpenCircuitOpen() async throws {
        let breaker = CircuitBreaker(failureThreshold: 1, coolDown: .seconds(60))
        let early = try await breaker.acquire()
        await breaker.record(try await breaker.acquire(), healthy: false)
        await breaker.record(early, healthy: true)
        #expect(await breaker.state == .open)
    }
}
