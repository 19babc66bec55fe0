import Foundation
import Multivariate
import Testing
import TestSupport

/// The multivariate maps as `kotoba run` writes them, checked against R on the bundled interview
/// and on a second corpus (a survey table): R redoes each analysis from the table and the 2×2
/// counts kotoba wrote. R is installed by scripts/test.sh; without it these tests fail.
struct MultivariateReportTests {
    static let mapFiles = [
        "correspondence.csv", "correspondence_inertia.csv", "correspondence_table.csv", "clusters.csv",
        "cluster_merges.csv", "cluster_distances.csv", "mds.csv",
    ]

    /// R from kotoba's files: the correspondence analysis of correspondence_table.csv (rows and
    /// columns in correspondence.csv's order), the clustering of the distances recomputed from
    /// cluster_distances.csv's a, b, c, n, cmdscale, and isoMDS on the terms mds.csv kept.
    static let program = """
        args <- commandArgs(trailingOnly = TRUE)
        out <- args[1]; distance <- args[2]; method <- args[3]
        suppressMessages({ library(MASS); library(ca) })
        rd <- function(f) read.csv(file.path(out, f), stringsAsFactors = FALSE, encoding = "UTF-8",
                                   colClasses = "character", na.strings = character(0))
        o <- function(name, x) cat(name, sprintf("%.17g", as.vector(x)), "\\n")
        co <- rd("correspondence.csv"); tab <- rd("correspondence_table.csv")
        terms <- unique(paste(co$label[co$kind == "term"], co$pos[co$kind == "term"], sep = "\\t"))
        cols <- unique(co$label[co$kind != "term"])
        m <- matrix(0, length(terms), length(cols))
        m[cbind(match(paste(tab$term, tab$pos, sep = "\\t"), terms), match(tab$label, cols))] <- as.numeric(tab$count)
        nf <- min(dim(m)) - 1
        r <- corresp(m, nf = nf); a <- ca(m)
        o("eigenvalues", r$cor^2); o("ca_eigenvalues", a$sv^2)
        o("rscore", r$rscore); o("cscore", r$cscore); o("rowcoord", a$rowcoord[, seq_len(nf)])
        dd <- rd("cluster_distances.csv"); cl <- rd("clusters.csv")
        A <- as.numeric(dd$a); B <- as.numeric(dd$b); C <- as.numeric(dd$c); N <- as.numeric(dd$n)
        v <- switch(distance,
            jaccard = 1 - A / (A + B + C),
            dice = 1 - 2 * A / (2 * A + B + C),
            simpson = 1 - A / pmin(A + B, A + C),
            cosine = 1 - A / sqrt((A + B) * (A + C)),
            euclid = sqrt(pmax(0, 2 * (N - 1) * (1 - (N * A - (A + B) * (A + C)) / sqrt((A + B) * (N - A - B) * (A + C) * (N - A - C))))))
        n <- nrow(cl)
        full <- matrix(0, n, n); full[cbind(as.integer(dd$number_b), as.integer(dd$number_a))] <- v
        d <- as.dist(full)
        o("distances", d)
        h <- hclust(d, method = method)
        o("merge", h$merge); o("height", h$height); o("order", h$order)
        o("cutree", cutree(h, k = as.integer(cl$clusters[1])))
        o("cmdscale", cmdscale(d, k = 2))
        md <- rd("mds.csv"); keep <- as.integer(md$number[md$method == "kruskal"])
        dk <- as.dist(as.matrix(d)[keep, keep])
        i <- isoMDS(dk, k = 2, maxit = 3000, tol = 1e-6, trace = FALSE)
        o("stress", i$stress)
        """

    func kotoba(_ arguments: [String], in directory: URL) throws -> TestSupport.ProcessResult {
        try TestSupport.run(TestSupport.kotoba, arguments, in: directory)
    }

    func table(_ directory: URL, _ name: String) throws -> [[String]] {
        try TestSupport.readCSV(directory.appendingPathComponent(name))
    }

    func column(_ rows: [[String]], _ name: String) -> [String] {
        guard let index = rows.first?.firstIndex(of: name) else { return [] }
        return rows.dropFirst().map { $0[index] }
    }

    func numbers(_ rows: [[String]], _ name: String) -> [Double] { column(rows, name).map { Double($0) ?? .nan } }

    /// The largest difference between two lists of points (by axis) once each axis is signed alike.
    func differenceUpToSign(_ ours: [[Double]], _ theirs: [[Double]]) -> Double {
        guard ours.count == theirs.count, let axes = ours.first?.count else { return .infinity }
        var largest = 0.0
        for k in 0..<axes {
            let same = zip(ours, theirs).map { abs($0[k] - $1[k]) }.max() ?? 0
            let flipped = zip(ours, theirs).map { abs($0[k] + $1[k]) }.max() ?? 0
            largest = max(largest, min(same, flipped))
        }
        return largest
    }

