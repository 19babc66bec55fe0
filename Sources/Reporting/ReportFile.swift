import Foundation

/// One file of the output: its path below the output directory and how to render it.
public struct ReportFile: Sendable {
    /// Relative path, e.g. `term_frequency.csv`.
    public let name: String
    /// Renders the file's bytes; called on a worker thread.
    public let render: @Sendable () throws -> Data

    public init(name: String, render: @escaping @Sendable () throws -> Data) {
        self.name = name
        self.render = render
    }
}
