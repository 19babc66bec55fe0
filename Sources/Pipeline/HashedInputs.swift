/// What a run learned of each input as it read and hashed them all for its key (`Pipeline.hashInputs`),
/// which the analysis need not find out again: each input's SHA-256 and size (`nil` where it
/// could not be read), and the bytes of the input the analysis takes first (`FirstRead`).
///
/// The sizes order the analysis's inputs, largest first (`Pipeline.largestFirst`): without them
/// every input was looked up again (`stat`), a few milliseconds on one core for 1,787 files.
struct HashedInputs: Sendable {
    var digests: [String?]
    var sizes: [Int?]
    var firstRead: FirstRead?
}
