import Analysis
import Corpus
import Foundation

extension Reports {
    /// Settings that shape the reports (not the counts).
    public struct Options: Sendable {
        public var minimumPairCount: Int
        public var bounds: TermBounds
        public var groupTop: Int
        /// Dialect, encoding and header language of the CSV files.
        public var csv: CSVFormat
        /// Also write each table as JSON (`--format json`).
        public var json: Bool
        /// Edges drawn in the co-occurrence network (ties at the cut are kept, as KH Coder does).
        public var networkEdges: Int
        /// Terms listed per theme in `theme_terms.csv`.
        public var themeTermsTop = 30
        /// The measure pairs are ranked and network edges chosen by.
        public var measure: AssociationMeasure
        /// The multivariate maps' settings.
        public var maps = MapOptions()
        /// Where the CSV files record their rows, for the files too long for Excel (a limit of
        /// its own in tests).
        public var spreadsheetRows = SpreadsheetRows()

        public init(
            minimumPairCount: Int = 2, bounds: TermBounds = TermBounds(), groupTop: Int = 30,
            csv: CSVFormat = .excel, json: Bool = false, networkEdges: Int = 60, measure: AssociationMeasure = .jaccard
        ) {
            self.minimumPairCount = minimumPairCount
            self.bounds = bounds
            self.groupTop = groupTop
            self.csv = csv
            self.json = json
            self.networkEdges = networkEdges
            self.measure = measure
        }
    }
}
