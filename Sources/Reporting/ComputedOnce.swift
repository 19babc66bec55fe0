import Synchronization

/// A value computed on first use and shared by the report files that need it, from any thread:
/// a table written both as CSV and as JSON, or read by the summary too, is built once. A second
/// caller waits for the first instead of computing it again.
final class ComputedOnce<Value: Sendable>: Sendable {
    private let make: @Sendable () -> Value
    private let cache = Mutex<Value?>(nil)

    init(_ make: @escaping @Sendable () -> Value) {
        self.make = make
    }

    var value: Value {
        cache.withLock { cached in
            if let cached { return cached }
            let value = make()
            cached = value
            return value
        }
    }
}
