import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import ShowroomCore
import ShowroomData
import ShowroomTestSupport
import Testing
@testable import ShowroomServer

@Suite(.enabled(if: TestDatabase.available)) struct HealthControllerTests {
    @Test func liveAnswersWhileStartUpIsBlockedAndReadySaysWhyUntilItIsDone() async throws {
        try await TestDatabase.with { db in
            let agents = try StaffHarness.writeAgents(backend: "embedded")
            defer { try? FileManager.default.removeItem(at: agents) }
            var config = ServerConfig()
            config.agentsDir = agents.path
            let startup = StartupState(blocker: ShowroomError("starting", "The catalog is not loaded yet.", status: 503))
            let services = try ShowroomApp.services(config: config, db: db, router: KeywordRouter(), models: [:],
                                                    logger: Logger(label: "test"), startup: startup)
            try await Application(router: ShowroomApp.router(services)).test(.router) { client in
                func get(_ path: String) async throws -> (Int, JSONValue) {
                    let r = try await client.executeRequest(uri: path, method: .get, headers: [:], body: nil)
                    return (Int(r.status.code), try JSONDecoder().decode(JSONValue.self, from: Data(buffer: r.body)))
                }
                #expect(try await get("/health/live").0 == 200)
                let blocked = try await get("/health/ready")
                #expect(blocked.0 == 503)
                #expect(blocked.1["error"]?["code"] == "starting")

                startup.markReady()
                #expect(try await get("/health/ready").0 == 200)

                try await db.execute("INSERT INTO schema_migrations (version, name) VALUES (\(Migration.latestVersion + 1), 'future')")
                let newer = try await get("/health/ready")
                #expect(newer.0 == 503)
                #expect(newer.1["error"]?["code"] == "database_newer_than_binary")
                #expect(newer.1["error"]?["message"]?.stringValue?.contains("upgrade showroom") == true)
            }
        }
    }
}
