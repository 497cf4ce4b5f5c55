import ArgumentParser
import Foundation
import ShowroomCore
import ShowroomData

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import the catalog folder (stores, models, inventory) or a dealer inventory feed (CSV) for one store.")

    @OptionGroup var options: GlobalOptions
    @Argument(help: "A catalog folder (catalog/) or a feed file (feed.csv).") var path: String
    @Option(help: "The store a feed belongs to (feeds only).") var store: String?

    func run() async throws {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            fail(ShowroomError("not_found", "No such file or folder: \(path)"), code: 2)
        }
        let url = URL(fileURLWithPath: path)
        do {
            if isDir.boolValue {
                let report = try await options.withDatabase { _, db in try await CatalogImporter(db: db).importFolder(url) }
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
                print(String(decoding: try encoder.encode(report), as: UTF8.self))
            } else {
                guard let store else { fail(ShowroomError.invalid("A feed needs --store STORE_ID."), code: 2) }
                guard let data = FileManager.default.contents(atPath: path) else { fail(ShowroomError("not_found", "Cannot read \(path)"), code: 2) }
                let sid = StoreID(store)
                let report = try await options.withDatabase { _, db in try await FeedImporter(db: db).importFeed(data: data, store: sid) }
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
                print(String(decoding: try encoder.encode(report), as: UTF8.self))
            }
        } catch let e as ShowroomError {
            fail(e)
        }
    }
}
