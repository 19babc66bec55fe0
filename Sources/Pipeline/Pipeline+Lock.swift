import Foundation
import Reporting

/// The output's lock: one run (or merge) at a time publishes into an output (`OutputLock`).
extension Pipeline {
    /// Locks the output directory and checks that the reports may replace it, before any input
    /// is read: a directory kotoba did not write is refused at once, not after the analysis.
    func takeLock() throws(PipelineError) -> OutputLock {
        do {
            let output = URL(fileURLWithPath: configuration.output)
            let lock = try OutputLock(output: output)
            try ReportPublisher.checkOutput(output)
            return lock
        } catch {
            throw .output(error)
        }
    }
}
