/// A document of the corpus as read: a whole text file, or one row of a table.
///
/// Its fields live in one shared box (`Storage`), copied only when a copy is changed: a document
/// passes through several stages and the compiler copies it at some of their calls, and a copy
/// that retained and released its five strings and arrays one by one cost about 170 instructions
/// (a survey's row was copied four to five times, docs/PERFORMANCE.md), where a copy of the box
/// is one retain.
public struct SourceDocument: Sendable {
    /// The fields themselves, held by the box and copied out of it only to change one.
    @usableFromInline struct Fields: Sendable {
        @usableFromInline var path: String
        @usableFromInline var reportPath: String
        @usableFromInline var record: Int?
        @usableFromInline var format: TextFormat
        @usableFromInline var encoding: TextEncoding
        @usableFromInline var byteCount: Int
        @usableFromInline var sha256: String
        @usableFromInline var text: String
        @usableFromInline var variables: [DocumentVariable]
    }

    /// The shared box: never changed, replaced by a new one when a field is set.
    @usableFromInline final class Storage: Sendable {
        @usableFromInline let fields: Fields

        init(_ fields: Fields) { self.fields = fields }
    }

    /// The shared fields. The getters below are inlinable, so that a stage that only reads a
    /// field borrows it where it can rather than retain it.
    @usableFromInline var storage: Storage

    /// Sets one field, in a new box (the old one may be shared). Off the hot path: readers give
    /// every field to the initializer.
    private mutating func update<Value>(_ field: WritableKeyPath<Fields, Value>, to value: Value) {
        var fields = storage.fields
        fields[keyPath: field] = value
        storage = Storage(fields)
    }

    /// The input's display path (see `InputSource.displayPath`), for messages.
    public var path: String {
        @inlinable get { storage.fields.path }
        set { update(\.path, to: newValue) }
    }
    /// The path the reports give the document (`InputSource.reportPath`; for a line of
    /// `--lines`, its id).
    public var reportPath: String {
        @inlinable get { storage.fields.reportPath }
        set { update(\.reportPath, to: newValue) }
    }
    /// For a row of a table: its number among the data rows, from 1.
    public var record: Int? {
        @inlinable get { storage.fields.record }
        set { update(\.record, to: newValue) }
    }
    /// How the text is laid out (a table row's text is plain).
    public var format: TextFormat {
        @inlinable get { storage.fields.format }
        set { update(\.format, to: newValue) }
    }
    /// The encoding the file was read in.
    public var encoding: TextEncoding {
        @inlinable get { storage.fields.encoding }
        set { update(\.encoding, to: newValue) }
    }
    /// Size of the document's source in bytes: the file as stored, or a row's text in UTF-8.
    public var byteCount: Int {
        @inlinable get { storage.fields.byteCount }
        set { update(\.byteCount, to: newValue) }
    }
    /// SHA-256 of those bytes, lowercase hex.
    public var sha256: String {
        @inlinable get { storage.fields.sha256 }
        set { update(\.sha256, to: newValue) }
    }
    /// The decoded text (without byte-order mark).
    public var text: String {
        @inlinable get { storage.fields.text }
        set { update(\.text, to: newValue) }
    }
    /// The document's variables: the other columns of its row, then those of the metadata file.
    public var variables: [DocumentVariable] {
        @inlinable get { storage.fields.variables }
        set { update(\.variables, to: newValue) }
    }

    /// A document whose report path is `reportPath`, or `path` when not given.
    public init(
        path: String, reportPath: String? = nil, record: Int? = nil, format: TextFormat, encoding: TextEncoding,
        byteCount: Int, sha256: String, text: String, variables: [DocumentVariable] = []
    ) {
        storage = Storage(
            Fields(
                path: path, reportPath: reportPath ?? path, record: record, format: format, encoding: encoding,
                byteCount: byteCount, sha256: sha256, text: text, variables: variables))
    }
}
