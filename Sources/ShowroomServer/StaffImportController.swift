import Foundation
import Hummingbird
import NIOCore
import ShowroomCore
import ShowroomData

/// `POST /v1/staff/inventory/import?store_id=...`: a dealer feed (CSV body) through the same
/// importer as `showroom import FILE`; manager role, the key's store scope; the report answers.
struct StaffImportController {
    let app: AppServices
    var guardian: StaffGuard { StaffGuard(app: app) }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.post(RouterPath(OpenAPICatalog.inventoryImport.routePath), use: importFeed)
    }

    @Sendable func importFeed(_ req: Request, ctx: AppRequestContext) async throws -> Response {
        let op = OpenAPICatalog.inventoryImport
        let key = try await guardian.key(req, op)
        let q = try op.query(req)
        let store = try await guardian.store(key, q["store_id"]?.stringValue ?? "", action: op.id)
        var request = req
        let limit = ctx.maxUploadSize
        let buffer: ByteBuffer
        do { buffer = try await request.collectBody(upTo: limit) } catch {
            throw ShowroomError("body_too_large", "The feed is larger than \(limit) bytes.", status: 413)
        }
        let report = try await FeedImporter(db: app.db).importFeed(data: Data(buffer.readableBytesView), store: store.id)
        await guardian.auth.audit(key, action: op.id, target: store.id.rawValue,
                                  detail: ["inserted": .number(Double(report.inserted)), "updated": .number(Double(report.updated)),
                                           "rejected": .number(Double(report.rejected.count))])
        return APIResponse.json(try JSONValue(encoding: report))
    }
}
