import Foundation
import ShowroomCore

/// A named LLM backend as configured (`backends:` in `showroom.yaml`); each agent names the profile it uses.
///
/// `kind: embedded` is the offline, deterministic backend and needs nothing else.
/// `kind: openai` is any OpenAI-compatible `/chat/completions` server; `base_url` ends at the
/// API root (the client appends `/chat/completions`). Examples:
///
/// ```yaml
/// backends:
///   vllm:      { kind: openai, base_url: "http://gpu-box:8000/v1",  model: "Qwen/Qwen2.5-7B-Instruct" }
///   ollama:    { kind: openai, base_url: "http://gpu-box:11434/v1", model: "qwen2.5:7b", parallel_tool_calls: false }
///   llamacpp:  { kind: openai, base_url: "http://gpu-box:8080/v1",  model: "local", supports_tools: true }
///   qwen:      { kind: openai, base_url: "https://dashscope.aliyuncs.com/compatible-mode/v1", model: "qwen-plus",
///                api_key_env: DASHSCOPE_API_KEY, timeout_seconds: 30 }
///   deepseek:  { kind: openai, base_url: "https://api.deepseek.com/v1", model: "deepseek-chat",
///                api_key_env: DEEPSEEK_API_KEY, temperature: 0.3 }
///   embedded:  { kind: embedded }
/// ```
///
/// Keys are snake_case as above. Prefer `api_key_env` (the name of an environment variable,
/// read once at start-up) over an inline `api_key`.
public struct BackendProfile: Sendable, Hashable, Codable {
    /// Which client serves the profile.
    public enum Kind: String, Sendable, Hashable, Codable {
        case openai, embedded
    }

    /// The profile's name (its key under `backends:`); also the `backend` metrics label.
    public var name: String
    public var kind: Kind
    /// API root such as `http://host:8000/v1` (openai only).
    public var baseURL: String?
    /// Model id the server expects, e.g. `qwen-plus` (openai only).
    public var model: String?
    /// Bearer token sent as `Authorization: Bearer ...`, when given inline.
    public var apiKey: String?
    /// Name of the environment variable holding the bearer token.
    public var apiKeyEnv: String?
    /// Seconds a non-streamed reply may take, and the longest silence a stream may have.
    public var timeoutSeconds: Double
    /// Seconds to establish a TCP (and TLS) connection (`ModelHTTPClients` applies it).
    public var connectTimeoutSeconds: Double
    /// Connections this process opens to the model server at most (default 16); more
    /// concurrent calls wait for a free one, within `timeout_seconds`.
    public var maxConnections: Int
    /// Extra attempts after a retryable failure (429, 5xx, timeout, transport).
    public var maxRetries: Int
    /// Default sampling temperature when a request gives none; nil leaves it to the server.
    public var temperature: Double?
    /// Extra request headers, e.g. an organisation or routing header.
    public var headers: [String: String]
    /// Whether the server understands `tools`; when false, requests are sent without tools.
    public var supportsTools: Bool
    /// Sent as `parallel_tool_calls` when tools are offered; nil leaves it to the server.
    public var parallelToolCalls: Bool?
    /// Consecutive failures that open the circuit breaker.
    public var circuitFailureThreshold: Int
    /// Seconds the circuit stays open before one trial request is let through.
    public var circuitCooldownSeconds: Double
    /// Longest `Retry-After` (seconds) worth waiting for; a longer one fails at once so a fallback can answer.
    public var retryAfterCapSeconds: Double

    enum CodingKeys: String, CodingKey {
        case name, kind, model, temperature, headers
        case baseURL = "base_url"
        case apiKey = "api_key"
        case apiKeyEnv = "api_key_env"
        case timeoutSeconds = "timeout_seconds"
        case connectTimeoutSeconds = "connect_timeout_seconds"
        case maxConnections = "max_connections"
        case maxRetries = "max_retries"
        case supportsTools = "supports_tools"
        case parallelToolCalls = "parallel_tool_calls"
        case circuitFailureThreshold = "circuit_failure_threshold"
        case circuitCooldownSeconds = "circuit_cooldown_seconds"
        case retryAfterCapSeconds = "retry_after_cap_seconds"
    }

