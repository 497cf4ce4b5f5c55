import Hummingbird
import Prometheus
import ShowroomCore
import ShowroomData

/// `/health/live`, `/health/ready` (Postgres answers, migrations are current and start-up
/// loading is done), `/metrics`.
struct HealthController {
    let app: AppServices
    let prometheus: PrometheusCollectorRegistry

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("health/live") { _, _ in APIResponse.json(["status": "ok"]) }
        router.get("health/ready") { _, _ in
            do {
                if let problem = try await Migrator(db: app.db).schemaProblem() { return APIResponse.error(problem) }
                if let blocker = app.startup.blocker { return APIResponse.error(blocker) }
                return APIResponse.json(["status": "ready", "schema_version": .number(Double(Migration.latestVersion))])
            } catch {
                return APIResponse.error(ShowroomError("database_unavailable", "PostgreSQL does not answer.", status: 503))
            }
        }
        router.get("metrics") { _, _ in
            APIResponse.text(prometheus.emitToString(), contentType: "text/plain; version=0.0.4; charset=utf-8")
        }
    }
}
