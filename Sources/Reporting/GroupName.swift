/// The name the reports give a group of `--group-by`.
///
/// Counts key a group by its speaker, folder or variable value, and text with none (outside
/// every speaker's turn, or a document without the variable) by the empty string. An empty cell
/// would read as a missing value (pandas' NaN, which a `groupby` drops silently), so the reports
/// call that group `(none)` (`group_terms.csv`, `theme_by_group.csv`, their JSON, `summary.json`,
/// `report.html`). A real group of that name must not merge with it unseen: a group really named
/// `(none)` is reported as `(none) (named)`, and one named `(none) (named)` as
/// `(none) (named) (named)`, and so on, so that no two groups share a name (the run warns when it
/// renames one).
public enum GroupName {
    /// The name of the group of text with no speaker, folder or value.
    public static let unnamed = "(none)"

    /// What a real group's name gets when it is taken.
    static let suffix = " (named)"

    /// The name reports give the group counted under `key`.
    public static func shown(_ key: String) -> String {
        if key.isEmpty { return unnamed }
        return isReserved(key) ? key + suffix : key
    }

    /// Whether `key`, a real group's name, is `(none)` or `(none)` followed by ` (named)`s: a name
    /// `shown` gives another group.
    public static func isReserved(_ key: String) -> Bool {
        guard key.hasPrefix(unnamed) else { return false }
        var rest = key.dropFirst(unnamed.count)
        while rest.hasPrefix(suffix) { rest = rest.dropFirst(suffix.count) }
        return rest.isEmpty
    }
}
