/// A theme to count, such as 地域活性化: a name and the words and phrases that express it, or a
/// KH Coder coding rule a sentence must meet.
public struct Theme: Sendable, Equatable {
    public let name: String
    /// The forms as written in the theme file.
    public let forms: [String]
    /// The forms after the same normalization as the text, used for matching.
    public let normalizedForms: [String]
    /// The condition of a rule theme (a coding-rule file's code, or a YAML theme with `words`,
    /// `globs` or `rule`), its words normalized and keyed like the text; `nil` for a theme of
    /// text forms only, matched by `forms`.
    public let rule: CodingRule?
    /// What the theme is made of, for `kotoba themes check`: `terms`, `rule`, `terms+words` …
    public let kind: String

    public init(name: String, forms: [String], normalizedForms: [String]) {
        precondition(forms.count == normalizedForms.count, "one normalized form per form")
        self.name = name
        self.forms = forms
        self.normalizedForms = normalizedForms
        rule = nil
        kind = "terms"
    }

    /// A rule theme. `forms` only describe it in reports (the condition as written, or a YAML
    /// theme's terms, words, globs and rule): the rule holds everything that is matched.
    public init(name: String, rule: CodingRule, kind: String = "rule", forms: [String] = [], normalizedForms: [String] = []) {
        precondition(forms.count == normalizedForms.count, "one normalized form per form")
        self.name = name
        self.forms = forms
        self.normalizedForms = normalizedForms
        self.rule = rule
        self.kind = kind
    }

    /// How many atoms the theme has: its forms, or its rule's atoms.
    public var atomCount: Int { rule?.atomCount ?? forms.count }
}
