import Foundation

/// The stage clock: how long each stage of a run took, and when it started, for the manifest.
extension Pipeline {
    /// Stage timings for the manifest.
    struct Clock {
        let started = Date()
        private var last = Date()
        private(set) var durations: [String: Int] = [:]

        mutating func lap(_ stage: String) {
            durations[stage] = Int((Date().timeIntervalSince(last) * 1000).rounded())
            last = Date()
        }
    }

    /// `date` as the manifest writes times: ISO 8601, UTC.
    static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
