/// A theme to count, such as 地域活性化: a name and the words and phrases that express it.
public struct Theme: Sendable, Equatable {
    public let name: String
    /// The forms as written in the theme file.
    public let forms: [String]
    /// The forms after the same normalization as the text, used for matching.
    public let normalizedForms: [String]

    public init(name: String, forms: [String], normalizedForms: [String]) {
        precondition(forms.count == normalizedForms.count, "one normalized form per form")
        self.name = name
        self.forms = forms
        self.normalizedForms = normalizedForms
    }
}
