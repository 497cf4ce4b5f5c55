import Hummingbird

/// The staff API of api.md under `/v1/staff/`, authorized by staff keys with roles and store
/// scope (`StaffGuard`); each route family lives in its own controller.
struct StaffController {
    let app: AppServices

    func addRoutes(to router: Router<AppRequestContext>) {
        StaffInventoryController(app: app).addRoutes(to: router)
        StaffImportController(app: app).addRoutes(to: router)
        StaffLeadsController(app: app).addRoutes(to: router)
        StaffConversationsController(app: app).addRoutes(to: router)
        StaffDeskController(app: app).addRoutes(to: router)
    }
}
