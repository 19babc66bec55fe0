import Synchronization

/// The CSV files of a run too long for Excel, which shows at most 1,048,576 rows of a sheet
/// (the header included) and silently drops the rest.
///
/// Each CSV file records its rows as it is written; `report.html`, written after the others,
/// names those past the limit with a remedy, and the run logs a warning for each.
public final class SpreadsheetRows: Sendable {
    /// A CSV file past the limit.
    public struct Overflow: Sendable, Equatable {
        /// The file's path in the output.
        public var file: String
        /// Its rows, the header included.
        public var rows: Int

        /// What to do instead of opening the file in Excel.
        public var remedy: String {
            let others = "open it with R (readr), pandas or a database instead of Excel"
            switch file {
            case "document_terms.csv":
                return "load dtm.mtx (the same counts as a sparse matrix: Matrix::readMM, scipy.io.mmread), "
                    + "raise --min-df or --min-tf, or \(others)"
            case "cooccurrence.csv":
                return "raise --min-pair-count or --min-df, or \(others)"
            case "document_themes.csv", "kwic.csv":
                return "use fewer themes or --kwic words, or \(others)"
            default:
                return "raise --min-tf or --min-df, or \(others)"
            }
        }
    }

    /// Excel's limit: 2^20 rows a sheet.
    public static let excelLimit = 1_048_576

    /// The most rows (header included) a file may have; `excelLimit` but in tests.
    public let limit: Int
    private let overflows = Mutex<[Overflow]>([])

    public init(limit: Int = SpreadsheetRows.excelLimit) {
        self.limit = limit
    }

    /// Records that `file` was written with `rows` rows, the header included.
    public func record(file: String, rows: Int) {
        guard rows > limit else { return }
        overflows.withLock { $0.append(Overflow(file: file, rows: rows)) }
    }

    /// The files past the limit, by name.
    public var overflowing: [Overflow] {
        overflows.withLock { $0 }.sorted { $0.file.utf8.lexicographicallyPrecedes($1.file.utf8) }
    }
}
