import Hummingbird
import Prometheus
import ShowroomCore
import ShowroomData

/// `/health/live`, `/health/ready` (Postgres answers and migrations are current), `/metrics`.
struct HealthController {
    let app: AppServices
    let prometheus: PrometheusCollectorRegistry

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("health/live") { _, _ in APIResponse.json(["status": "ok"]) }
        router.get("health/ready") { _, _ in
            do {
                guard try await Migrator(db: app.db).isCurrent() else {
                    return APIResponse.error(ShowroomError("not_migrated", "Database migrations are not current; run `showroom migrate`.", status: 503))
                }
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
