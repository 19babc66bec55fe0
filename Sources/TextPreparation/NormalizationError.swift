/// A failure of the ICU library while normalizing text.
public struct NormalizationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// ICU's `UErrorCode` value.
    public let code: Int32
    /// ICU's name for the code (`U_MEMORY_ALLOCATION_ERROR` …).
    public let name: String

    public var description: String { "ICU normalization failed: \(name) (\(code))" }
}
