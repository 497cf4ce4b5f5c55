import AsyncHTTPClient
import Foundation
import Logging
import ShowroomAgents
import ShowroomCore
import ShowroomLLM

/// Builds a chat model per configured backend profile: `embedded` profiles are the offline
/// backend; `openai` profiles get retry, circuit breaker, metrics and the embedded fallback.
public enum Backends {
    public static func models(_ profiles: [String: JSONValue], logger: Logger,
                              environment: [String: String] = ProcessInfo.processInfo.environment) throws -> [String: any ChatModel] {
        var out: [String: any ChatModel] = [:]
        for (name, json) in profiles {
            let profile: BackendProfile
            do { profile = try BackendProfile(name: name, json: json) } catch let e as ShowroomError {
                throw ShowroomError("invalid_config", "backends.\(name): \(e.message)")
            } catch {
                throw ShowroomError("invalid_config", "backends.\(name): \(error)")
            }
            out[name] = try ChatModelStack(profile: profile, client: ModelHTTPClients.client(for: profile), fallback: EmbeddedChatModel(),
                                           validate: Self.wellFormed, environment: environment, logger: logger).model
        }
        return out
    }

    /// An empty reply goes to the fallback here; tool calls are validated (against the offered
    /// tools and their schemas), refused, audited and answered by the fallback in the runner,
    /// which knows the turn's tools.
    @Sendable static func wellFormed(_ r: ChatResponse) -> String? {
        (r.content ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty && r.toolCalls.isEmpty ? "empty reply" : nil
    }
}
