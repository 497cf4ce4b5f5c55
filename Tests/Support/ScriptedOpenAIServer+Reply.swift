import ShowroomCore
import ShowroomLLM

/// One scripted answer of `ScriptedOpenAIServer`.
public typealias ScriptedReply = ScriptedOpenAIServer.Reply

extension ScriptedOpenAIServer {
    /// One answer: a chat message (text and/or tool calls), an HTTP error, or invalid JSON,
    /// with optional faults (delay, truncation) and pacing. Streamed or not follows the
    /// request's `stream` flag.
    public struct Reply: Sendable {
        public enum Kind: Sendable {
            /// A completion; `content: nil, toolCalls: []` is the empty reply fault.
            case message(content: String?, toolCalls: [ToolCall])
            /// A non-2xx answer with a body and an optional `Retry-After` header value.
            case status(Int, body: String, retryAfter: String?)
            /// HTTP 200 whose body (or, streaming, one event) is not JSON.
            case invalidJSON
        }

        public var kind: Kind
        /// Milliseconds before the response head is sent.
        public var delayMs = 0
        /// Usage sent with the reply (streamed only when the request asked with `stream_options`).
        public var usage: TokenUsage?
        /// Streamed: the connection is closed after this many SSE events, without `[DONE]`.
        /// Not streamed: it is closed after half the body.
        public var truncateAfterEvents: Int?
        /// Characters of text (and of tool arguments) per streamed event.
        public var chunkCharacters = 4
        /// Milliseconds between streamed events.
        public var chunkDelayMs = 0

        public init(_ kind: Kind) { self.kind = kind }

        public static func text(_ text: String) -> Reply { .init(.message(content: text, toolCalls: [])) }

        public static func toolCalls(_ calls: [ToolCall], content: String? = nil) -> Reply {
            .init(.message(content: content, toolCalls: calls))
        }

        public static func toolCall(_ name: String, arguments: String, id: String = "call_1") -> Reply {
            .toolCalls([ToolCall(id: id, name: name, arguments: arguments)])
        }

        /// Neither text nor tool calls.
        public static var empty: Reply { .init(.message(content: nil, toolCalls: [])) }

        public static func serverError(_ status: Int = 500, body: String = #"{"error":{"message":"scripted failure"}}"#) -> Reply {
            .init(.status(status, body: body, retryAfter: nil))
        }

        /// 429 with `Retry-After` (seconds or an HTTP date).
        public static func tooManyRequests(retryAfter: String) -> Reply {
            .init(.status(429, body: #"{"error":{"message":"rate limited"}}"#, retryAfter: retryAfter))
        }

        public static var invalidJSON: Reply { .init(.invalidJSON) }

        /// A call whose arguments are not JSON.
        public static func malformedToolArguments(_ name: String) -> Reply {
            .toolCall(name, arguments: #"{"budget": 30000, "body_type": "#)
        }

        /// A call to a tool nobody offered.
        public static func unknownTool(_ name: String = "launch_rocket") -> Reply { .toolCall(name, arguments: "{}") }

        public func delayed(ms: Int) -> Reply { var r = self; r.delayMs = ms; return r }
        public func usage(prompt: Int, completion: Int) -> Reply {
            var r = self; r.usage = TokenUsage(promptTokens: prompt, completionTokens: completion); return r
        }
        public func truncated(afterEvents: Int) -> Reply { var r = self; r.truncateAfterEvents = afterEvents; return r }
        public func chunked(characters: Int, delayMs: Int = 0) -> Reply {
            var r = self; r.chunkCharacters = max(1, characters); r.chunkDelayMs = delayMs; return r
        }
    }

    /// A request the server received: its JSON body (`.null` when it was not JSON) and headers.
    public struct ReceivedRequest: Sendable {
        public var body: JSONValue
        public var headers: [String: String]

        public var isStream: Bool { body["stream"]?.boolValue ?? false }
        public var messages: [JSONValue] { body["messages"]?.arrayValue ?? [] }
        /// Names of the offered tools, in order.
        public var toolNames: [String] { (body["tools"]?.arrayValue ?? []).compactMap { $0["function"]?["name"]?.stringValue } }
    }
}
