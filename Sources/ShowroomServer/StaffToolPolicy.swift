import ShowroomAgents
import ShowroomData

/// Which staff role may use which tool: the one mapping that MCP (HTTP and stdio) and the staff
/// assist chat apply.
///
/// Customer tools serve every staff key (sales and up). Staff-only tools name their least
/// role here; a staff tool not listed needs a manager, so a new tool is never open by accident.
public enum StaffToolPolicy {
    /// Least role of the staff-only tools.
    public static let leastRoles: [String: StaffRole] = [
        "floor_price": .manager,  // a unit's floor price and cost: margin data
        "find_leads": .sales,     // sales staff follow up their leads
    ]

    public static func leastRole(for tool: any Tool) -> StaffRole {
        if tool.scope == .customer { return .sales }
        return leastRoles[tool.name] ?? .manager
    }

    public static func allows(_ role: StaffRole, _ tool: any Tool) -> Bool {
        role >= leastRole(for: tool)
    }

    /// Names of the registry's tools a role may not use (kept from the assist chat's agents).
    public static func denied(_ registry: ToolRegistry, to role: StaffRole) -> Set<String> {
        Set(registry.tools.filter { !allows(role, $0) }.map(\.name))
    }

    /// The tools a role sees, in registry order.
    public static func visible(_ registry: ToolRegistry, to role: StaffRole) -> [any Tool] {
        registry.visible(to: .staff).filter { allows(role, $0) }
    }
}
