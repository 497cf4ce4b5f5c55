import ShowroomCore

/// Small builders for tool JSON Schemas, so each tool declares its arguments in a few lines.
enum Schema {
    static func object(_ properties: [String: JSONValue], required: [String] = [], anyOf: [[String]]? = nil) -> JSONValue {
        var o: [String: JSONValue] = [
            "type": "object",
            "properties": .object(properties),
            "required": .array(required.map { .string($0) }),
            "additionalProperties": false,
        ]
        if let anyOf { o["anyOf"] = .array(anyOf.map { ["required": .array($0.map { .string($0) })] }) }
        return .object(o)
    }

    static func string(_ description: String, enum values: [String]? = nil, maxLength: Int = 200) -> JSONValue {
        var o: [String: JSONValue] = ["type": "string", "description": .string(description), "maxLength": .number(Double(maxLength))]
        if let values { o["enum"] = .array(values.map { .string($0) }) }
        return .object(o)
    }

    static func integer(_ description: String, min: Int? = nil, max: Int? = nil) -> JSONValue {
        var o: [String: JSONValue] = ["type": "integer", "description": .string(description)]
        if let min { o["minimum"] = .number(Double(min)) }
        if let max { o["maximum"] = .number(Double(max)) }
        return .object(o)
    }

    static func number(_ description: String, min: Double? = nil, max: Double? = nil) -> JSONValue {
        var o: [String: JSONValue] = ["type": "number", "description": .string(description)]
        if let min { o["minimum"] = .number(min) }
        if let max { o["maximum"] = .number(max) }
        return .object(o)
    }

    static func bool(_ description: String) -> JSONValue { ["type": "boolean", "description": .string(description)] }

    static func strings(_ description: String, enum values: [String]? = nil, maxItems: Int = 10) -> JSONValue {
        var item: [String: JSONValue] = ["type": "string", "maxLength": 100]
        if let values { item["enum"] = .array(values.map { .string($0) }) }
        return ["type": "array", "description": .string(description), "items": .object(item), "maxItems": .number(Double(maxItems))]
    }

    static let storeID = string("Store id, e.g. sh-pudong or sf-bay", maxLength: 40)
    static let stockNumber = string("Dealer stock number, e.g. SH24001", maxLength: 40)
    static let vin = string("17-character VIN", maxLength: 17)
    static let bodyType = string("Body type", enum: BodyType.allCases.map(\.rawValue))
    static let powertrain = string("Powertrain", enum: Powertrain.allCases.map(\.rawValue))
    static let condition = string("Condition", enum: VehicleCondition.allCases.map(\.rawValue))
    static let drivetrain = string("Drivetrain", enum: Drivetrain.allCases.map(\.rawValue))
}
