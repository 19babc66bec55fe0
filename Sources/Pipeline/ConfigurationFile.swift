import Foundation
import Yams

/// `kotoba.yml`: a configuration file, and the effective configuration printed back as YAML.
public enum ConfigurationFile {
    /// The file read when none is named and it exists in the current directory.
    public static let defaultName = "kotoba.yml"

    /// The keys a configuration file may hold: those of `PipelineConfiguration.settings` (the
    /// options' names, `min_pair_count`), and the keys of their nested mappings (a file list's
    /// `path` and `separator`).
    static let schema = YAMLSchema(
        keys: PipelineConfiguration.settings.map(\.key),
        nested: Dictionary(
            uniqueKeysWithValues: PipelineConfiguration.settings.compactMap { setting in setting.nested.map { (setting.key, $0) } }))

    /// Reads the configuration at `path`. Every key is optional, so an empty file (or one of
    /// comments only) is the default configuration; an unknown key is an error, with the key
    /// meant where one is near.
    /// - Throws: `PipelineError.configurationFile` naming the file and the problem (with its line
    ///   where YAML gives one), for a value out of range too.
    public static func load(path: String) throws(PipelineError) -> PipelineConfiguration {
        switch YAMLDocument.decode(PipelineConfiguration.self, path: path, schema: schema) {
        case .success(let configuration):
            do {
                try configuration.validateValues()
            } catch {
                throw .configurationFile(path: path, reason: error.description)
            }
            return configuration
        case .failure(let problem): throw .configurationFile(path: path, reason: problem.reason)
        }
    }

    /// The configuration every command starts from: the file `path` names, else `kotoba.yml` in
    /// the current directory if there is one, else the defaults of a file without keys
    /// (`PipelineConfiguration.fileDefaults`: a job per core, the user's cache). The command
    /// line's options are applied on top by the caller. Returns the file read, if any.
    public static func effective(path: String?) throws(PipelineError) -> (configuration: PipelineConfiguration, file: String?) {
        let file = path ?? (FileManager.default.fileExists(atPath: defaultName) ? defaultName : nil)
        guard let file else { return (PipelineConfiguration.fileDefaults, nil) }
        return (try load(path: file), file)
    }

    /// The configuration as YAML: every key of `PipelineConfiguration.settings`, in its order, a
    /// `nil` value as `null`.
    public static func yaml(_ configuration: PipelineConfiguration) throws(PipelineError) -> String {
        do {
            return try YAMLEncoder().encode(configuration, userInfo: [PipelineConfiguration.writesNulls: true])
        } catch {
            throw .internal("cannot write the configuration as YAML: \(error)")
        }
    }
}
