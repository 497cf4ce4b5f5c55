import Testing
@testable import ShowroomCore

@Suite struct JSONSchemaValidatorTests {
    let schema: JSONValue = [
        "type": "object",
        "properties": [
            "store_id": ["type": "string", "maxLength": 40],
            "limit": ["type": "integer", "minimum": 1, "maximum": 50],
            "body_type": ["type": "string", "enum": ["sedan", "suv"]],
            "models": ["type": "array", "minItems": 2, "items": ["type": "object", "properties": ["model": ["type": "string"]], "required": ["model"]]],
        ],
        "required": ["store_id"],
        "additionalProperties": false,
    ]

    @Test func validArgumentsHaveNoErrors() {
        #expect(JSONSchemaValidator.validate(["store_id": "sf-bay", "limit": 5, "body_type": "suv"], against: schema).isEmpty)
    }

    @Test func eachProblemIsNamedPrecisely() {
        let errors = JSONSchemaValidator.validate(["limit": 500, "body_type": "electric car", "color": "red"], against: schema)
        #expect(errors.contains("store_id: is required"))
        #expect(errors.contains("limit: must be ≤ 50"))
        #expect(errors.contains("body_type: must be one of sedan, suv"))
        #expect(errors.contains("color: is not a known argument"))
    }

    @Test func typesAndNestedItemsAreChecked() {
        let errors = JSONSchemaValidator.validate(["store_id": 7, "limit": 2.5, "models": [["model": "Han"]]], against: schema)
        #expect(errors.contains("store_id: expected string, got integer"))
        #expect(errors.contains("limit: expected integer, got number"))
        #expect(errors.contains("models: needs at least 2 items"))
        let nested = JSONSchemaValidator.validate(["store_id": "x", "models": [["model": "Han"], ["make": "BYD"]]], against: schema)
        #expect(nested == ["models[1].model: is required"])
    }
}
