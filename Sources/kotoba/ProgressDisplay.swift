import Foundation
import Pipeline
import Synchronization

/// A one-line progress bar on standard error (inputs, MB/s, ETA), drawn only when standard error
/// is a terminal and logs are text: in pipelines, cron mails and log files there is no animation
/// and no escape code. It uses no colour (so `NO_COLOR` has nothing to turn off).
final class ProgressDisplay: Sendable {
    private let state = Mutex<(lastDraw: Double, drawn: Bool)>((-1, false))

    /// A display, or `nil` where none should be drawn.
    static func make(logging: LoggingOptions) -> ProgressDisplay? {
        guard isatty(STDERR_FILENO) == 1, logging.logFormat == .text, !logging.quiet else { return nil }
        return ProgressDisplay()
    }

    /// Draws `progress`, at most ten times a second (and always the last step).
    func update(_ progress: Pipeline.Progress) {
        let done = progress.inputsDone == progress.inputsTotal
        let line: String? = state.withLock { state in
            guard done || progress.seconds - state.lastDraw >= 0.1 else { return nil }
            state.lastDraw = progress.seconds
            state.drawn = !done
            return Self.line(progress)
        }
        // The last step ends the line, so that log lines after it start on their own.
        if let line { FileHandle.standardError.write(Data(("\r" + line + "\u{1B}[K" + (done ? "\n" : "")).utf8)) }
    }

    /// Ends the bar's line, if one was drawn and not finished (the run stopped early).
    func finish() {
        if state.withLock({ $0.drawn }) { FileHandle.standardError.write(Data("\n".utf8)) }
    }

    static func line(_ progress: Pipeline.Progress) -> String {
        let fraction = progress.bytesTotal > 0 ? Double(progress.bytesDone) / Double(progress.bytesTotal) : 1
        let width = 24
        let filled = Int((fraction * Double(width)).rounded(.down))
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        let rate = progress.seconds > 0 ? Double(progress.bytesDone) / progress.seconds / 1_000_000 : 0
        let remaining = rate > 0 ? Double(progress.bytesTotal - progress.bytesDone) / 1_000_000 / rate : 0
        return String(
            format: "[%@] %d/%d inputs  %.1f MB/s  ETA %ds", bar, progress.inputsDone, progress.inputsTotal, rate,
            Int(remaining.rounded()))
    }
}
