import ShowroomCore
import ShowroomLLM
import Testing

@Suite struct BackendProfileTests {
    @Test func snakeCaseConfigurationDecodesWithDefaults() throws {
        let profile = try BackendProfile(name: "qwen", json: [
            "kind": "openai", "base_url": "https://dashscope.aliyuncs.com/compatible-mode/v1", "model": "qwen-plus",
            "api_key_env": "DASHSCOPE_API_KEY", "timeout_seconds": 20, "parallel_tool_calls": false,
            "headers": ["X-Trace": "on"],
        ])
        #expect(profile.name == "qwen")
        #expect(profile.kind == .openai)
        #expect(profile.model == "qwen-plus")
        #expect(profile.timeoutSeconds == 20)
        #expect(profile.connectTimeoutSeconds == 5)
        #expect(profile.maxConnections == 16)
        #expect(profile.maxRetries == 2)
        #expect(profile.supportsTools)
        #expect(profile.parallelToolCalls == false)
        #expect(profile.headers == ["X-Trace": "on"])
    }

    @Test func embeddedNeedsNothingElse() throws {
        #expect(try BackendProfile(name: "embedded", json: ["kind": "embedded"]).kind == .embedded)
    }

    static let invalidCases: [(JSONValue, String)] = [
        (["kind": "openai", "model": "m"], "backends.p.base_url"),
        (["kind": "openai", "base_url": "ftp://host/v1", "model": "m"], "backends.p.base_url"),
        (["kind": "openai", "base_url": "http://host:8000/v1"], "backends.p.model"),
        (["kind": "openai", "base_url": "http://h/v1", "model": "m", "max_retries": 99], "backends.p.max_retries"),
        (["kind": "openai", "base_url": "http://h/v1", "model": "m", "timeout_seconds": "soon"], "backends.p.timeout_seconds"),
        (["kind": "openai", "base_url": "http://h/v1", "model": "m", "max_connections": 0], "backends.p.max_connections"),
        (["kind": "openai", "base_url": "http://h/v1", "model": "m", "max_connections": 5000], "backends.p.max_connections"),
        (["kind": "gpt"], "backends.p.kind"),
        (["model": "m"], "backends.p.kind"),
    ]

    @Test(arguments: invalidCases)
    func invalidProfilesNameTheField(_ json: JSONValue, _ field: String) {
        let error = #expect(throws: ShowroomError.self) { try BackendProfile(name: "p", json: json) }
        #expect(error?.code == "invalid_config")
        #expect(error?.message.hasPrefix(field) == true, "\(error?.message ?? "")")
    }

    @Test func apiKeyComesInlineOrFromTheNamedVariable() throws {
        var profile = BackendProfile(name: "ds", kind: .openai, baseURL: "https://api.deepseek.com/v1", model: "deepseek-chat",
                                     apiKeyEnv: "DEEPSEEK_API_KEY")
        #expect(try profile.resolvedAPIKey(environment: ["DEEPSEEK_API_KEY": "sk-1"]) == "sk-1")
        #expect(throws: ShowroomError.self) { try profile.resolvedAPIKey(environment: [:]) }
        profile.apiKey = "inline"
        #expect(try profile.resolvedAPIKey(environment: [:]) == "inline")
        profile.apiKey = nil
        profile.apiKeyEnv = nil
        #expect(try profile.resolvedAPIKey(environment: [:]) == nil)
    }
}
