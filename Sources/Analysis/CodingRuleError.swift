/// A problem in a coding-rule file, at a line and column (both from 1; columns count characters),
/// with a reason the user can act on. `description` is `LINE:COL: reason`; callers put the file
/// name in front (`themes.cod:7:14: ')' expected after near(A-B`).
public struct CodingRuleError: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var reason: String

    public init(line: Int, column: Int, reason: String) {
        self.line = line
        self.column = column
        self.reason = reason
    }

    public var description: String { "\(line):\(column): \(reason)" }
}
