import AsyncHTTPClient
import Logging

/// Builds the model a backend profile stands for, with resilience composed around it:
///
/// ```
/// Fallback(primary: Metered(Retrying(CircuitBreaker(OpenAI))), fallback: Metered(fallback))
/// ```
///
/// The breaker sits inside the retries, so once it opens a retry fails fast instead of
/// waiting; metering sits outside them, so `requests_total` counts calls, not attempts
/// (`retries_total` counts those). An `embedded` profile is the given fallback itself.
public struct ChatModelStack: Sendable {
    /// The model to call.
    public let model: any ChatModel
    /// The breaker of an openai profile (for health endpoints), nil for embedded.
    public let breaker: CircuitBreaker?

    /// - Parameters:
    ///   - fallback: the offline backend (the embedded model) that answers when the profile's server cannot.
    ///   - validate: rejects a primary reply (returns the reason), see `FallbackChatModel`.
    ///   - environment: where `api_key_env` is looked up.
    public init(profile: BackendProfile, client: HTTPClient, fallback: any ChatModel,
                validate: @escaping @Sendable (ChatResponse) -> String? = { _ in nil },
                environment: [String: String] = [:], metrics: LLMMetrics = .init(),
                logger: Logger = Logger(label: "showroom.llm")) throws {
        guard profile.kind == .openai else {
            self.model = fallback
            self.breaker = nil
            return
        }
        let breaker = CircuitBreaker(failureThreshold: profile.circuitFailureThreshold,
                                     coolDown: .milliseconds(Int64(profile.circuitCooldownSeconds * 1000)))
        let policy = RetryPolicy(maxRetries: profile.maxRetries, retryAfterCapSeconds: profile.retryAfterCapSeconds)
        let http = try OpenAIChatModel(profile: profile, client: client, environment: environment)
        let primary = MeteredChatModel(
            RetryingChatModel(CircuitBreakerChatModel(http, breaker: breaker), policy: policy, metrics: metrics, logger: logger),
            metrics: metrics)
        self.model = FallbackChatModel(primary: primary, fallback: MeteredChatModel(fallback, metrics: metrics),
                                       validate: validate, metrics: metrics, logger: logger)
        self.breaker = breaker
    }
}
