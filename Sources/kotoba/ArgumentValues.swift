import ArgumentParser

/// An option type whose values and their descriptions are made once (`ArgumentValues`), not
/// every time the argument parser asks for them.
///
/// Why: the parser asks a type for them (`allValueStrings`, `allValueDescriptions`, and its
/// completion kind, made of the strings) every time it makes an option of that type, that is
/// every time it builds a command's arguments, some sixty times a run. Made anew each time, they
/// were about a sixth of the parse, which every run pays on one core before anything else starts
/// (`--normalize`'s values alone were made 180 times a run, 47,000 instructions each).
protocol OptionValues: ExpressibleByArgument, CaseIterable, RawRepresentable where RawValue: ExpressibleByArgument {
    /// The type's values, made once: `ArgumentValues(of: Self.self)` in a `static let`.
    static var argumentValues: ArgumentValues { get }
}

extension OptionValues {
    public static var allValueStrings: [String] { argumentValues.strings }
    public static var allValueDescriptions: [String: String] { argumentValues.descriptions }
}

/// A type's values and their descriptions as `ExpressibleByArgument`'s defaults for a
/// `CaseIterable` and `RawRepresentable` type make them, computed the same way.
struct ArgumentValues: Sendable {
    let strings: [String]
    let descriptions: [String: String]

    init<T: OptionValues>(of type: T.Type) {
        strings = T.allCases.map(\.rawValue.defaultValueDescription)
        descriptions = T.allCases.reduce(into: [:]) { descriptions, value in
            if value.rawValue.defaultValueDescription != value.defaultValueDescription {
                descriptions[value.rawValue.defaultValueDescription] = value.defaultValueDescription
            }
        }
    }
}
