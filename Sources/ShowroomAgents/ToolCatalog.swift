/// Every tool of tools.md, in one registry. The single list that agents, MCP and
/// `showroom tools` draw from.
public enum ToolCatalog {
    public static func registry() -> ToolRegistry {
        ToolRegistry([
            SearchInventoryTool(), GetVehicleTool(), CompareModelsTool(), RecommendTool(), QuotePriceTool(),
            EstimatePaymentTool(), AppraiseTradeInTool(), BookTestDriveTool(), CancelTestDriveTool(), CreateLeadTool(),
            DealerInfoTool(), FloorPriceTool(), FindLeadsTool(),
        ])
    }
}
