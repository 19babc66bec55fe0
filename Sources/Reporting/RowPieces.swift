import Dispatch
import Synchronization

/// The rows of a table of items (`CSVTable.init(header:itemCount:rowsOf:)`) made in pieces, by
/// the worker writing the file and by the publisher's spare workers at once, and written in
/// order. Each item's rows depend on that item alone, so a piece (a run of items) can be made
/// anywhere; the file's bytes are those of the items written one after another.
///
/// Pieces are claimed in item order. A piece is about `pieceSize` bytes of text: the items it
/// takes follow the bytes per item seen so far. At most `window` pieces are claimed ahead of the
/// one written next, which bounds the memory pieces hold to a few chunks. The writer makes pieces
/// itself whenever the next one to write is not ready, so it waits only for a piece another
/// worker is making.
final class RowPieces: Sendable {
    private struct Claim {
        var sequence: Int
        var items: Range<Int>
        var buffer: [UInt8]
    }

    private struct State {
        var nextItem = 0
        /// Pieces claimed: their sequence numbers are `0..<claimed`.
        var claimed = 0
        /// Pieces handed to the writer.
        var written = 0
        var itemsPerPiece = 16
        var itemsMade = 0
        var bytesMade = 0
        /// Pieces made and not yet written, by sequence number.
        var made: [Int: CSVTable.RowWriter] = [:]
        /// Buffers of written pieces, for the next ones.
        var buffers: [[UInt8]] = []
        /// The writer, when it waits for piece `written`.
        var waiting: DispatchSemaphore?
        var isClosed = false
    }

    private let state = Mutex(State())
    private let count: Int
    private let rowsOf: CSVTable.ItemRowSource
    /// A writer of the file's kind, for the pieces.
    private let template: CSVTable.RowWriter
    private let pieceSize: Int
    private let window: Int
    private let spareWorkers: SpareWorkers

    private init(
        count: Int, rowsOf: @escaping CSVTable.ItemRowSource, template: CSVTable.RowWriter, pieceSize: Int,
        spareWorkers: SpareWorkers
    ) {
        self.count = count
        self.rowsOf = rowsOf
        self.template = template
        self.pieceSize = max(1, pieceSize)
        self.window = 2 * max(1, spareWorkers.workers)
        self.spareWorkers = spareWorkers
    }

    /// Writes the rows of `count` items after the text in `rows` (a header, say), through
    /// `chunks`, making them in pieces with the help of `spareWorkers`.
    /// - Returns: how many rows were written.
    static func write(
        _ count: Int, _ rowsOf: @escaping CSVTable.ItemRowSource, after rows: inout CSVTable.RowWriter,
        chunks: inout ChunkWriter, spareWorkers: SpareWorkers
    ) throws(ReportError) -> Int {
        try chunks.flush(&rows.bytes)
        let pieces = RowPieces(
            count: count, rowsOf: rowsOf, template: rows, pieceSize: min(chunks.chunkSize, CSVTable.chunkSize),
            spareWorkers: spareWorkers)
        spareWorkers.offer(pieces)
        defer { spareWorkers.withdraw(pieces) }
        var written = 0
        while var piece = pieces.next() {
            if rows.rowCount + written == 0 { piece.dropFirstRowSeparator() }
            written += piece.rowCount
            try chunks.flush(&piece.bytes)
            pieces.recycle(piece.bytes)
        }
        return written
    }

    /// Whether a spare worker could make a piece now.
    var hasWork: Bool {
        state.withLock { canClaim($0) }
    }

    /// Makes one piece, for a spare worker; false if there was none to make.
    func makeOnePiece() -> Bool {
        guard let claim = state.withLock({ claim(&$0) }) else { return false }
        make(claim)
        return true
    }

    private func canClaim(_ state: State) -> Bool {
        !state.isClosed && state.nextItem < count && state.claimed - state.written < window
    }

    private func claim(_ state: inout State) -> Claim? {
        guard canClaim(state) else { return nil }
        let items = state.nextItem..<min(count, state.nextItem + state.itemsPerPiece)
        state.nextItem = items.upperBound
        defer { state.claimed += 1 }
        return Claim(sequence: state.claimed, items: items, buffer: state.buffers.popLast() ?? [])
    }

    private func make(_ claim: Claim) {
        var writer = template.piece(reusing: claim.buffer, capacity: pieceSize + pieceSize / 4)
        for item in claim.items { rowsOf(item, &writer) }
        let bytes = writer.bytes.count
        let writerWaiting = state.withLock { state -> DispatchSemaphore? in
            state.itemsMade += claim.items.count
            state.bytesMade += bytes
            let perPiece = Double(pieceSize) * Double(state.itemsMade) / Double(max(1, state.bytesMade))
            state.itemsPerPiece = Int(min(Double(count), max(1, perPiece)))
            state.made[claim.sequence] = writer
            guard claim.sequence == state.written, let waiting = state.waiting else { return nil }
            state.waiting = nil
            return waiting
        }
        writerWaiting?.signal()
    }

    /// The next piece in order, for the writer, made by whoever claimed it; nil once every item
    /// is written.
    private func next() -> CSVTable.RowWriter? {
        enum Step {
            case write(CSVTable.RowWriter)
            case make(Claim)
            case wait
            case done
        }
        let semaphore = DispatchSemaphore(value: 0)
        while true {
            let step = state.withLock { state -> Step in
                if let piece = state.made.removeValue(forKey: state.written) {
                    state.written += 1
                    return .write(piece)
                }
                if state.written == state.claimed && state.nextItem == count { return .done }
                if let claim = claim(&state) { return .make(claim) }
                // Piece `written` is being made by a spare worker: everything up to the window is claimed.
                state.waiting = semaphore
                return .wait
            }
            switch step {
            case .write(let piece):
                spareWorkers.windowMoved()
                return piece
            case .make(let claim): make(claim)
            case .wait: semaphore.wait()
            case .done: return nil
            }
        }
    }

    /// Keeps a written piece's buffer for a later piece.
    private func recycle(_ buffer: [UInt8]) {
        state.withLock { $0.buffers.append(buffer) }
    }

    /// Stops claims: the file is written, or failed.
    func close() {
        state.withLock { $0.isClosed = true }
    }
}
