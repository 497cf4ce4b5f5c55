import Foundation
import Hummingbird
import ShowroomCore

extension ScriptedOpenAIServer {
    static func router(script: Script, latencyMs: Int) -> Router<BasicRequestContext> {
        let router = Router()
        router.post("/v1/chat/completions") { request, _ -> Response in
            let bytes = try await request.body.collect(upTo: 16 * 1024 * 1024)
            var headers: [String: String] = [:]
            for field in request.headers { headers[field.name.canonicalName] = field.value }
            let body = JSONValue.parse(String(buffer: bytes)) ?? .null
            let received = ReceivedRequest(body: body, headers: headers)
            let reply = await script.next(for: received)
            if reply.delayMs + latencyMs > 0 { try await script.pause(ms: reply.delayMs + latencyMs) }
            guard body.objectValue != nil else {
                return Response(status: .badRequest, headers: [.contentType: "application/json"],
                                body: .init(byteBuffer: ByteBuffer(string: #"{"error":{"message":"body is not JSON"}}"#)))
            }
            return respond(reply, to: received, script: script)
        }
        return router
    }

    private static func respond(_ reply: Reply, to request: ReceivedRequest, script: Script) -> Response {
        let model = request.body["model"]?.stringValue ?? "scripted"
        if case .status(let status, let text, let retryAfter) = reply.kind {
            var headers: HTTPFields = [.contentType: "application/json"]
            if let retryAfter { headers[.retryAfter] = retryAfter }
            return Response(status: .init(code: status), headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
        }
        guard request.isStream else {
            let text = reply.completionBody(model: model)
            guard reply.truncateAfterEvents != nil else {
                return Response(status: .ok, headers: [.contentType: "application/json"],
                                body: .init(byteBuffer: ByteBuffer(string: text)))
            }
            return Response(status: .ok, headers: [.contentType: "application/json"], body: ResponseBody { writer in
                try await writer.write(ByteBuffer(string: String(text.prefix(text.count / 2))))
                throw CancellationError()  // closes the connection mid-body
            })
        }
        let includeUsage = request.body["stream_options"]?["include_usage"]?.boolValue ?? false
        let events = reply.streamEvents(model: model, includeUsage: includeUsage)
        return Response(status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"],
                        body: ResponseBody { writer in
            for (index, event) in events.enumerated() {
                if let cut = reply.truncateAfterEvents, index >= cut {
                    // Let what was written reach the client before the connection drops.
                    try await Task.sleep(for: .milliseconds(300))
                    throw CancellationError()
                }
                if index > 0, reply.chunkDelayMs > 0 { try await script.pause(ms: reply.chunkDelayMs) }
                try await writer.write(ByteBuffer(string: "data: \(event)\n\n"))
            }
            try await writer.finish(nil)
        })
    }
}
