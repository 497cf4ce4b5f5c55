import Foundation
import ShowroomCore
@testable import ShowroomLLM
import Testing

@Suite struct OpenAIWireTests {
    func parse(_ json: String) throws -> ChatResponse { try OpenAIWire.completion(Array(json.utf8), backend: "b") }

    @Test func textPartsArgumentObjectsAndMissingIdsAreAccepted() throws {
        let reply = try parse(#"""
        {"choices":[{"message":{"content":[{"type":"text","text":"Hi "},{"type":"text","text":"there"}],
          "tool_calls":[{"type":"function","function":{"name":"get_time","arguments":{"city":"Oslo"}}}]},
          "finish_reason":"tool_calls"}],"usage":{"prompt_tokens":3,"completion_tokens":4}}
        """#)
        #expect(reply.content == "Hi there")
        #expect(reply.toolCalls == [ToolCall(id: "call_0", name: "get_time", arguments: #"{"city":"Oslo"}"#)])
        #expect(reply.usage == TokenUsage(promptTokens: 3, completionTokens: 4))
    }

    @Test func legacyFunctionCallIsOneToolCall() throws {
        let reply = try parse(#"{"choices":[{"message":{"content":null,"function_call":{"name":"get_time","arguments":"{}"}}}]}"#)
        #expect(reply.toolCalls.map(\.name) == ["get_time"])
    }

    @Test func toolCallsWrittenIntoTheTextStayText() throws {
        let text = #"<tool_call>{"name":"get_time","arguments":{}}</tool_call>"#
        let reply = try parse(JSONValue.object(["choices": [["message": ["content": .string(text)]]]]).jsonString())
        #expect(reply.toolCalls.isEmpty)
        #expect(reply.content == text)
    }

    @Test func unusableCompletionsAreMalformed() {
        #expect(throws: ChatModelError.malformed("no choices")) { try parse(#"{"choices":[]}"#) }
        #expect(throws: ChatModelError.malformed("empty reply")) { try parse(#"{"choices":[{"message":{"content":""}}]}"#) }
        #expect(throws: ChatModelError.malformed("server error: busy")) { try parse(#"{"error":{"message":"busy"}}"#) }
        #expect(throws: ChatModelError.self) { try parse("<html>502</html>") }
    }

    @Test func requestBodyOmitsWhatWasNotAskedFor() {
        let profile = BackendProfile(name: "p", kind: .openai, baseURL: "http://h/v1", model: "m", temperature: 0.5)
        let body = OpenAIWire.body(ChatRequest(messages: [.user("x")]), profile: profile, stream: false)
        #expect(body["temperature"] == 0.5)
        #expect(body["max_tokens"] == nil)
        #expect(body["tools"] == nil)
        #expect(body["parallel_tool_calls"] == nil)
        #expect(body["stream"] == nil)
        let streamed = OpenAIWire.body(ChatRequest(messages: [.user("x")], temperature: 0), profile: profile, stream: true)
        #expect(streamed["temperature"] == 0)
        #expect(streamed["stream"] == true)
        #expect(streamed["stream_options"] == ["include_usage": true])
    }

    @Test(arguments: [(ToolChoice.auto, JSONValue("auto")), (.none, "none"), (.required, "required")])
    func toolChoiceKeywords(_ choice: ToolChoice, _ wire: JSONValue) {
        #expect(OpenAIWire.toolChoice(choice) == wire)
    }

    @Test func retryAfterReadsSecondsAndHTTPDates() {
        #expect(HTTPFailure.retryAfterSeconds("12") == 12)
        #expect(HTTPFailure.retryAfterSeconds(" 1.5 ") == 1.5)
        #expect(HTTPFailure.retryAfterSeconds(nil) == nil)
        #expect(HTTPFailure.retryAfterSeconds("soon") == nil)
        let now = Date(timeIntervalSince1970: 1_772_366_400)  // 2026-03-01 12:00:00 UTC, a Sunday
        #expect(HTTPFailure.retryAfterSeconds("Sun, 01 Mar 2026 12:00:30 GMT", now: now) == 30)
        #expect(HTTPFailure.retryAfterSeconds("Sun, 01 Mar 2026 11:00:00 GMT", now: now) == 0)
    }
}
