import ArgumentParser
import Foundation
import ShowroomCore
import ShowroomData

struct KeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys", abstract: "Create, list and revoke staff API keys (only hashes are stored).",
        subcommands: [Create.self, List.self, Revoke.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a key and print it once.")
        @OptionGroup var options: GlobalOptions
        @Option(help: "sales, manager or admin.") var role: String
        @Option(name: .customLong("store"), help: "Limit the key to a store (repeatable); all stores when omitted.") var stores: [String] = []
        @Option(help: "A label to recognise the key by.") var label: String = ""

        func run() async throws {
            guard let r = StaffRole(rawValue: role) else { fail(ShowroomError.invalid("role must be sales, manager or admin"), code: 2) }
            let stores = self.stores.map { StoreID($0) }, label = self.label
            do {
                let (secret, key) = try await options.withDatabase { _, db in
                    try await StaffKeyRepository(db: db).create(role: r, stores: stores, label: label)
                }
                print(secret)
                FileHandle.standardError.write(Data("Created \(key.role.rawValue) key \(key.prefix)… (id \(key.id.uuidString.lowercased())) for \(stores.isEmpty ? "all stores" : stores.map(\.rawValue).joined(separator: ", ")). It is shown only once.\n".utf8))
            } catch let e as ShowroomError { fail(e) }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List keys (prefixes only).")
        @OptionGroup var options: GlobalOptions

        func run() async throws {
            let keys = try await options.withDatabase { _, db in try await StaffKeyRepository(db: db).list() }
            let f = ISO8601DateFormatter()
            for k in keys {
                let stores = k.storeIDs.isEmpty ? "*" : k.storeIDs.map(\.rawValue).joined(separator: ",")
                print("\(k.id.uuidString.lowercased())  \(k.prefix)…  \(k.role.rawValue)  stores=\(stores)  \(k.revokedAt.map { "revoked " + f.string(from: $0) } ?? "active")  \(k.label)")
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a key by id or prefix.")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "Key id or prefix (sk_xxxxxx).") var key: String

        func run() async throws {
            let k = key
            let done = try await options.withDatabase { _, db in try await StaffKeyRepository(db: db).revoke(k) }
            if !done { fail(ShowroomError.notFound("No active key '\(k)'.")) }
            print("Revoked \(k).")
        }
    }
}
