import Foundation
import Multivariate
import Testing
import TestSupport

/// Correspondence analysis against R's `MASS::corresp` and `ca::ca` on the same tables.
struct CorrespondenceAnalysisTests {
    static let program = """
        args <- commandArgs(trailingOnly = TRUE)
        suppressMessages({ library(MASS); library(ca) })
        d <- as.matrix(read.table(args[1]))
        dimnames(d) <- list(paste0("r", seq_len(nrow(d))), paste0("c", seq_len(ncol(d))))
        nf <- min(dim(d)) - 1
        m <- corresp(d, nf = nf)
        a <- ca(d)
        out <- function(name, x) cat(name, sprintf("%.17g", as.vector(x)), "\\n")
        out("corresp_cor", m$cor)
        out("corresp_rscore", m$rscore)
        out("corresp_cscore", m$cscore)
        out("ca_sv", a$sv)
        out("ca_rowcoord", a$rowcoord[, seq_len(nf)])
        out("ca_colcoord", a$colcoord[, seq_len(nf)])
        out("ca_rowmass", a$rowmass)
        out("ca_colinertia", a$colinertia)
        """

    @Test(arguments: [(12, 4, UInt64(1)), (9, 2, 2), (6, 5, 3), (40, 3, 4)])
    func matchesR(rows: Int, columns: Int, seed: UInt64) throws {
        let table = RFixtures.counts(rows: rows, columns: columns, seed: seed)
        let directory = try TestSupport.temporaryDirectory()
        let file = directory.appendingPathComponent("table.txt")
        try RFixtures.write(table, to: file)
        print("CA against \(try TestSupport.rVersions())")
        let r = try TestSupport.runR(Self.program, arguments: [file.path])
        let ours = try CorrespondenceAnalysis(table: table)
        let axes = min(rows, columns) - 1
        #expect(ours.singularValues.count == axes)
        for (mine, theirs) in zip(ours.singularValues, r["corresp_cor"]!) { #expect(abs(mine - theirs) < 1e-9) }
        for (mine, theirs) in zip(ours.singularValues, r["ca_sv"]!) { #expect(abs(mine - theirs) < 1e-9) }
        for (mine, theirs) in zip(ours.rowMasses, r["ca_rowmass"]!) { #expect(abs(mine - theirs) < 1e-12) }
        // MASS::corresp: rows of d are its rscore (terms here are the rows, as ours).
        #expect(RFixtures.differenceUpToSign(ours.rowStandard, RFixtures.matrix(r["corresp_rscore"]!, rows: rows)) < 1e-6)
        #expect(RFixtures.differenceUpToSign(ours.columnStandard, RFixtures.matrix(r["corresp_cscore"]!, rows: columns)) < 1e-6)
        #expect(RFixtures.differenceUpToSign(ours.rowStandard, RFixtures.matrix(r["ca_rowcoord"]!, rows: rows)) < 1e-6)
        #expect(RFixtures.differenceUpToSign(ours.columnStandard, RFixtures.matrix(r["ca_colcoord"]!, rows: columns)) < 1e-6)
        // Total inertia: the sum of ca's column inertias.
        #expect(abs(ours.totalInertia - r["ca_colinertia"]!.reduce(0, +)) < 1e-9)
    }

    @Test func axesAreSignedByTheirLargestRowCoordinate() throws {
        let ours = try CorrespondenceAnalysis(table: RFixtures.counts(rows: 12, columns: 4, seed: 1))
        for k in ours.singularValues.indices {
            let column = ours.rowStandard.map { $0[k] }
            let largest = column.max { abs($0) < abs($1) }!
            #expect(largest > 0)
        }
    }

    @Test func refusesATableWithOneColumn() {
        #expect(throws: MultivariateError.self) { try CorrespondenceAnalysis(table: [[1], [2], [3]]) }
    }
}
