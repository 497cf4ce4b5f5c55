import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import ShowroomAgents
import ShowroomCore
import Testing
@testable import ShowroomServer

@Suite struct SSETests {
    @Test func aSlowTurnKeepsTheStreamAliveWithHeartbeatComments() async throws {
        let router = Router()
        router.post("turn") { _, _ in
            let events = AsyncThrowingStream<TurnEvent, any Error> { c in
                Task {
                    try? await Task.sleep(for: .milliseconds(400))
                    c.yield(.route(intent: .greeting, agent: "concierge"))
                    c.finish()
                }
            }
            return SSE.response(events: events, heartbeat: .milliseconds(100), logger: Logger(label: "test"))
        }
        try await Application(router: router).test(.router) { client in
            let r = try await client.execute(uri: "/turn", method: .post)
            let body = String(buffer: r.body)
            let beats = body.components(separatedBy: ": heartbeat\n\n").count - 1
            #expect(beats >= 2, "\(body)")
            let firstBeat = try #require(body.range(of: ": heartbeat"))
            let route = try #require(body.range(of: "event: route"))
            #expect(firstBeat.lowerBound < route.lowerBound, "heartbeats come while the turn has nothing to say")
            #expect(r.headers[.contentType]?.hasPrefix("text/event-stream") == true)
        }
    }
}
