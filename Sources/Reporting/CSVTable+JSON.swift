import Foundation

extension CSVTable {
    /// The table as JSON for programs (`--format json`): an array with one object per row, keyed by
    /// the English column names whatever the CSV header language; integers and decimals as JSON
    /// numbers (decimals with the CSV's six places, so both files say the same), text unguarded.
    /// One row per line, so diffs and `grep` stay useful.
    public func json() -> Data {
        let keys = header.map(JSONText.string)
        var text = "["
        for (index, row) in rows.enumerated() {
            text += index == 0 ? "\n" : ",\n"
            text += "{"
            for (column, cell) in row.enumerated() {
                if column > 0 { text += "," }
                text += (column < keys.count ? keys[column] : JSONText.string("column_\(column + 1)")) + ":"
                switch cell {
                case .text(let value): text += JSONText.string(value)
                case .integer(let value): text += String(value)
                case .decimal(let value): text += value.isFinite ? Self.format(value) : "null"
                }
            }
            text += "}"
        }
        text += rows.isEmpty ? "]\n" : "\n]\n"
        return Data(text.utf8)
    }
}