    public init(name: String, kind: Kind, baseURL: String? = nil, model: String? = nil, apiKey: String? = nil,
                apiKeyEnv: String? = nil, timeoutSeconds: Double = 60, connectTimeoutSeconds: Double = 5,
                maxConnections: Int = 16, maxRetries: Int = 2, temperature: Double? = nil, headers: [String: String] = [:],
                supportsTools: Bool = true, parallelToolCalls: Bool? = nil, circuitFailureThreshold: Int = 5,
                circuitCooldownSeconds: Double = 30, retryAfterCapSeconds: Double = 10) {
        self.name = name
        self.kind = kind
        self.baseURL = baseURL
        self.model = model
        self.apiKey = apiKey
        self.apiKeyEnv = apiKeyEnv
        self.timeoutSeconds = timeoutSeconds
        self.connectTimeoutSeconds = connectTimeoutSeconds
        self.maxConnections = maxConnections
        self.maxRetries = maxRetries
        self.temperature = temperature
        self.headers = headers
        self.supportsTools = supportsTools
        self.parallelToolCalls = parallelToolCalls
        self.circuitFailureThreshold = circuitFailureThreshold
        self.circuitCooldownSeconds = circuitCooldownSeconds
        self.retryAfterCapSeconds = retryAfterCapSeconds
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = BackendProfile(name: "", kind: .embedded)
        self.init(
            name: try c.decodeIfPresent(String.self, forKey: .name) ?? "",
            kind: try c.decode(Kind.self, forKey: .kind),
            baseURL: try c.decodeIfPresent(String.self, forKey: .baseURL),
            model: try c.decodeIfPresent(String.self, forKey: .model),
            apiKey: try c.decodeIfPresent(String.self, forKey: .apiKey),
            apiKeyEnv: try c.decodeIfPresent(String.self, forKey: .apiKeyEnv),
            timeoutSeconds: try c.decodeIfPresent(Double.self, forKey: .timeoutSeconds) ?? d.timeoutSeconds,
            connectTimeoutSeconds: try c.decodeIfPresent(Double.self, forKey: .connectTimeoutSeconds) ?? d.connectTimeoutSeconds,
            maxConnections: try c.decodeIfPresent(Int.self, forKey: .maxConnections) ?? d.maxConnections,
            maxRetries: try c.decodeIfPresent(Int.self, forKey: .maxRetries) ?? d.maxRetries,
            temperature: try c.decodeIfPresent(Double.self, forKey: .temperature),
            headers: try c.decodeIfPresent([String: String].self, forKey: .headers) ?? [:],
            supportsTools: try c.decodeIfPresent(Bool.self, forKey: .supportsTools) ?? d.supportsTools,
            parallelToolCalls: try c.decodeIfPresent(Bool.self, forKey: .parallelToolCalls),
            circuitFailureThreshold: try c.decodeIfPresent(Int.self, forKey: .circuitFailureThreshold) ?? d.circuitFailureThreshold,
            circuitCooldownSeconds: try c.decodeIfPresent(Double.self, forKey: .circuitCooldownSeconds) ?? d.circuitCooldownSeconds,
            retryAfterCapSeconds: try c.decodeIfPresent(Double.self, forKey: .retryAfterCapSeconds) ?? d.retryAfterCapSeconds)
    }
}

extension BackendProfile {
    /// Decodes and validates the profile `name` from its raw configuration; errors name the field
    /// (`backends.<name>.<field>`).
    public init(name: String, json: JSONValue) throws {
        do {
            self = try json.decode(as: BackendProfile.self)
        } catch let DecodingError.keyNotFound(key, _) {
            throw ShowroomError("invalid_config", "backends.\(name).\(key.stringValue) is required")
        } catch let DecodingError.typeMismatch(_, ctx), let DecodingError.valueNotFound(_, ctx),
            let DecodingError.dataCorrupted(ctx) {
            let field = ctx.codingPath.map(\.stringValue).joined(separator: ".")
            throw ShowroomError("invalid_config", "backends.\(name).\(field): \(ctx.debugDescription)")
        }
        self.name = name
        try validate()
    }

    /// Checks the values that would otherwise fail at the first request.
    public func validate() throws {
        func bad(_ field: String, _ why: String) -> ShowroomError {
            ShowroomError("invalid_config", "backends.\(name).\(field) \(why)")
        }
        guard kind == .openai else { return }
        guard let baseURL, let url = URL(string: baseURL), ["http", "https"].contains(url.scheme?.lowercased() ?? ""),
              url.host != nil else {
            throw bad("base_url", "must be an http(s) URL such as http://host:8000/v1")
        }
        guard let model, !model.isEmpty else { throw bad("model", "is required for kind openai") }
        guard timeoutSeconds > 0 else { throw bad("timeout_seconds", "must be positive") }
        guard connectTimeoutSeconds > 0 else { throw bad("connect_timeout_seconds", "must be positive") }
        guard (1...1024).contains(maxConnections) else { throw bad("max_connections", "must be between 1 and 1024") }
        guard (0...10).contains(maxRetries) else { throw bad("max_retries", "must be between 0 and 10") }
        guard circuitFailureThreshold >= 1 else { throw bad("circuit_failure_threshold", "must be at least 1") }
        guard circuitCooldownSeconds >= 0 else { throw bad("circuit_cooldown_seconds", "must not be negative") }
        if let t = temperature, !(0...2).contains(t) { throw bad("temperature", "must be between 0 and 2") }
    }

    /// The bearer token: the inline `api_key`, else the variable `api_key_env` names, else none.
    /// The composition root passes the environment; nothing deeper reads it.
    public func resolvedAPIKey(environment: [String: String]) throws -> String? {
        if let apiKey, !apiKey.isEmpty { return apiKey }
        guard let variable = apiKeyEnv else { return nil }
        guard let value = environment[variable], !value.isEmpty else {
            throw ShowroomError("invalid_config", "backends.\(name).api_key_env names \(variable), which is not set")
        }
        return value
    }
}
