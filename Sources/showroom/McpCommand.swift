import ArgumentParser
import Foundation
import Logging
import MCP
import ShowroomAgents
import ShowroomCore
import ShowroomData
import ShowroomServer

/// `showroom mcp`: the tool registry over MCP on stdio for desktop clients, acting for one
/// staff key. Standard output carries the protocol only; every log line goes to standard error.
struct McpCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mcp",
        abstract: "Serve the tool registry over the Model Context Protocol on stdio (logs go to stderr).",
        discussion: "The staff key decides which tools are listed and which stores they may act for.")

    @OptionGroup var options: GlobalOptions
    @Option(help: "Staff key (sk_...); SHOWROOM_STAFF_KEY when omitted.") var key: String?

    func run() async throws {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = .warning
            return handler
        }
        guard let secret = key ?? ProcessInfo.processInfo.environment["SHOWROOM_STAFF_KEY"], !secret.isEmpty else {
            fail(ShowroomError("missing_key", "Pass --key sk_... or set SHOWROOM_STAFF_KEY."), code: 2)
        }
        do {
            try await options.withDatabase { _, db in
                guard let staffKey = try await StaffKeyRepository(db: db).authenticate(secret) else {
                    fail(ShowroomError("unauthorized", "The staff key is unknown or revoked.", status: 401))
                }
                let server = await MCPToolServer.make(registry: ToolCatalog.registry(), db: db, key: staffKey,
                                                      label: "mcp-stdio:\(staffKey.prefix)")
                let logger = Logger(label: "showroom.mcp")
                // At the end of stdin the answers still being worked on are sent before the process exits.
                try await server.start(transport: DrainingTransport(StdioTransport(logger: logger), logger: logger))
                await server.waitUntilCompleted()
            }
        } catch let e as ShowroomError {
            fail(e)
        }
    }
}
