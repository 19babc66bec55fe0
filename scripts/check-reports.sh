#!/usr/bin/env bash
# Checks that kotoba's reports read back right where people open them: runs kotoba on an
# adversarial corpus (terms with a comma, a double quote, a leading '=', an HTML tag, 𠮷 outside
# the BMP and an emoji; document variables with quotes and a line break) and checks the output
# with scripts/check_reports.py: every CSV with Python's csv module and pandas (R's readr too when
# installed), dtm.mtx with scipy.io.mmread (and R's Matrix::readMM when installed) against
# document_terms.csv, the co-occurrence graph (GraphML, GEXF) with networkx against graph/*.csv, and
# report.html: static (nothing from the network, no script), fonts (no tofu), and a headless
# Chromium screenshot that must not be blank.
#
#   scripts/check-reports.sh [--skip-missing]
#
#   KOTOBA=path/to/kotoba       check this binary (default: build and use .build/release/kotoba)
#   KOTOBA_REPORT_PNG=FILE      keep the screenshot there (by default it is taken in the check's
#                               temporary folder and removed with it, unless a check fails; the
#                               user's output/ is never touched)
#   --skip-missing              only warn when report.html or graph/* are missing or the CSV
#                               formula guard is absent (for binaries from before them)
#
# Installs chromium, fontconfig, fonts-noto-cjk, fonts-noto-color-emoji, python3, python3-pandas,
# python3-networkx, python3-scipy and python3-pil with scripts/setup.sh. Exit status 1, with one line per problem, on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD

skip_missing=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --skip-missing) skip_missing=(--skip-missing); shift ;;
        *) echo "usage: scripts/check-reports.sh [--skip-missing]" >&2; exit 64 ;;
    esac
done

# Debian's python3, with Debian's pandas, networkx, scipy and PIL: a pyenv python on PATH has none of them.
python=/usr/bin/python3
KOTOBA_SETUP_EXTRA="chromium fontconfig fonts-noto-cjk fonts-noto-color-emoji python3 python3-pandas python3-networkx python3-scipy python3-pil" \
    scripts/setup.sh
versions=$("$python" -c 'import sys, pandas, networkx, scipy; print(f"Python {sys.version.split()[0]}, pandas {pandas.__version__}, networkx {networkx.__version__}, scipy {scipy.__version__}")') || {
    echo "check-reports: $python cannot import pandas, networkx and scipy, which scripts/setup.sh installed for it" >&2; exit 69; }
echo "check-reports: the Python checks run with $python ($versions), the interpreter the setup installed them for" >&2

