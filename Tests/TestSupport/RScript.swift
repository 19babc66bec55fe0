import Foundation

extension TestSupport {
    /// R is the oracle of the multivariate maps; scripts/test.sh installs it (r-base-core,
    /// r-cran-mass, r-cran-ca). A test that needs it fails when it is missing: it never skips.
    public struct RUnavailable: Error, CustomStringConvertible {
        public var description: String {
            "Rscript is not on PATH: the multivariate tests check kotoba against R; run scripts/test.sh, "
                + "which installs r-base-core, r-cran-mass and r-cran-ca"
        }
    }

    /// A failed R program, with what it printed.
    public struct RFailed: Error, CustomStringConvertible {
        public var status: Int32
        public var message: String
        public var description: String { "Rscript exited \(status): \(message)" }
    }

    /// The `Rscript` command.
    public static func rscript() throws -> URL {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            let url = URL(fileURLWithPath: String(directory)).appendingPathComponent("Rscript")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        throw RUnavailable()
    }

    /// Runs the R `program` with `arguments` (`commandArgs(trailingOnly = TRUE)`) and reads what
    /// it prints as lines of `name value value …`, numbers as R prints them with `%.17g`: a
    /// dictionary of name to values (text that is no number is skipped, so names may repeat a
    /// label after them).
    public static func runR(_ program: String, arguments: [String] = []) throws -> [String: [Double]] {
        let directory = try temporaryDirectory()
        let script = directory.appendingPathComponent("oracle.R")
        try Data(program.utf8).write(to: script)
        let result = try run(try rscript(), ["--vanilla", script.path] + arguments)
        guard result.status == 0 else { throw RFailed(status: result.status, message: result.standardError) }
        var values: [String: [Double]] = [:]
        for line in result.output.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard let name = fields.first else { continue }
            values[String(name)] = fields.dropFirst().compactMap { Double($0) }
        }
        return values
    }

    /// The versions of R, MASS and ca in use, as one line (`R 4.2.2, MASS 7.3-58.2, ca 0.71.1`).
    public static func rVersions() throws -> String {
        let directory = try temporaryDirectory()
        let script = directory.appendingPathComponent("versions.R")
        try Data(
            """
            cat(sprintf("R %s, MASS %s, ca %s\\n", paste(R.version$major, R.version$minor, sep = "."),
                packageVersion("MASS"), packageVersion("ca")))
            """.utf8
        ).write(to: script)
        let result = try run(try rscript(), ["--vanilla", script.path])
        guard result.status == 0 else { throw RFailed(status: result.status, message: result.standardError) }
        return result.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
