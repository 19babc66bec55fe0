import Foundation
import Synchronization

/// The bytes of the input a run's analysis takes first (the largest), kept from when the run key
/// hashed them (`Pipeline.hashInputs`), for the worker that takes that input.
///
/// Why: a survey is one table. Its worker read it a second time before it could find its rows
/// and hand out chunks, while the other worker waited; the bytes are the ones the key was made
/// of, so they are also the ones its digest says. They are handed over once and then held no
/// longer than that worker holds them.
final class FirstRead: Sendable {
    /// The input's index among the run's inputs.
    let index: Int
    /// Its size in bytes.
    let size: Int
    private let data: Mutex<Data?>

    init(index: Int, data: Data) {
        self.index = index
        size = data.count
        self.data = Mutex(data)
    }

    /// The bytes of input `index` if they are these and were not taken yet.
    func take(_ index: Int) -> Data? {
        guard index == self.index else { return nil }
        return data.withLock { data in
            defer { data = nil }
            return data
        }
    }
}
