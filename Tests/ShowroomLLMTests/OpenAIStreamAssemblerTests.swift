@testable import ShowroomLLM
import Testing

@Suite struct OpenAIStreamAssemblerTests {
    func feed(_ chunks: [String]) throws -> (OpenAIStreamAssembler, [String]) {
        var assembler = OpenAIStreamAssembler()
        var texts: [String] = []
        for chunk in chunks { texts.append(try assembler.consume(chunk)) }
        return (assembler, texts)
    }

    @Test func textDeltasAndUsageChunkAssemble() throws {
        let (a, texts) = try feed([
            #"{"choices":[{"index":0,"delta":{"role":"assistant","content":""}}]}"#,
            #"{"choices":[{"index":0,"delta":{"content":"Hel"}}]}"#,
            #"{"choices":[{"index":0,"delta":{"content":"lo"},"finish_reason":"stop"}]}"#,
            #"{"choices":[],"usage":{"prompt_tokens":11,"completion_tokens":2,"total_tokens":13}}"#,
            "[DONE]",
        ])
        #expect(texts == ["", "Hel", "lo", "", ""])
        let reply = try a.response(backend: "b")
        #expect(reply.content == "Hello")
        #expect(reply.usage == TokenUsage(promptTokens: 11, completionTokens: 2))
        #expect(reply.finishReason == "stop")
    }

    @Test func interleavedToolCallFragmentsJoinByIndex() throws {
        let (a, _) = try feed([
            #"{"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"c0","type":"function","function":{"name":"get_time","arguments":""}}]}}]}"#,
            #"{"choices":[{"index":0,"delta":{"tool_calls":[{"index":1,"id":"c1","type":"function","function":{"name":"get_weather","arguments":"{\"ci"}}]}}]}"#,
            #"{"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\"city\":\"Oslo\"}"}}]}}]}"#,
            #"{"choices":[{"index":0,"delta":{"tool_calls":[{"index":1,"function":{"arguments":"ty\":\"Lima\"}"}}]}}]}"#,
            #"{"choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}]}"#,
            "[DONE]",
        ])
        let reply = try a.response(backend: "b")
        #expect(reply.toolCalls == [ToolCall(id: "c0", name: "get_time", arguments: #"{"city":"Oslo"}"#),
                                    ToolCall(id: "c1", name: "get_weather", arguments: #"{"city":"Lima"}"#)])
    }

    @Test func fragmentsWithoutIndexFollowTheirIdAndArgumentObjectsAreSerialized() throws {
        let (a, _) = try feed([
            #"{"choices":[{"delta":{"tool_calls":[{"id":"x","function":{"name":"get_time","arguments":{"city":"Oslo"}}}]}}]}"#,
            #"{"choices":[{"delta":{"tool_calls":[{"id":"y","function":{"name":"get_weather"}}]}}]}"#,
            #"{"choices":[{"delta":{"tool_calls":[{"id":"y","function":{"arguments":"{}"}}]}}]}"#,
            "[DONE]",
        ])
        let reply = try a.response(backend: "b")
        #expect(reply.toolCalls.map(\.id) == ["x", "y"])
        #expect(reply.toolCalls[0].arguments == #"{"city":"Oslo"}"#)
        #expect(reply.toolCalls[1].arguments == "{}")
    }

    @Test func streamWithoutDoneOrFinishReasonIsTruncated() throws {
        let (a, _) = try feed([#"{"choices":[{"index":0,"delta":{"content":"Hel"}}]}"#])
        #expect(throws: ChatModelError.malformed("truncated stream")) { try a.response(backend: "b") }
    }

    @Test func finishReasonWithoutDoneIsAccepted() throws {
        let (a, _) = try feed([#"{"choices":[{"index":0,"delta":{"content":"Hi"},"finish_reason":"stop"}]}"#])
        #expect(try a.response(backend: "b").content == "Hi")
    }

    @Test func emptyStreamInvalidChunkAndServerErrorAreMalformed() throws {
        let (empty, _) = try feed([#"{"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}"#, "[DONE]"])
        #expect(throws: ChatModelError.malformed("empty reply")) { try empty.response(backend: "b") }
        var a = OpenAIStreamAssembler()
        #expect(throws: ChatModelError.self) { try a.consume(#"{"choices":[{"delta""#) }
        #expect(throws: ChatModelError.malformed("server error in stream: overloaded")) {
            try a.consume(#"{"error":{"message":"overloaded"}}"#)
        }
    }

    @Test func namelessToolCallIsMalformed() throws {
        let (a, _) = try feed([#"{"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{}"}}]},"finish_reason":"tool_calls"}]}"#])
        #expect(throws: ChatModelError.malformed("tool call 0 has no function name")) { try a.response(backend: "b") }
    }
}
