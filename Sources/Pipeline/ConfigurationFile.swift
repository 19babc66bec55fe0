import Foundation
import Yams

/// `kotoba.yml`: a configuration file, and the effective configuration printed back as YAML.
public enum ConfigurationFile {
    /// The file read when none is named and it exists in the current directory.
    public static let defaultName = "kotoba.yml"

    /// The keys a configuration file may hold: the options' names (`min_pair_count`), and a file
    /// list's `path` and `separator`.
    static let schema = YAMLSchema(
        keys: PipelineConfiguration.CodingKeys.allCases.map(\.rawValue),
        nested: [PipelineConfiguration.CodingKeys.fileLists.rawValue: YAMLSchema(keys: ["path", "separator"])])

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
    /// the current directory if there is one, else the defaults (a job per core, the user's
    /// cache). The command line's options are applied on top by the caller. Returns the file
    /// read, if any.
    public static func effective(path: String?) throws(PipelineError) -> (configuration: PipelineConfiguration, file: String?) {
        let file = path ?? (FileManager.default.fileExists(atPath: defaultName) ? defaultName : nil)
        guard let file else {
            return (
                PipelineConfiguration(jobs: ProcessInfo.processInfo.activeProcessorCount, cache: PipelineConfiguration.defaultCacheDirectory),
                nil
            )
        }
        return (try load(path: file), file)
    }

    /// The configuration as YAML, every key written.
    public static func yaml(_ configuration: PipelineConfiguration) throws(PipelineError) -> String {
        do {
            var text = try YAMLEncoder().encode(configuration)
            // YAMLEncoder leaves out nil values; write them, so every key shows.
            for key in ["root", "dictionary", "themes", "encoding", "text_column", "metadata", "cache", "clusters"]
            where !text.contains("\n\(key):") && !text.hasPrefix("\(key):") {
                text += "\(key): null\n"
            }
            return text
        } catch {
            throw .internal("cannot write the configuration as YAML: \(error)")
        }
    }
}
