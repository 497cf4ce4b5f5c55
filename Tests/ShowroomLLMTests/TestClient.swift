import AsyncHTTPClient
import ShowroomLLM

/// The one HTTP client of the test process, configured as the server configures its own
/// (short connect timeout, no silent reconnect loop). It lives for the whole process.
enum TestClient {
    static let shared = ModelHTTPClients.client(for: BackendProfile(name: "test", kind: .openai, connectTimeoutSeconds: 1))
}