    /// Checks a run's maps against R.
    func checkAgainstR(_ output: URL, distance: PresenceDistance, method: HierarchicalClustering.Method) throws {
        print("maps of \(output.lastPathComponent) against \(try TestSupport.rVersions())")
        let r = try TestSupport.runR(Self.program, arguments: [output.path, distance.rawValue, method.rawValue])
        // Correspondence analysis: eigenvalues and standard coordinates, to the CSV's six decimals.
        let inertia = try table(output, "correspondence_inertia.csv")
        let eigenvalues = numbers(inertia, "eigenvalue")
        #expect(eigenvalues.count == r["eigenvalues"]!.count)
        #expect(eigenvalues.count >= 1)
        for (ours, theirs) in zip(eigenvalues, r["eigenvalues"]!) { #expect(abs(ours - theirs) < 1e-6) }
        for (ours, theirs) in zip(eigenvalues, r["ca_eigenvalues"]!) { #expect(abs(ours - theirs) < 1e-6) }
        let points = try table(output, "correspondence.csv")
        let (kinds, dimensions, standard) = (column(points, "kind"), column(points, "dimension"), numbers(points, "standard"))
        let axes = min(2, eigenvalues.count)
        func coordinates(_ term: Bool) -> [[Double]] {
            var result: [[Double]] = []
            for (index, kind) in kinds.enumerated() where (kind == "term") == term {
                if dimensions[index] == "1" { result.append([]) }
                if result[result.count - 1].count < axes { result[result.count - 1].append(standard[index]) }
            }
            return result
        }
        let rows = coordinates(true)
        let columns = coordinates(false)
        /// R's column-major matrix `name` of `count` rows, its first `axes` columns, by row.
        func rMatrix(_ name: String, rows count: Int) -> [[Double]] {
            let values = r[name]!
            guard count > 0, values.count >= count * axes else { return [] }
            return (0..<count).map { i in (0..<axes).map { values[$0 * count + i] } }
        }
        #expect(differenceUpToSign(rows, rMatrix("rscore", rows: rows.count)) < 1e-6)
        #expect(differenceUpToSign(rows, rMatrix("rowcoord", rows: rows.count)) < 1e-6)
        #expect(differenceUpToSign(columns, rMatrix("cscore", rows: columns.count)) < 1e-6)

        // Clustering: the same merges and memberships; heights to the CSV's decimals, and to 1e-9
        // from the same counts in this process.
        let clusters = try table(output, "clusters.csv")
        let n = clusters.count - 1
        #expect(n >= 3)
        let merges = try table(output, "cluster_merges.csv")
        let merge = r["merge"]!.map { Int($0) }
        #expect(column(merges, "member_a").compactMap { Int($0) } == Array(merge.prefix(n - 1)))
        #expect(column(merges, "member_b").compactMap { Int($0) } == Array(merge.suffix(n - 1)))
        for (ours, theirs) in zip(numbers(merges, "height"), r["height"]!) { #expect(abs(ours - theirs) < 1e-6) }
        #expect(column(clusters, "cluster").compactMap { Int($0) } == r["cutree"]!.map { Int($0) })
        var leaves = [Int](repeating: 0, count: n)
        for (place, object) in r["order"]!.enumerated() { leaves[Int(object) - 1] = place + 1 }
        #expect(column(clusters, "leaf").compactMap { Int($0) } == leaves)
        let pairs = try table(output, "cluster_distances.csv")
        let (a, b, c, units) = (numbers(pairs, "a"), numbers(pairs, "b"), numbers(pairs, "c"), numbers(pairs, "n"))
        let distances = a.indices.map { distance.distance(a: Int(a[$0]), b: Int(b[$0]), c: Int(c[$0]), n: Int(units[$0])) }
        for (ours, theirs) in zip(distances, r["distances"]!) { #expect(abs(ours - theirs) < 1e-12) }
        let tree = HierarchicalClustering(distances: distances, count: n, method: method)
        #expect(tree.heights.count == r["height"]!.count)
        for (ours, theirs) in zip(tree.heights, r["height"]!) { #expect(abs(ours - theirs) < 1e-9) }

        // MDS: cmdscale up to sign; isoMDS's stress on the terms kept, from cmdscale's start.
        let mds = try table(output, "mds.csv")
        let methods = column(mds, "method")
        let (xs, ys) = (numbers(mds, "x"), numbers(mds, "y"))
        let classical = methods.indices.filter { methods[$0] == "classical" }.map { [xs[$0], ys[$0]] }
        let values = r["cmdscale"]!
        #expect(differenceUpToSign(classical, (0..<n).map { [values[$0], values[n + $0]] }) < 1e-6)
        let stress = methods.indices.filter { methods[$0] == "kruskal" }.map { numbers(mds, "stress")[$0] }
        #expect(!stress.isEmpty)
        if let ours = stress.first { #expect(abs(ours - r["stress"]![0]) < 1e-4, "stress \(ours) vs \(r["stress"]![0])") }
    }

    @Test func theBundledInterviewBySpeakerMatchesR() throws {
        let root = try TestSupport.workspaceWithCorpus()
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try kotoba(["run", "--group-by", "speaker", "--csv-dialect", "unix", "--no-cache", "-q"], in: root)
        #expect(run.status == 0, "\(run.standardError)")
        let output = root.appendingPathComponent("output")
        try checkAgainstR(output, distance: .jaccard, method: .wardD2)
        // report.html draws the three maps, with Japanese labels.
        let html = try String(contentsOf: output.appendingPathComponent("report.html"), encoding: .utf8)
        for title in ["correspondence analysis biplot", "dendrogram:", "multidimensional scaling"] {
            #expect(html.contains("<title>\(title)"), "report.html has no \(title)")
        }
        #expect(html.contains(">中小</text>"))
    }

    /// A survey table: one document a row, a group variable with three values.
    func survey() throws -> URL {
        let root = try TestSupport.temporaryDirectory()
        let sentences = [
            "地域の企業を支援する制度が必要だ。", "商店街の活性化には若い人の力が要る。", "観光客が増えて地域の店が潤った。",
            "中小企業の人材不足は深刻だ。", "行政の支援は手続きが複雑で使いにくい。", "若い人が地域に残る仕組みを考えたい。",
            "観光と商店街をつなぐ企画が面白い。", "企業同士の連携で新しい商品が生まれた。", "人材育成の研修を地域で開く。",
            "手続きの簡素化を行政に求める。", "商品の販路を広げる支援がほしい。", "地域の祭りに観光客が集まった。",
        ]
        var csv = "id,属性,text\n"
        for (index, sentence) in sentences.enumerated() {
            let group = ["商店", "製造", "行政"][index % 3]
            csv += "\(index + 1),\(group),\"\(sentence)\(sentences[(index + 5) % sentences.count])\(sentences[(index * 7 + 3) % sentences.count])\"\n"
        }
        try TestSupport.write(["survey.csv": Data(csv.utf8)], in: root)
        return root
    }

    @Test(arguments: [
        (["--group-by", "属性"], PresenceDistance.cosine, HierarchicalClustering.Method.complete),
        ([], .dice, .average), (["--unit", "document"], .euclid, .wardD2), ([], .simpson, .wardD2),
    ])
    func aSurveyMatchesR(extra: [String], distance: PresenceDistance, method: HierarchicalClustering.Method) throws {
        let root = try survey()
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try kotoba(
            [
                "run", "survey.csv", "--text-column", "text", "--csv-dialect", "unix", "--no-cache", "-q",
                "--cluster-terms", "20", "--clusters", "3", "--cluster-distance", distance.rawValue,
                "--cluster-method", method.rawValue, "--ca-terms", "15",
            ] + extra, in: root)
        #expect(run.status == 0, "\(run.standardError)")
        try checkAgainstR(root.appendingPathComponent("output"), distance: distance, method: method)
    }

    @Test func theMapsAreTheSameBytesAtOneAndTwoJobs() throws {
        let root = try TestSupport.workspaceWithCorpus()
        defer { try? FileManager.default.removeItem(at: root) }
        for jobs in ["1", "2"] {
            let run = try kotoba(
                ["run", "--group-by", "speaker", "--jobs", jobs, "--out", "jobs-\(jobs)", "--no-cache", "-q", "--format", "json"],
                in: root)
            #expect(run.status == 0, "\(run.standardError)")
        }
        let jsonFiles = Self.mapFiles.map { $0.replacingOccurrences(of: ".csv", with: ".json") }
        for file in Self.mapFiles + jsonFiles + ["report.html"] {
            let one = try Data(contentsOf: root.appendingPathComponent("jobs-1/\(file)"))
            let two = try Data(contentsOf: root.appendingPathComponent("jobs-2/\(file)"))
            #expect(one == two, "\(file) differs between 1 and 2 jobs")
        }
    }

    @Test func parametersTheMapsCannotServeAreUsageErrors() throws {
        let root = try survey()
        defer { try? FileManager.default.removeItem(at: root) }
        let base = ["run", "survey.csv", "--text-column", "text", "--no-cache", "-q"]
        let cases: [(arguments: [String], message: String)] = [
            (["--ca-dims", "0"], "--ca-dims"),
            (["--clusters", "70", "--cluster-terms", "60"], "--clusters"),
            (["--cluster-terms", "200", "--clusters", "150"], "--clusters 150"),
            (["--group-by", "id", "--ca-terms", "1"], "--ca-terms"),
        ]
        for (arguments, message) in cases {
            let run = try kotoba(base + arguments, in: root)
            #expect(run.status == 64, "\(arguments): \(run.status) \(run.standardError)")
            #expect(run.standardError.contains(message), "\(arguments): \(run.standardError)")
        }
        // A group variable with one value: correspondence analysis compares two groups or more.
        var csv = "id,地区,text\n"
        for index in 1...4 { csv += "\(index),荒川,地域の企業を支援する制度が必要だ。観光客が増えた。\n" }
        try TestSupport.write(["one.csv": Data(csv.utf8)], in: root)
        let one = try kotoba(["run", "one.csv", "--text-column", "text", "--group-by", "地区", "--no-cache", "-q"], in: root)
        #expect(one.status == 64, "\(one.standardError)")
        #expect(one.standardError.contains("荒川"), "\(one.standardError)")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("output").path))
    }
}
