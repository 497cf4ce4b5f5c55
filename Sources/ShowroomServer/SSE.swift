import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import ShowroomAgents
import ShowroomCore

/// Server-Sent Events for a turn: `route`, `tool`, `delta`, `card`, `done`, with a comment
/// heartbeat every 5 s. When the client goes away, the next write fails and the turn's task is
/// cancelled; what the turn already persisted stays (the customer's message is stored when the
/// turn starts, and a cancelled turn still gets its row).
///
/// Why a write and not the close itself: Hummingbird 2 accepts connections with remote
/// half-closure allowed and gives a handler no notice of the peer's FIN while it writes a
/// response, so the close is seen only when writing fails (the first write after the FIN
/// usually still succeeds). The heartbeat therefore bounds how long a closed stream's turn
/// runs on: about two heartbeats, 5-10 s.
enum SSE {
    static func response(events: AsyncThrowingStream<TurnEvent, any Error>, heartbeat: Duration = .seconds(5), logger: Logger) -> Response {
        let body = ResponseBody { writer in
            let (merged, input) = AsyncStream<ByteBuffer?>.makeStream()
            let producer = Task {
                do {
                    for try await event in events {
                        input.yield(ByteBuffer(string: "event: \(event.name)\ndata: \(event.data.jsonString())\n\n"))
                    }
                } catch let e as ShowroomError {
                    input.yield(ByteBuffer(string: "event: error\ndata: \(e.json.jsonString())\n\n"))
                } catch {
                    let e = ShowroomError("turn_failed", "The assistant could not answer; please try again.", status: 503)
                    input.yield(ByteBuffer(string: "event: error\ndata: \(e.json.jsonString())\n\n"))
                }
                input.yield(nil)
            }
            let beat = Task {
                while !Task.isCancelled {
                    try? await Task.sleep(for: heartbeat)
                    if Task.isCancelled { break }
                    input.yield(ByteBuffer(string: ": heartbeat\n\n"))
                }
            }
            defer {
                beat.cancel()
                producer.cancel()
            }
            do {
                for await chunk in merged {
                    guard let chunk else { break }
                    try await writer.write(chunk)
                }
            } catch {
                logger.info("SSE client disconnected; turn cancelled")
                throw error
            }
            input.finish()
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-cache",
                                                HTTPField.Name("X-Accel-Buffering")!: "no"], body: body)
    }
}
