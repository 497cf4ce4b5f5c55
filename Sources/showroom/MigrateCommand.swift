import ArgumentParser
import ShowroomCore
import ShowroomData

struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "migrate", abstract: "Apply database migrations (idempotent).")

    @OptionGroup var options: GlobalOptions

    func run() async throws {
        do {
            let applied = try await options.withDatabase(requireSchema: false) { _, db in try await Migrator(db: db).migrate() }
            print(applied.isEmpty ? "Database is up to date (schema version \(Migration.latestVersion))."
                                  : "Applied migrations: \(applied.map(String.init).joined(separator: ", ")).")
        } catch let e as ShowroomError {
            fail(e)
        }
    }
}
