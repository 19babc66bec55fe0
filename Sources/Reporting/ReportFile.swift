import Foundation

/// One file of the output: its path below the output directory and how to render it.
public struct ReportFile: Sendable {
    /// Relative path, e.g. `term_frequency.csv`.
    public let name: String
    /// Writes the file's bytes into the sink it is given; called on a worker thread.
    public let render: @Sendable (ReportSink) throws -> Void
    /// Rendered after every other file (`report.html`, which names the files too long for Excel).
    public var rendersLast = false

    /// A file written piece by piece into a sink, so that it is never whole in memory.
    public init(name: String, render: @escaping @Sendable (_ sink: ReportSink) throws -> Void) {
        self.name = name
        self.render = render
    }

    /// A small file rendered whole.
    public init(name: String, data: @escaping @Sendable () throws -> Data) {
        self.init(name: name) { sink in try sink.write(try data()) }
    }
}
