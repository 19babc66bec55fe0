import Corpus
import Foundation

/// One key of `kotoba.yml`, declared once in `PipelineConfiguration.settings`: its name in the
/// file, the property it sets, how its value is read and written, the range it must keep, and the
/// help the command line's option for it prints. Decoding, the strict check of unknown keys,
/// `kotoba dump-config`, the defaults of a run and the options' help all come from that table, so
/// a key cannot be accepted by one of them and missed by another.
public struct ConfigurationSetting: Sendable {
    /// The key in the file: the option's name with `_` (`min_pair_count`).
    public let key: String
    /// The command-line option that sets it (`--min-pair-count`), or `nil` when only the file does.
    public let option: String?
    /// What the setting does: the option's help, word for word (`kotoba run --help`).
    public let help: String
    /// The property it sets, to find the setting from the code (`setting(\.window)`).
    let property: any AnyKeyPath & Sendable
    /// The keys of a nested mapping (a file list's `path` and `separator`).
    let nested: YAMLSchema?
    /// The least value a number may take, if it is bounded.
    let minimum: Minimum?
    /// Reads the key into a configuration: the value given, else the value when absent.
    let decode: @Sendable (KeyedDecodingContainer<ConfigurationKey>, inout PipelineConfiguration) throws -> Void
    /// Writes the key; a `nil` value is left out, or written as `null` when `nulls` is set.
    let encode: @Sendable (PipelineConfiguration, inout KeyedEncodingContainer<ConfigurationKey>, _ nulls: Bool) throws -> Void
    /// Sets the value a configuration has when the key is absent (`PipelineConfiguration.fileDefaults`).
    let setAbsent: @Sendable (inout PipelineConfiguration) -> Void

    /// The least value a number may take (`nil`: unbounded, or no number).
    public var leastValue: Int? { minimum?.value }

    /// Why `configuration`'s value of this key is below its least value, or `nil` when it is in
    /// range (or unbounded, or unset).
    func problem(_ configuration: PipelineConfiguration) -> String? {
        let path: AnyKeyPath = property
        guard let minimum, let number = configuration[keyPath: path] as? Int else { return nil }
        return minimum.problem(key, number)
    }

    /// The coding key of this setting.
    var codingKey: ConfigurationKey { ConfigurationKey(key) }
}

/// A key of `kotoba.yml` as a coding key: any string, so that the keys are the table's.
public struct ConfigurationKey: CodingKey, Hashable, Sendable {
    public let stringValue: String
    public var intValue: Int? { nil }

    public init(_ key: String) { stringValue = key }
    public init?(stringValue: String) { self.stringValue = stringValue }
    public init?(intValue: Int) { nil }
}

extension ConfigurationSetting {
    /// How one value is read from and written to its key: `Codable` as it is, a name from a fixed
    /// set (refused with the names it may take), or a text encoding by any of its names.
    struct Codec<Value>: Sendable {
        let decode: @Sendable (KeyedDecodingContainer<ConfigurationKey>, ConfigurationKey) throws -> Value?
        let encode: @Sendable (Value, inout KeyedEncodingContainer<ConfigurationKey>, ConfigurationKey) throws -> Void
    }

    /// A lower bound on a number, with the words of its message.
    struct Minimum: Sendable {
        let value: Int

        /// `name` (a key, or an option in quotes) below the bound: `… must be at least 1`, or
        /// `… cannot be negative` for a bound of 0.
        func message(_ name: String) -> String {
            value == 0 ? "\(name) cannot be negative" : "\(name) must be at least \(value)"
        }

        /// `key` at `number`, if it is below the bound: `key must be at least 1 (got 0)`, or
        /// `key cannot be negative (got -1)` for a bound of 0.
        func problem(_ key: String, _ number: Int) -> String? {
            guard number < value else { return nil }
            return "\(message(key)) (got \(number))"
        }
    }

    /// A key whose value is always set: when the key is absent (or `null`), the value is
    /// `whenAbsent`'s, else the property's default (`PipelineConfiguration()`).
    static func value<Value: Sendable>(
        _ key: String, _ property: any WritableKeyPath<PipelineConfiguration, Value> & Sendable, _ codec: Codec<Value>,
        option: String? = nil, minimum: Minimum? = nil, whenAbsent: (@Sendable () -> Value)? = nil, help: String
    ) -> ConfigurationSetting {
        let setAbsent: @Sendable (inout PipelineConfiguration) -> Void = { configuration in
            configuration[keyPath: property] = whenAbsent?() ?? PipelineConfiguration()[keyPath: property]
        }
        return ConfigurationSetting(
            key: key, option: option, help: help, property: property, nested: nil, minimum: minimum,
            decode: { container, configuration in
                if let value = try codec.decode(container, ConfigurationKey(key)) {
                    configuration[keyPath: property] = value
                } else {
                    setAbsent(&configuration)
                }
            },
            encode: { configuration, container, _ in
                try codec.encode(configuration[keyPath: property], &container, ConfigurationKey(key))
            },
            setAbsent: setAbsent)
    }

