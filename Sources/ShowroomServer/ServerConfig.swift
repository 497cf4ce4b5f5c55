import Foundation
import ShowroomCore
import ShowroomData
import Yams

/// Typed configuration: an optional YAML file (`--config showroom.yaml`) overridden by the
/// environment (`DATABASE_URL`, `SHOWROOM_HOST`, `SHOWROOM_PORT`, `SHOWROOM_RATE_LIMIT`,
/// `SHOWROOM_TRUSTED_PROXIES`, `SHOWROOM_SESSION_SECRET`, `SHOWROOM_AGENTS_DIR`, `SHOWROOM_LOG_LEVEL`).
public struct ServerConfig: Sendable {
    public var host = "127.0.0.1"
    public var port = 8080
    public var databaseURL: DatabaseURL?
    public var dbMaxConnections = 20
    /// Signs widget session tokens; a random one per process when unset (tokens then die with it).
    public var sessionSecret: String = UUID().uuidString + UUID().uuidString
    public var sessionSecretConfigured = false
    public var sessionTTLSeconds = 7 * 24 * 3600
    public var rateLimit = RateLimitConfig()
    /// Proxies whose X-Forwarded-For is believed for rate limits (`trusted_proxies` in YAML,
    /// `SHOWROOM_TRUSTED_PROXIES=10.0.0.0/8,127.0.0.1` in the environment); none by default.
    public var trustedProxies = TrustedProxies()
    public var agentsDir = "agents"
    public var logLevel = "info"
    public var logFormat = "json"
    /// Backend profiles by name (`kind: embedded|openai`, `base_url`, `model`, ...), as raw config.
    public var backends: [String: JSONValue] = ["default": ["kind": "embedded"], "embedded": ["kind": "embedded"]]
    public var maxBodyBytes = 64 * 1024
    /// Hosts allowed in the MCP endpoint's Host header (DNS-rebinding protection).
    public var mcpAllowedHosts: [String] = ["localhost", "127.0.0.1"]

    public struct RateLimitConfig: Sendable {
        public var enabled = true
        /// Requests per minute per client IP on the public API.
        public var perIPPerMinute = 120
        /// Messages per minute per chat session.
        public var perSessionPerMinute = 30
        /// Session creations per minute per IP.
        public var sessionsPerIPPerMinute = 20
        /// Requests per minute per staff key on the staff API and `POST /mcp`.
        public var staffPerKeyPerMinute = 600
    }

    public init() {}

    /// Loads the file (when given) and applies the environment on top.
    public static func load(file: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> ServerConfig {
        var c = ServerConfig()
        if let file {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                throw ShowroomError("config_not_found", "Cannot read configuration file \(file).")
            }
            let yaml: JSONValue
            do { yaml = try YAMLDecoder().decode(JSONValue.self, from: text) } catch {
                throw ShowroomError("invalid_config", "\(file): not valid YAML: \(error)")
            }
            try c.apply(yaml, file: file)
        }
        try c.apply(environment: environment)
        return c
    }

    mutating func apply(_ y: JSONValue, file: String) throws {
        if let v = y["host"]?.stringValue { host = v }
        if let v = y["port"]?.intValue { port = v }
        if let v = y["database_url"]?.stringValue { databaseURL = try DatabaseURL(v) }
        if let v = y["db_max_connections"]?.intValue { dbMaxConnections = v }
        if let v = y["session_secret"]?.stringValue { sessionSecret = v; sessionSecretConfigured = true }
        if let v = y["session_ttl_seconds"]?.intValue { sessionTTLSeconds = v }
        if let v = y["agents_dir"]?.stringValue { agentsDir = v }
        if let v = y["log_level"]?.stringValue { logLevel = v }
        if let v = y["log_format"]?.stringValue { logFormat = v }
        if let v = y["max_body_bytes"]?.intValue { maxBodyBytes = v }
        if let hosts = y["mcp_allowed_hosts"]?.arrayValue { mcpAllowedHosts = hosts.compactMap(\.stringValue) }
        if let list = y["trusted_proxies"]?.arrayValue { trustedProxies = try TrustedProxies(parsing: list.compactMap(\.stringValue)) }
        if let r = y["rate_limit"] {
            if let v = r["enabled"]?.boolValue { rateLimit.enabled = v }
            if let v = r["per_ip_per_minute"]?.intValue { rateLimit.perIPPerMinute = v }
            if let v = r["per_session_per_minute"]?.intValue { rateLimit.perSessionPerMinute = v }
            if let v = r["sessions_per_ip_per_minute"]?.intValue { rateLimit.sessionsPerIPPerMinute = v }
            if let v = r["staff_per_key_per_minute"]?.intValue { rateLimit.staffPerKeyPerMinute = v }
        }
        if let b = y["backends"]?.objectValue {
            for (name, profile) in b {
                guard profile.objectValue != nil else { throw ShowroomError("invalid_config", "\(file): backends.\(name) must be a map") }
                backends[name] = profile
            }
        }
    }

    mutating func apply(environment env: [String: String]) throws {
        if let v = env["DATABASE_URL"], !v.isEmpty { databaseURL = try DatabaseURL(v) }
        if let v = env["SHOWROOM_HOST"], !v.isEmpty { host = v }
        if let v = env["SHOWROOM_PORT"], !v.isEmpty {
            guard let p = Int(v), (1...65535).contains(p) else { throw ShowroomError("invalid_config", "SHOWROOM_PORT must be a port number") }
            port = p
        }
        if let v = env["SHOWROOM_RATE_LIMIT"] { rateLimit.enabled = !["off", "0", "false", "no"].contains(v.lowercased()) }
        if let v = env["SHOWROOM_TRUSTED_PROXIES"] {
            trustedProxies = try TrustedProxies(parsing: v.split(separator: ",").map(String.init))
        }
        if let v = env["SHOWROOM_SESSION_SECRET"], !v.isEmpty { sessionSecret = v; sessionSecretConfigured = true }
        if let v = env["SHOWROOM_AGENTS_DIR"], !v.isEmpty { agentsDir = v }
        if let v = env["SHOWROOM_LOG_LEVEL"], !v.isEmpty { logLevel = v }
        if let v = env["SHOWROOM_LOG_FORMAT"], !v.isEmpty { logFormat = v }
        if let v = env["SHOWROOM_BACKEND_DEFAULT"], !v.isEmpty, backends[v] != nil {
            backends["default"] = backends[v]
        }
    }
}
