import ShowroomCore
import ShowroomData

extension ModelMatch {
    /// The one catalog model the caller asked for, or a precise error: `unknown_model` (404)
    /// naming the nearest catalog models, or `ambiguous_model` (400) listing the family's models
    /// so the customer can pick — never another model in place of the asked one.
    func requireOne(asked: String) throws -> (make: String, model: String) {
        if let make, let model { return (make, model) }
        if isAmbiguous {
            let options = models.map { "\(make ?? "") \($0)".trimmed }.joined(separator: ", ")
            throw ShowroomError("ambiguous_model", "'\(asked)' could mean \(options); say which one.")
        }
        let hint = suggestions.isEmpty ? "" : " Nearest in the catalog: \(suggestions.joined(separator: ", "))."
        throw ShowroomError("unknown_model", "No model in the catalog matches '\(asked)'.\(hint)", status: 404)
    }
}
