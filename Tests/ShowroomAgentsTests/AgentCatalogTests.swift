import Foundation
import ShowroomCore
import ShowroomTestSupport
import Testing
@testable import ShowroomAgents

/// The agent definitions load from `agents/`, and a bad field is refused with the file and the
/// field named, before the server serves anything.
@Suite struct AgentCatalogTests {
    static let profiles: Set<String> = ["default", "embedded"]

    /// A copy of the repository's `agents/` in a scratch folder, with `booking.yaml` edited.
    func withEditedBooking(_ edit: (String) -> String, _ body: (URL) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("agents-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = TestDatabase.repoRoot.appendingPathComponent("agents")
        for file in try FileManager.default.contentsOfDirectory(atPath: source.path) where file.hasSuffix(".yaml") {
            var text = try String(contentsOf: source.appendingPathComponent(file), encoding: .utf8)
            if file == "booking.yaml" { text = edit(text) }
            try text.write(to: folder.appendingPathComponent(file), atomically: true, encoding: .utf8)
        }
        try body(folder)
    }

    @Test func theShippedAgentsLoadWithTheDefaultTokenCap() throws {
        let catalog = try AgentCatalog.load(from: TestDatabase.repoRoot.appendingPathComponent("agents"),
                                            registry: ToolCatalog.registry(), profiles: Self.profiles)
        #expect(Set(catalog.agents.keys).isSuperset(of: AgentCatalog.requiredIDs))
        #expect(catalog["booking"]?.maxTokens == 400)
    }

    @Test func anExplicitTokenCapIsRead() throws {
        try withEditedBooking({ $0.replacingOccurrences(of: "temperature: 0.1", with: "temperature: 0.1\nmax_tokens: 256") }) { folder in
            let catalog = try AgentCatalog.load(from: folder, registry: ToolCatalog.registry(), profiles: Self.profiles)
            #expect(catalog["booking"]?.maxTokens == 256)
        }
    }

    @Test(arguments: [
        ("temperature: 0.1", "temperature: 3", "temperature must be 0...2"),
        ("temperature: 0.1", "temperature: 0.1\nmax_tokens: 4", "max_tokens must be 16...8192"),
        ("max_steps: 4", "max_steps: 40", "max_steps must be 1...10"),
        ("backend: default", "backend: gpt9", "unknown backend profile 'gpt9'"),
        ("handoffs: [catalog, pricing]", "handoffs: [catalog, haggler]", "unknown agent 'haggler'"),
        ("dealer_info,", "dealer_info, sell_car_for_one_dollar,", "unknown tool 'sell_car_for_one_dollar'"),
    ])
    func aBadFieldIsRefusedNamingTheFileAndTheField(old: String, new: String, message: String) throws {
        try withEditedBooking({ $0.replacingOccurrences(of: old, with: new) }) { folder in
            let error = #expect(throws: ShowroomError.self) {
                try AgentCatalog.load(from: folder, registry: ToolCatalog.registry(), profiles: Self.profiles)
            }
            #expect(error?.code == "invalid_agent")
            #expect(error?.message.contains("booking") == true && error?.message.contains(message) == true, "\(error?.message ?? "")")
        }
    }
}
