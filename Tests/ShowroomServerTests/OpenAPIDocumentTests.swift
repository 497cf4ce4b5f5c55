import Foundation
import ShowroomCore
import ShowroomData
import ShowroomTestSupport
import Testing
@testable import ShowroomServer

@Suite struct OpenAPIDocumentTests {
    let doc = OpenAPIDocument.build()

    @Test func theDocumentIsOpenAPI31WithTheThreeSecuritySchemes() {
        #expect(doc["openapi"] == "3.1.0")
        let schemes = doc["components"]?["securitySchemes"]?.objectValue?.keys.sorted()
        #expect(schemes == ["publishableKey", "sessionToken", "staffKey"])
    }

    @Test func everyStaffOperationDocumentsItsRefusalsAndTheErrorShape() {
        for op in OpenAPICatalog.all where op.leastRole != nil {
            let responses = doc["paths"]?[op.path]?[op.method]?["responses"]
            for status in ["401", "403", "404"] {
                #expect(responses?[status]?["content"]?["application/json"]?["schema"] == ["$ref": "#/components/schemas/Error"],
                        "\(op.id) \(status)")
            }
            if !op.body.isEmpty { #expect(responses?["413"] != nil, "\(op.id)") }
            #expect(doc["paths"]?[op.path]?[op.method]?["security"] == [["staffKey": []]])
        }
        for op in OpenAPICatalog.all where op.path.hasPrefix("/v1/chat") {
            #expect(doc["paths"]?[op.path]?[op.method]?["responses"]?["429"] != nil, "\(op.id)")
        }
    }

    @Test func theMCPEndpointAndEachStaffOperationsLeastRoleAreDocumented() {
        #expect(doc["paths"]?["/mcp"]?["post"]?["security"] == [["staffKey": []]])
        #expect(doc["paths"]?["/mcp"]?["post"]?["responses"]?["401"] != nil)
        for op in OpenAPICatalog.all {
            #expect(doc["paths"]?[op.path]?[op.method]?["x-least-role"] == op.leastRole.map { .string($0.rawValue) }, "\(op.id)")
        }
        #expect(doc["paths"]?["/v1/staff/agents/reload"]?["post"]?["x-least-role"] == "admin")
        #expect(doc["paths"]?["/v1/chat/sessions"]?["post"]?["x-least-role"] == nil)
    }

    @Test func everyReferencedComponentExists() {
        let names = Set(doc["components"]?["schemas"]?.objectValue?.keys.map { $0 } ?? [])
        var refs: Set<String> = []
        func walk(_ v: JSONValue) {
            switch v {
            case .object(let o):
                if let r = o["$ref"]?.stringValue { refs.insert(String(r.split(separator: "/").last!)) }
                o.values.forEach(walk)
            case .array(let a): a.forEach(walk)
            default: break
            }
        }
        walk(doc)
        #expect(refs.isSubset(of: names), "missing: \(refs.subtracting(names))")
    }

    @Test func requestSchemasRefuseWhatTheHandlersRefuse() {
        let body = try! #require(OpenAPICatalog.staffReply.body["application/json"])
        #expect(!JSONSchemaValidator.validate(["text": "   \u{3000}\t"], against: body).isEmpty)
        #expect(!JSONSchemaValidator.validate(["text": "a\u{0}"], against: body).isEmpty)
        #expect(JSONSchemaValidator.validate(["text": " ok "], against: body).isEmpty)
        let unit = try! #require(OpenAPICatalog.inventoryCreate.body["application/json"])
        #expect(unit["additionalProperties"] == false)
        // Quiet hours: everything the schema (which the handler applies first) accepts, QuietHours
        // accepts too (schemathesis found "00:00-00:00" schema-valid but refused).
        let settings = try! #require(OpenAPICatalog.storeSettings.body["application/json"])
        func schemaAccepts(_ text: String) -> Bool { JSONSchemaValidator.validate(["quiet_hours": .string(text)], against: settings).isEmpty }
        for text in ["21:00-09:00", "00:00-23:59", "12:00-13:30"] {
            #expect(schemaAccepts(text) && (try? QuietHours(text)) != nil, "\(text)")
        }
        for text in ["00:00-00:00", "09:30-09:30", "24:00-08:00", "9:00-17:00", "late", "21:00-09:00-10:00"] {
            #expect(!schemaAccepts(text), "\(text)")
        }
    }
}

@Suite(.enabled(if: TestDatabase.available)) struct OpenAPIRoutesTests {
    @Test func theDocumentIsServedAndUndocumentedMethodsAnswer405WithAllow() async throws {
        try await StaffHarness.with { h in
            let doc = try await h.json(.get, "/openapi.json")
            #expect(doc.status == 200)
            #expect(doc.json["paths"]?["/v1/staff/inventory"]?["get"]?["operationId"] == "listInventory")
            let put = try await h.call(.put, "/v1/staff/inventory")
            #expect(put.status == 405)
            #expect(put.headers[.allow] == "GET, POST")
            #expect(JSONValue.parse(put.text)?["error"]?["code"] == "method_not_allowed")
            #expect(try await h.call(.delete, "/v1/chat/sessions").status == 405)
        }
    }
}