if [[ -n "${KOTOBA:-}" ]]; then
    kotoba=$KOTOBA
    [[ "$kotoba" == */* ]] || kotoba=$(command -v "$kotoba" || echo "$kotoba")
    kotoba=$(realpath -m "$kotoba")
    [[ -x "$kotoba" ]] || { echo "check-reports: KOTOBA=$KOTOBA is not an executable" >&2; exit 66; }
else
    scripts/build-release.sh
    kotoba=$repo/.build/release/kotoba
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/kotoba-check-reports.XXXXXX")
# Kept when a check fails, to look at.
keep=0
trap 'if [[ $keep -eq 1 ]]; then echo "check-reports: the corpus and reports are kept in $work" >&2; else rm -rf "$work"; fi' EXIT

# The corpus: a survey table, one document a row; 'note' becomes a document variable. The
# vocabulary force-picks the adversarial strings, so MeCab's tokens become exactly these terms.
# ascii-punctuation is off, or normalization would widen the '=' of =SUM(A1) written after
# Japanese text (＝SUM(A1)), and the force-picked form would not be found.
terms=('=SUM(A1)' 'a,b' 'say"hi"' '𠮷野家' '🍣' '@kotoba' '<b>&amp;</b>')
cat > "$work/survey.csv" <<'CSV'
id,text,note
1,"セルに=SUM(A1)と書くと数式になる。a,bという項目もある。@kotobaに送った。","=1+1"
2,"彼は say""hi"" と言った。𠮷野家で🍣を食べた。<b>&amp;</b>と書いた。","引用""符"
3,"改行を含む
段落です。=SUM(A1)をまた書いた。𠮷野家の🍣はうまい。","複数
行"
4,"a,bとsay""hi""を@kotobaに送った。<b>&amp;</b>も送った。","普通"
CSV
{
    printf 'force_pick:\n'
    for term in "${terms[@]}"; do
        printf "  - '%s'\n" "${term//\'/\'\'}"
    done
} > "$work/vocabulary.yml"

# From the work directory, so that no ./kotoba.yml changes the run.
(cd "$work" && "$kotoba" run survey.csv --text-column text --vocabulary vocabulary.yml \
    --normalization-off ascii-punctuation --group-by note --out out --no-cache -q) || {
    status=$?; keep=1; echo "check-reports: kotoba run failed (exit $status) on the adversarial corpus" >&2; exit 1; }
out=$work/out

# The screenshot, when there is a report.html. Chromium gets a profile of its own and no name
# resolution, so that nothing fetched decides the picture; check_reports.py fails the page for
# any script or remote resource anyway. (--blink-settings=scriptEnabled=false would be nicer, but
# headless Chromium 156 then writes no screenshot at all.) A script's alert() would hang it:
# hence the timeout.
status=0
screenshot=()
if [[ -f "$out/report.html" ]]; then
    # The test corpus's picture has no place in the user's output/: it stays in the work folder.
    png=${KOTOBA_REPORT_PNG:-$work/report.png}
    mkdir -p "$(dirname "$png")"
    png=$(realpath "$png")
    rm -f "$png"
    url=$("$python" -c 'import pathlib, sys; print(pathlib.Path(sys.argv[1]).as_uri())' "$out/report.html")
    if timeout 60 chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars \
            --window-size=1280,5200 --user-data-dir="$work/chromium" --no-first-run \
            --disable-extensions --disable-dev-shm-usage \
            --host-resolver-rules='MAP * ~NOTFOUND' \
            --screenshot="$png" "$url" > "$work/chromium.log" 2>&1; then
        echo "check-reports: screenshot of report.html taken${KOTOBA_REPORT_PNG:+ into $png}" >&2
        screenshot=(--screenshot "$png")
    else
        tail -n 5 "$work/chromium.log" >&2
        echo "check-reports: FAIL report.html: chromium could not take a screenshot of it" >&2
        status=1
    fi
fi

# R's Matrix::readMM, when installed: dtm.mtx's cells as R reads them, for check_reports.py.
r_matrix=()
if [[ -f "$out/dtm.mtx" ]] && command -v Rscript >/dev/null 2>&1 \
        && Rscript -e 'quit(status = !requireNamespace("Matrix", quietly = TRUE))' >/dev/null 2>&1; then
    if Rscript -e 'm <- Matrix::readMM(commandArgs(TRUE)[1]); s <- Matrix::summary(m)
            write.table(data.frame(s$i, s$j, s$x), commandArgs(TRUE)[2], sep = "\t", row.names = FALSE, col.names = FALSE)' \
            "$out/dtm.mtx" "$work/dtm-r.tsv" >&2; then
        r_matrix=(--r-matrix "$work/dtm-r.tsv")
    else
        echo "check-reports: FAIL dtm.mtx: R's Matrix::readMM cannot read it" >&2
        status=1
    fi
else
    echo "check-reports: R's Matrix is not installed: the Matrix::readMM check was skipped" >&2
fi

"$python" scripts/check_reports.py "$out" "${terms[@]}" "${skip_missing[@]}" "${screenshot[@]}" "${r_matrix[@]}" \
    --document-variable 'note==1+1' --document-variable 'note=引用"符' \
    --document-variable $'note=複数\n行' || status=1

# R's readr, when installed: every CSV reads without problems, with its header's width, and the
# terms come back (with the formula guard) in term_frequency.csv.
if command -v Rscript >/dev/null 2>&1 && Rscript -e 'quit(status = !requireNamespace("readr", quietly = TRUE))' >/dev/null 2>&1; then
    cat > "$work/check.R" <<'R'
args <- commandArgs(trailingOnly = TRUE)
skip_missing <- args[1] != "0"; out <- args[2]; terms <- args[-(1:2)]
status <- 0
for (file in list.files(out, pattern = "\\.csv$", recursive = TRUE, full.names = TRUE)) {
    header <- strsplit(sub("^\ufeff", "", readLines(file, n = 1, encoding = "UTF-8")), ",")[[1]]
    table <- suppressWarnings(readr::read_csv(file, col_types = readr::cols(.default = "c"), na = character(),
                             locale = readr::locale(encoding = "UTF-8"), progress = FALSE, lazy = FALSE))
    problems <- readr::problems(table)
    if (nrow(problems) > 0 || (length(header) > 0 && ncol(table) < length(header))) {
        first <- if (nrow(problems) > 0) sprintf(" (row %d: %s)", problems$row[1], problems$expected[1]) else ""
        cat(sprintf("check-reports: FAIL %s: readr reads %d problem(s)%s, %d columns\n", file, nrow(problems), first, ncol(table)), file = stderr())
        status <- 1
    }
    if (basename(file) == "term_frequency.csv") {
        guarded <- ifelse(grepl("^[-=+@\t\r\n]", terms), paste0("'", terms), terms)
        missing <- !(guarded %in% table$term)
        if (skip_missing) missing <- missing & !(terms %in% table$term)
        for (term in guarded[missing]) {
            cat(sprintf("check-reports: FAIL %s: readr does not read term %s\n", file, term), file = stderr())
            status <- 1
        }
    }
}
if (status == 0) cat("check-reports: readr reads every CSV\n")
quit(status = status)
R
    Rscript "$work/check.R" "${#skip_missing[@]}" "$out" "${terms[@]}" || status=1
else
    echo "check-reports: R's readr is not installed: the readr check was skipped" >&2
fi
[[ $status -eq 0 ]] || keep=1
exit $status
