import Foundation
import Hummingbird
import NIOCore

/// Serves the widget (`/widget.js`, `/widget.css`) and the demo dealer pages (`/`, `/demo/<store>`,
/// `/demo/<store>/vehicle`) from the module's resources, read once at start.
struct StaticController {
    let files: [String: (Data, String)]

    init() {
        var files: [String: (Data, String)] = [:]
        let types = ["js": "text/javascript; charset=utf-8", "css": "text/css; charset=utf-8", "html": "text/html; charset=utf-8",
                     "svg": "image/svg+xml", "png": "image/png", "json": "application/json"]
        if let dir = Bundle.module.url(forResource: "Public", withExtension: nil),
           let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path) {
            for name in names where !name.hasPrefix(".") {
                if let data = FileManager.default.contents(atPath: dir.appendingPathComponent(name).path) {
                    files[name] = (data, types[(name as NSString).pathExtension] ?? "application/octet-stream")
                }
            }
        }
        self.files = files
    }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/") { _, _ in try serve("index.html") }
        router.get("demo/:store") { _, ctx in try serve("demo-\(ctx.parameters.get("store") ?? "").html") }
        router.get("demo/:store/vehicle") { _, ctx in try serve("demo-\(ctx.parameters.get("store") ?? "")-vehicle.html") }
        router.get(":file") { _, ctx in try serve(ctx.parameters.get("file") ?? "") }
    }

    func serve(_ name: String) throws -> Response {
        guard let (data, type) = files[name] else { throw HTTPError(.notFound, message: "Not found.") }
        return Response(status: .ok, headers: [.contentType: type, .cacheControl: "public, max-age=300"],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