    /// A key whose value may be `nil`: `null` in the file sets `nil`; an absent key sets
    /// `whenAbsent`'s value, else the property's default.
    static func optional<Value: Sendable>(
        _ key: String, _ property: any WritableKeyPath<PipelineConfiguration, Value?> & Sendable, _ codec: Codec<Value>,
        option: String? = nil, minimum: Minimum? = nil, whenAbsent: (@Sendable () -> Value?)? = nil, help: String
    ) -> ConfigurationSetting {
        let setAbsent: @Sendable (inout PipelineConfiguration) -> Void = { configuration in
            configuration[keyPath: property] = whenAbsent?() ?? PipelineConfiguration()[keyPath: property]
        }
        return ConfigurationSetting(
            key: key, option: option, help: help, property: property, nested: nil, minimum: minimum,
            decode: { container, configuration in
                let codingKey = ConfigurationKey(key)
                if container.contains(codingKey) {
                    configuration[keyPath: property] = try codec.decode(container, codingKey)
                } else {
                    setAbsent(&configuration)
                }
            },
            encode: { configuration, container, nulls in
                let codingKey = ConfigurationKey(key)
                if let value = configuration[keyPath: property] {
                    try codec.encode(value, &container, codingKey)
                } else if nulls {
                    try container.encodeNil(forKey: codingKey)
                }
            },
            setAbsent: setAbsent)
    }

    /// This setting, whose value is a mapping (or a list of them) with the keys of `nested`.
    func nesting(_ nested: YAMLSchema) -> ConfigurationSetting {
        ConfigurationSetting(
            key: key, option: option, help: help, property: property, nested: nested, minimum: minimum, decode: decode,
            encode: encode, setAbsent: setAbsent)
    }
}

extension ConfigurationSetting.Codec where Value: Codable & SendableMetatype {
    /// The value as `Codable` reads and writes it.
    static var plain: Self {
        Self(
            decode: { container, key in try container.decodeIfPresent(Value.self, forKey: key) },
            encode: { value, container, key in try container.encode(value, forKey: key) })
    }
}

extension ConfigurationSetting.Codec where Value: Encodable & SendableMetatype {
    /// A value read from a name: `parse` gives it, or `nil` for a name refused with `refusal`'s
    /// message; written as `Encodable` writes it.
    static func named(_ parse: @escaping @Sendable (String) -> Value?, refusal: @escaping @Sendable (String) -> String)
        -> Self
    {
        Self(
            decode: { container, key in
                guard let name = try container.decodeIfPresent(String.self, forKey: key) else { return nil }
                guard let value = parse(name) else {
                    throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: refusal(name))
                }
                return value
            },
            encode: { value, container, key in try container.encode(value, forKey: key) })
    }
}

extension ConfigurationSetting.Codec
where Value: RawRepresentable & CaseIterable & Codable & SendableMetatype, Value.RawValue == String {
    /// One of a fixed set of names, refused with the names it may take (Swift's own message only
    /// says that the value is invalid).
    static var choice: Self {
        named({ Value(rawValue: $0) }) { name in
            "'\(name)' is not one of \(Value.allCases.map(\.rawValue).joined(separator: ", "))"
        }
    }
}

extension ConfigurationSetting.Codec where Value == TextEncoding {
    /// A text encoding by any of its names (`shift_jis`, `cp932`, `sjis` …); written as its own.
    static var textEncoding: Self {
        named({ TextEncoding(name: $0) }) { "unknown encoding '\($0)'" }
    }
}

extension ConfigurationSetting.Codec where Value == Int {
    /// The configuration's version: this build reads up to `PipelineConfiguration.currentVersion`.
    static var version: Self {
        Self(
            decode: { container, key in
                guard let version = try container.decodeIfPresent(Int.self, forKey: key) else { return nil }
                guard version <= PipelineConfiguration.currentVersion else {
                    throw DecodingError.dataCorruptedError(
                        forKey: key, in: container,
                        debugDescription:
                            "version \(version) is not supported (highest: \(PipelineConfiguration.currentVersion))")
                }
                return version
            },
            encode: { value, container, key in try container.encode(value, forKey: key) })
    }
}

extension ConfigurationSetting.Minimum {
    /// At least `value`.
    static func atLeast(_ value: Int) -> Self { Self(value: value) }
    /// Not negative.
    static let notNegative = Self(value: 0)
}

extension PipelineConfiguration {
    /// Why `value` given to the command-line option `option` is out of its key's range
    /// (`'--jobs' must be at least 1`), or `nil` when it is in range or the option has no bound:
    /// the command line checks its numbers against the same table as `kotoba.yml`.
    /// `shownAs` names the option in the message where a command spells it otherwise (`kwic`'s
    /// `--context` for `--kwic-context`).
    public static func rangeProblem(option: String, value: Int, shownAs: String? = nil) -> String? {
        guard let minimum = settings.first(where: { $0.option == option })?.minimum, value < minimum.value else {
            return nil
        }
        return minimum.message("'\(shownAs ?? option)'")
    }
}
