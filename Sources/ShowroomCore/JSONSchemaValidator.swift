import Foundation

/// Validates a JSON value against the JSON Schema subset our tool schemas use:
/// `type` (object, array, string, number, integer, boolean, null, or a list), `properties`,
/// `required`, `additionalProperties: false`, `enum`, `minimum`/`maximum`,
/// `minLength`/`maxLength` (in code points, as JSON Schema counts), `pattern`, `items`, `minItems`/`maxItems`, `oneOf`/`anyOf` of
/// `required` lists (for "one of stock_number, vin").
///
/// Errors are precise and addressed by JSON pointer-ish paths (`limit: must be ≤ 50`), because
/// a model that sent a bad call needs to read what to fix.
public enum JSONSchemaValidator {
    public static func validate(_ value: JSONValue, against schema: JSONValue, path: String = "") -> [String] {
        var errors: [String] = []
        check(value, schema, path, &errors)
        return errors
    }

    private static func label(_ path: String) -> String { path.isEmpty ? "arguments" : path }

    private static func check(_ value: JSONValue, _ schema: JSONValue, _ path: String, _ errors: inout [String]) {
        guard case .object(let s) = schema else { return }
        if let types = typeList(s["type"]), !types.contains(where: { matches(value, $0) }) {
            errors.append("\(label(path)): expected \(types.joined(separator: " or ")), got \(describe(value))")
            return
        }
        if let options = s["enum"]?.arrayValue, !options.contains(value) {
            let list = options.map { $0.stringValue ?? $0.jsonString() }.joined(separator: ", ")
            errors.append("\(label(path)): must be one of \(list)")
        }
        switch value {
        case .number(let n):
            if let min = s["minimum"]?.doubleValue, n < min { errors.append("\(label(path)): must be ≥ \(format(min))") }
            if let max = s["maximum"]?.doubleValue, n > max { errors.append("\(label(path)): must be ≤ \(format(max))") }
        case .string(let str):
            if let min = s["minLength"]?.intValue, str.unicodeScalars.count < min { errors.append("\(label(path)): must have at least \(min) characters") }
            if let max = s["maxLength"]?.intValue, str.unicodeScalars.count > max { errors.append("\(label(path)): must have at most \(max) characters") }
            if let pattern = s["pattern"]?.stringValue,
               str.range(of: pattern, options: .regularExpression) == nil {
                errors.append("\(label(path)): does not match the expected format")
            }
        case .array(let items):
            if let min = s["minItems"]?.intValue, items.count < min { errors.append("\(label(path)): needs at least \(min) items") }
            if let max = s["maxItems"]?.intValue, items.count > max { errors.append("\(label(path)): allows at most \(max) items") }
            if let itemSchema = s["items"] {
                for (i, item) in items.enumerated() { check(item, itemSchema, "\(path)[\(i)]", &errors) }
            }
        case .object(let obj):
            let props = s["properties"]?.objectValue ?? [:]
            for key in s["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] where obj[key] == nil || obj[key] == .null {
                errors.append("\(join(path, key)): is required")
            }
            if s["additionalProperties"] == .bool(false) {
                for key in obj.keys.sorted() where props[key] == nil {
                    errors.append("\(join(path, key)): is not a known argument")
                }
            }
            for (key, sub) in props.sorted(by: { $0.key < $1.key }) {
                if let v = obj[key], v != .null { check(v, sub, join(path, key), &errors) }
            }
            if let alternatives = s["anyOf"]?.arrayValue ?? s["oneOf"]?.arrayValue {
                let satisfied = alternatives.contains { alt in
                    (alt["required"]?.arrayValue?.compactMap(\.stringValue) ?? []).allSatisfy { obj[$0] != nil && obj[$0] != .null }
                }
                if !satisfied {
                    let sets = alternatives.map { ($0["required"]?.arrayValue?.compactMap(\.stringValue) ?? []).joined(separator: "+") }
                    errors.append("\(label(path)): needs one of \(sets.joined(separator: ", "))")
                }
            }
        default:
            break
        }
    }

    private static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    private static func typeList(_ t: JSONValue?) -> [String]? {
        switch t {
        case .string(let s): [s]
        case .array(let a): a.compactMap(\.stringValue)
        default: nil
        }
    }

    private static func matches(_ value: JSONValue, _ type: String) -> Bool {
        switch (type, value) {
        case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool), ("null", .null): true
        case ("number", .number(let n)): n.isFinite
        case ("integer", .number(let n)): n.isFinite && n.rounded() == n
        default: false
        }
    }

    private static func describe(_ v: JSONValue) -> String {
        switch v {
        case .null: "null"
        case .bool: "boolean"
        case .number(let n): n.rounded() == n ? "integer" : "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    private static func format(_ d: Double) -> String {
        d.rounded() == d ? String(Int64(d)) : String(d)
    }
}
