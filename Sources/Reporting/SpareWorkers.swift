import Dispatch
import Synchronization

/// The publisher's workers that have no file left to start, lent to the files still being
/// written: a large table being written offers its rows in pieces (`RowPieces`), and a spare
/// worker makes one piece at a time of whichever table has one to make, until every file is
/// written. So the last large files are not left to one worker each while the others idle.
final class SpareWorkers: Sendable {
    private struct State {
        var offers: [RowPieces] = []
        var filesLeft: Int
        /// Spare workers waiting for a piece to make or the last file to finish.
        var sleepers: [DispatchSemaphore] = []
    }

    /// How many workers write files.
    let workers: Int
    private let state: Mutex<State>

    init(files: Int, workers: Int) {
        self.workers = workers
        state = Mutex(State(filesLeft: files))
    }

    /// Offers `pieces` to spare workers.
    func offer(_ pieces: RowPieces) {
        state.withLock { $0.offers.append(pieces) }
        wakeSleepers()
    }

    /// Withdraws `pieces`, written (or failed): no piece of it is claimed any more.
    func withdraw(_ pieces: RowPieces) {
        pieces.close()
        state.withLock { $0.offers.removeAll { $0 === pieces } }
    }

    /// A piece was written, so another may be claimed.
    func windowMoved() {
        wakeSleepers()
    }

    /// A file is written (or failed).
    func fileFinished() {
        state.withLock { $0.filesLeft -= 1 }
        wakeSleepers()
    }

    /// Makes pieces of the tables being written, for a worker with no file left to start,
    /// until every file is written.
    func help() {
        enum Step {
            case make(RowPieces)
            case sleep
            case done
        }
        let semaphore = DispatchSemaphore(value: 0)
        while true {
            let step = state.withLock { state -> Step in
                if let pieces = state.offers.first(where: \.hasWork) { return .make(pieces) }
                if state.filesLeft == 0 { return .done }
                state.sleepers.append(semaphore)
                return .sleep
            }
            switch step {
            case .make(let pieces): _ = pieces.makeOnePiece()
            case .sleep: semaphore.wait()
            case .done: return
            }
        }
    }

    private func wakeSleepers() {
        let sleepers = state.withLock { state in
            defer { state.sleepers = [] }
            return state.sleepers
        }
        for sleeper in sleepers { sleeper.signal() }
    }
}
