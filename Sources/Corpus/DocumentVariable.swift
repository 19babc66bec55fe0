/// A named value attached to a document: a column of a survey table or of a metadata file.
public struct DocumentVariable: Sendable, Hashable, Codable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
