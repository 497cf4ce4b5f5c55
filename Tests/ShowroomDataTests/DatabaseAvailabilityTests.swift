import Foundation
import Logging
import ShowroomCore
import ShowroomTestSupport
import Testing
@testable import ShowroomData

/// Requests fail fast with 503 while Postgres is out of reach, and the first granted connection ends that.
@Suite struct DatabaseAvailabilityTests {
    /// Nothing listens on port 1, so every connection attempt is refused.
    static let nowhere = DatabaseURL(host: "127.0.0.1", port: 1, username: "nobody", password: "x", database: "none")

    func elapsed(_ body: () async throws -> Void) async -> (Duration, (any Error)?) {
        let start = ContinuousClock.now
        do { try await body() } catch { return (ContinuousClock.now - start, error) }
        return (ContinuousClock.now - start, nil)
    }

    @Test func anUnreachableDatabaseAnswers503WithinTheAcquireTimeoutThenFaster() async throws {
        let availability = DatabaseAvailability(acquireTimeout: .seconds(1), probeTimeout: .milliseconds(200))
        var quiet = Logger(label: "test.db")
        quiet.logLevel = .critical  // the pool logs every refused connection
        try await Database(url: Self.nowhere, maxConnections: 2, logger: quiet, availability: availability).withRunning { db in
            #expect(!db.availability.isDown)
            let (first, error) = await elapsed { try await db.rows("SELECT 1") }
            let e = try #require(error as? ShowroomError)
            #expect(e.code == "database_unavailable" && e.status == 503)
            // It waited for the acquire timeout (not the pool's default of minutes); the upper bound is
            // only "did not hang": speed is measured in benchmarks, and this machine may be busy.
            #expect(first >= .milliseconds(900) && first < .seconds(30))
            #expect(db.availability.isDown)
            // While down, requests wait only the short probe timeout.
            #expect(db.availability.timeout == db.availability.probeTimeout)
            let (_, again) = await elapsed { try await db.execute("SELECT 1") }
            #expect((again as? ShowroomError)?.status == 503)
            await #expect(throws: ShowroomError.self) { try await db.transaction { conn in try await conn.query("SELECT 1", logger: db.logger) } }
        }
    }

    @Test(.enabled(if: TestDatabase.available)) func aGrantedConnectionMarksTheDatabaseUpAgain() async throws {
        try await TestDatabase.with(migrate: false) { db in
            db.availability.markDown()
            #expect(db.availability.timeout == db.availability.probeTimeout)
            // While down, each request waits only the short probe timeout; on a busy machine the
            // first connection can take longer, so allow a few probes before one is granted.
            var one: Int?
            for _ in 0..<10 where one == nil {
                one = try? await db.rows("SELECT 1").first?.decode(Int.self)
            }
            #expect(one == 1)
            #expect(!db.availability.isDown && db.availability.timeout == db.availability.acquireTimeout)
        }
    }

    @Test func statementErrorsAreNotConnectionFailures() {
        #expect(!DatabaseAvailability.isConnectionFailure(ShowroomError("conversation_not_found", "x", status: 404)))
        #expect(DatabaseAvailability.isConnectionFailure(DatabaseAvailability.unavailable))
        #expect(!DatabaseAvailability.isConnectionFailure(CancellationError()))
        #expect(DatabaseAvailability.summary(of: DatabaseAvailability.unavailable) == "database_unavailable")
    }

    @Test(.enabled(if: TestDatabase.available)) func aFailedStatementKeepsTheDatabaseUp() async throws {
        try await TestDatabase.with(migrate: false) { db in
            await #expect(throws: (any Error).self) { try await db.execute("SELECT * FROM no_such_table") }
            #expect(!db.availability.isDown)
            let summary = await { () async -> String in
                do { try await db.execute("SELECT 1/0") } catch { return DatabaseAvailability.summary(of: error) }
                return ""
            }()
            #expect(summary == "PSQLError(code: server, sqlState: 22012)")
        }
    }
}
