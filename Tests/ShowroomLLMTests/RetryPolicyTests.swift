import ShowroomLLM
import Testing

@Suite struct RetryPolicyTests {
    let policy = RetryPolicy(maxRetries: 3, baseDelaySeconds: 0.5, maxDelaySeconds: 1.5, retryAfterCapSeconds: 10)
    let unavailable = ChatModelError.http(status: 503, retryAfterSeconds: nil, body: "")

    @Test func backoffDoublesThenCapsAndJittersIntoItsUpperHalf() {
        #expect(policy.delay(beforeRetry: 1, after: unavailable, random: 0) == 0.25)
        #expect(policy.delay(beforeRetry: 1, after: unavailable, random: 0.999)! < 0.5)
        #expect(policy.delay(beforeRetry: 2, after: unavailable, random: 0) == 0.5)
        #expect(policy.delay(beforeRetry: 3, after: unavailable, random: 0) == 0.75)  // 2.0 capped at 1.5
    }

    @Test func givesUpAfterMaxRetries() {
        #expect(policy.delay(beforeRetry: 4, after: unavailable, random: 0.5) == nil)
    }

    @Test func retryAfterIsUsedUpToTheCap() {
        #expect(policy.delay(beforeRetry: 1, after: .http(status: 429, retryAfterSeconds: 3, body: ""), random: 0.5) == 3)
        #expect(policy.delay(beforeRetry: 1, after: .http(status: 429, retryAfterSeconds: 11, body: ""), random: 0.5) == nil)
    }

    @Test(arguments: [ChatModelError.timeout, .transport("reset"), .http(status: 429, retryAfterSeconds: nil, body: ""),
                      .http(status: 408, retryAfterSeconds: nil, body: ""), .http(status: 500, retryAfterSeconds: nil, body: "")])
    func transientFailuresAreRetried(_ error: ChatModelError) {
        #expect(policy.delay(beforeRetry: 1, after: error, random: 0.5) != nil)
    }

    @Test(arguments: [ChatModelError.malformed("x"), .circuitOpen, .cancelled, .http(status: 400, retryAfterSeconds: nil, body: ""),
                      .http(status: 401, retryAfterSeconds: nil, body: ""), .http(status: 404, retryAfterSeconds: nil, body: "")])
    func permanentFailuresAreNotRetried(_ error: ChatModelError) {
        #expect(policy.delay(beforeRetry: 1, after: error, random: 0.5) == nil)
    }
}
