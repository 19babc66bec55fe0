import Corpus
import Foundation
import Reporting

/// What decides a run's reports, hashed: the analysis identity, the settings that shape reports,
/// the metadata table, the input root (`ReportPaths`, which the manifest records) and every
/// input's report path, format and SHA-256. A run whose key equals the one
/// its output's manifest records, and whose output files are intact, would write the same bytes
/// again, so it writes nothing (`Pipeline.run`, unless `force`): a scheduled job over an
/// unchanged corpus costs a pass of hashing. A run that cannot be up to date (no such manifest,
/// or `force`) does not make that pass: its key is made after the analysis, from the digests of
/// the bytes the workers read (`Pipeline.runKey(_:setup:records:)`), and is the same key.
///
/// The worker count, the cache directory and the output directory are left out: the reports do
/// not depend on them. Standard input has no key (it cannot be read twice).
struct RunKey {
    let value: String

    init(
        analysis: String, configuration: PipelineConfiguration, root: String?,
        inputs: [(path: String, format: String, sha256: String)]
    ) {
        var settings = configuration
        settings.jobs = 1
        settings.cache = nil
        settings.output = ""
        let metadata = configuration.metadata.map {
            ContentHash.sha256((try? Data(contentsOf: URL(fileURLWithPath: $0))) ?? Data())
        } ?? "none"
        var text = "kotoba run key 1\n\(Pipeline.version)\n\(analysis)\n\(settings.sha256)\nmetadata \(metadata)\nroot \(root ?? "-")\n"
        for input in inputs { text += "\(input.path)\t\(input.format)\t\(input.sha256)\n" }
        value = ContentHash.sha256(Data(text.utf8))
    }

    /// What a manifest says of the run that wrote it, as far as the check needs it.
    struct Recorded: Decodable {
        struct Counts: Decodable {
            var documents: Int
            var sentences: Int
            var vocabulary: Int
        }

        var runKey: String?
        var status: String
        var counts: Counts
        var outputs: [ReportPublisher.PublishedFile]

        enum CodingKeys: String, CodingKey {
            case runKey = "run_key", status, counts, outputs
        }
    }

    /// What the manifest of `output` records, if a complete run wrote it under a key: the only
    /// output a run can find itself up to date with. Without one (a fresh output folder, a run
    /// that failed or skipped an input), the run's inputs are not hashed before they are analyzed
    /// (`Pipeline.run`).
    static func recorded(at output: String) -> Recorded? {
        let manifestPath = URL(fileURLWithPath: output).appendingPathComponent(ReportPublisher.manifestName).path
        guard let data = FileManager.default.contents(atPath: manifestPath),
            let manifest = try? JSONDecoder().decode(Recorded.self, from: data),
            manifest.runKey != nil, manifest.status == "ok"
        else { return nil }
        return manifest
    }

    /// Whether `recorded`, what the manifest of `output` records (`recorded(at:)`), was written
    /// under this key and every file it lists is still there, unchanged: of the size it records
    /// and not modified after the manifest, which is written last (as `make` judges files by
    /// their times; hashing 100 MB of reports again would cost more than the rest of the check).
    func isUnchanged(_ recorded: Recorded, at output: String) -> Bool {
        let directory = URL(fileURLWithPath: output)
        let manifestPath = directory.appendingPathComponent(ReportPublisher.manifestName).path
        guard recorded.runKey == value, let written = Self.modified(manifestPath) else { return false }
        for file in recorded.outputs {
            let path = directory.appendingPathComponent(file.path).path
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                (attributes[.size] as? Int) == file.bytes, let modified = Self.modified(path), modified <= written
            else { return false }
        }
        return true
    }

    /// The modification time of `path`, in nanoseconds.
    static func modified(_ path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec)
    }
}
