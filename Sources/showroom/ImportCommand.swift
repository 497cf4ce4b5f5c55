import ArgumentParser
import Foundation
import ShowroomCore
import ShowroomData

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import the catalog folder (stores, models, inventory) or a dealer inventory feed (CSV) for one store.",
        discussion: """
            Prints the import report as JSON. Exit status: 0 when everything was applied; 3 when a feed was applied but \
            some rows were rejected (each listed with its reason under "rejected"); 1 when nothing was applied (the \
            error is printed to stderr: a catalog with problems, a feed that is not UTF-8 or lacks columns, a database \
            that is unreachable or not migrated); 2 for a usage error.
            """)

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
                if !report.rejected.isEmpty {
                    FileHandle.standardError.write(Data("\(report.rejected.count) of \(report.rows) rows were rejected; the rest were applied.\n".utf8))
                    throw ExitCode(3)
                }
            }
        } catch let e as ShowroomError {
            fail(e)
        }
    }
}
