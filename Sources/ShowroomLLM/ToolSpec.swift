import ShowroomCore

/// A tool offered to a model: name, description and the JSON Schema of its arguments.
public struct ToolSpec: Sendable, Hashable, Codable {
    /// ASCII id the model calls the tool by.
    public var name: String
    public var description: String
    /// JSON Schema of the arguments object.
    public var parameters: JSONValue

    public init(name: String, description: String, parameters: JSONValue) {
        self.name = name
        self.description = description
        self.parameters = parameters
    }
}
