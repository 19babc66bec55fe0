/// What the manifest and partial files record of an input: its path, size, SHA-256, the
/// encoding and format it was read in, and how many documents it gave.
struct InputRecord: Sendable, Codable, Equatable {
    var path: String
    var bytes: Int
    var sha256: String
    var encoding: String
    var format: String
    var documents: Int
}
