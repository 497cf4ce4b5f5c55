import Foundation
import Logging
import MCP
import ShowroomCore
import Testing
@testable import ShowroomServer

/// Plays a client that writes its messages at once and closes its end; records what the server sends.
actor PipedTransport: Transport {
    nonisolated let logger = Logger(label: "test.piped")
    let input: [String]
    private(set) var sent: [String] = []

    init(_ input: [String]) { self.input = input }

    func connect() async throws {}
    func disconnect() async {}
    func send(_ data: Data) async throws { sent.append(String(decoding: data, as: UTF8.self)) }
    func receive() -> AsyncThrowingStream<Data, any Error> {
        let lines = input
        return AsyncThrowingStream { c in
            for line in lines { c.yield(Data(line.utf8)) }
            c.finish()
        }
    }
}

@Suite struct DrainingTransportTests {
    static let piped = [
        #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}"#,
        #"{"jsonrpc":"2.0","method":"notifications/initialized"}"#,
        #"{"jsonrpc":"2.0","id":2,"method":"tools/list","params":{}}"#,
        #"{"jsonrpc":"2.0","id":"three","method":"tools/list"}"#,
    ]

    /// A server whose tools/list takes a while, as a database-backed one does.
    static func slowServer() async -> Server {
        let server = Server(name: "t", version: "1", capabilities: .init(tools: .init(listChanged: false)))
        await server.withMethodHandler(ListTools.self) { _ in
            try await Task.sleep(for: .milliseconds(200))
            return ListTools.Result(tools: [])
        }
        return server
    }

    @Test func everyRequestPipedBeforeTheEndOfInputIsAnswered() async throws {
        let client = PipedTransport(Self.piped)
        let server = await Self.slowServer()
        try await server.start(transport: DrainingTransport(client, logger: Logger(label: "test")))
        await server.waitUntilCompleted()
        let ids = await client.sent.compactMap { JSONValue.parse($0)?["id"] }
        #expect(Set(ids.map { $0.jsonString() }) == ["1", "2", "\"three\""])
    }

    @Test func messagesThatAreNotJSONRPCAreAnsweredWithoutReachingTheServer() async throws {
        let client = PipedTransport(["{nope", #"{"id":9,"method":"tools/list"}"#, #"{"jsonrpc":"2.0","id":10,"method":"tools/list"}"#])
        let server = await Self.slowServer()
        try await server.start(transport: DrainingTransport(client, logger: Logger(label: "test")))
        await server.waitUntilCompleted()
        let answers = await client.sent.compactMap { JSONValue.parse($0) }
        #expect(answers.count == 3)
        #expect(answers.contains { $0["id"] == .null && $0["error"]?["code"] == -32700 })
        #expect(answers.contains { $0["id"] == 9 && $0["error"]?["code"] == -32600 })
        #expect(answers.contains { $0["id"] == 10 && $0["result"] != nil })
    }

    @Test func withoutDrainingTheSlowAnswersAreLost() async throws {
        // The failure the wrapper exists for, so this suite notices if the SDK ever changes.
        let client = PipedTransport(Self.piped)
        let server = await Self.slowServer()
        try await server.start(transport: client)
        await server.waitUntilCompleted()
        #expect(await client.sent.count < 3)
    }

    @Test func responsesAndRequestsAreToldApartInBatchesToo() {
        let batch = Data(#"[{"jsonrpc":"2.0","id":7,"method":"tools/list"},{"jsonrpc":"2.0","method":"notifications/initialized"}]"#.utf8)
        #expect(DrainingTransport.ids(in: batch, requests: true) == ["7"])
        #expect(DrainingTransport.ids(in: batch, requests: false).isEmpty)
        #expect(DrainingTransport.ids(in: Data(#"{"jsonrpc":"2.0","id":7,"result":{}}"#.utf8), requests: false) == ["7"])
    }
}
