import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Validates ADF XML against the ADF 1.0 DTD fixture with libxml2 (through FoundationXML),
/// for suites outside ShowroomCoreTests (whose ADFDocumentTests validate the same way).
public enum ADFValidation {
    public static var dtd: URL {
        TestDatabase.repoRoot.appendingPathComponent("Tests/ShowroomCoreTests/Fixtures/adf-1.0.dtd")
    }

    /// Throws when the document is not well-formed or not valid against the DTD.
    public static func validate(_ xml: String) throws {
        let withDoctype = xml.replacingOccurrences(of: "<adf>", with: "<!DOCTYPE adf SYSTEM \"\(dtd.path)\">\n<adf>")
        let doc = try XMLDocument(xmlString: withDoctype, options: [.documentValidate])
        try doc.validate()
    }
}
