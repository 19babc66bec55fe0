import Foundation
import Yams

/// `kotoba.yml`: a configuration file, and the effective configuration printed back as YAML.
public enum ConfigurationFile {
    /// The file read when none is named and it exists in the current directory.
    public static let defaultName = "kotoba.yml"

    /// Reads the configuration at `path`.
    /// - Throws: `PipelineError.configurationFile` naming the file and the problem (with its line
    ///   where YAML gives one).
    public static func load(path: String) throws(PipelineError) -> PipelineConfiguration {
        switch YAMLDocument.decode(PipelineConfiguration.self, path: path) {
        case .success(let configuration): return configuration
        case .failure(let problem): throw .configurationFile(path: path, reason: problem.reason)
        }
    }

    /// The configuration as YAML, every key written.
    public static func yaml(_ configuration: PipelineConfiguration) throws(PipelineError) -> String {
        do {
            var text = try YAMLEncoder().encode(configuration)
            // YAMLEncoder leaves out nil values; write them, so every key shows.
            for key in ["dictionary", "themes", "encoding", "text_column", "metadata", "cache", "clusters"]
            where !text.contains("\n\(key):") && !text.hasPrefix("\(key):") {
                text += "\(key): null\n"
            }
            return text
        } catch {
            throw .internal("cannot write the configuration as YAML: \(error)")
        }
    }
}
