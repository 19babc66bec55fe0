#!/usr/bin/python3
"""Checks the reports of a kotoba run the way their readers see them.

    check_reports.py OUTDIR [TERM ...] [--skip-missing] [--screenshot PNG]
                     [--document-variable NAME=VALUE ...]

Run by scripts/check-reports.sh, which writes an adversarial corpus, runs kotoba on it and takes a
screenshot of report.html; it can be run by hand on any output directory. Needs Debian's python3
(/usr/bin/python3) with python3-pandas, python3-networkx and python3-pil, and fontconfig.

- Every *.csv (recursively): starts with the UTF-8 byte-order mark, ends every record with CRLF
  (line breaks inside quoted fields are data), decodes as UTF-8, reads with the csv module
  (encoding utf-8-sig, strict quoting) with as many fields on every row as in the header, and
  pandas.read_csv(..., encoding="utf-8-sig") gives the same cells. No text cell may start with
  = + - @ TAB CR LF (a formula to Excel) unless it is a number: kotoba's excel dialect prefixes '.
- Each TERM comes back identically in term_frequency.csv (and document_terms.csv), read as
  "'" + TERM when TERM starts with one of those characters. Each --document-variable NAME=VALUE
  is found, the same way, in documents.csv's column NAME.
- graph/cooccurrence.graphml and graph/cooccurrence.gexf load with networkx; every node has a
  non-empty label, an integer frequency >= 1 and a community, every edge a weight in (0, 1]; they
  agree with graph/nodes.csv and graph/edges.csv (counts, labels, frequencies, weights).
- report.html loads nothing from the network and has no script; the TERMs are in its text;
  every character of its text has a glyph in some installed font, and the first installed family
  of its font stack covers its Japanese text. --screenshot PNG: the screenshot is not blank.

--skip-missing turns missing reports (report.html, graph/*) and a missing formula guard into
warnings, for testing against a kotoba that does not write them yet. Exit status 1 on any
failure, with one line per problem naming the file.
"""

import argparse
import csv
import html.parser
import math
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

GUARD_START = ("=", "+", "-", "@", "\t", "\r", "\n")
NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
GRAPH_FILES = ("graph/nodes.csv", "graph/edges.csv", "graph/cooccurrence.graphml", "graph/cooccurrence.gexf")
NODE_COLUMNS = ["Id", "Label", "pos", "frequency", "documents", "community", "x", "y"]
EDGE_COLUMNS = ["Source", "Target", "Type", "Weight", "sentences"]


class Checker:
    def __init__(self, out: Path, skip_missing: bool):
        self.out = out
        self.skip_missing = skip_missing
        self.failures: list[str] = []
        self.warnings: list[str] = []
        self.checked: list[str] = []

    def fail(self, file, problem: str):
        self.failures.append(f"{self.name(file)}: {problem}")

    def tolerate(self, file, problem: str):
        """A failure, or with --skip-missing only a warning."""
        if self.skip_missing:
            self.warnings.append(f"{self.name(file)}: {problem} (tolerated by --skip-missing)")
        else:
            self.fail(file, problem)

    def name(self, file) -> str:
        if isinstance(file, Path):
            try:
                return str(file.relative_to(self.out))
            except ValueError:
                return str(file)
        return str(file)


def guarded(value: str) -> str:
    """How a text cell reads back from kotoba's excel dialect (formula guard)."""
    return "'" + value if value.startswith(GUARD_START) else value


def unguarded(value: str) -> str:
    return value[1:] if value.startswith("'") and value[1:].startswith(GUARD_START) else value


# ---------------------------------------------------------------------------------------- CSV


def record_ends_are_crlf(text: str):
    """The offset of the first record end that is not CRLF (outside quotes), or None."""
    quoted = False
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == '"':
            quoted = not quoted  # a doubled quote toggles twice
        elif not quoted:
            if ch == "\r":
                if i + 1 >= n or text[i + 1] != "\n":
                    return i
                i += 1
            elif ch == "\n":
                return i
        i += 1
    return None


def check_csv(ck: Checker, path: Path):
    """Returns (header, rows) or None when the file cannot be read."""
    raw = path.read_bytes()
    if not raw.startswith(b"\xef\xbb\xbf"):
        ck.fail(path, f"does not start with the UTF-8 byte-order mark (starts with {raw[:3]!r})")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        ck.fail(path, f"not UTF-8 at byte {error.start}")
        return None
    offset = record_ends_are_crlf(text)
    if offset is not None:
        line = text.count("\n", 0, offset) + 1
        ck.fail(path, f"a record ends with a bare {'CR' if text[offset] == chr(13) else 'LF'} at line {line} (expected CRLF)")
    if text and not text.endswith("\r\n"):
        ck.fail(path, "the last record does not end with CRLF")
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            table = list(csv.reader(handle, strict=True))
    except (csv.Error, UnicodeDecodeError) as error:
        ck.fail(path, f"csv module cannot read it: {error}")
        return None
    if not table:
        ck.fail(path, "empty: no header")
        return None
    header, rows = table[0], table[1:]
    if len(set(header)) != len(header) or any(not name for name in header):
        ck.fail(path, f"header has empty or repeated column names: {header}")
    for number, row in enumerate(rows, start=2):
        if len(row) != len(header):
            ck.fail(path, f"record {number} has {len(row)} fields, the header {len(header)}: {row!r}")
            return None
    check_with_pandas(ck, path, header, rows)
    unguarded_cells = [(number, name, cell) for number, row in enumerate(rows, start=2)
                       for name, cell in zip(header, row) if cell.startswith(GUARD_START) and not NUMBER.match(cell)]
    if unguarded_cells:
        number, name, cell = unguarded_cells[0]
        ck.tolerate(path, f"record {number}, column {name}: text cell {cell!r} is not formula-guarded (expected "
                    f"{guarded(cell)!r}); {len(unguarded_cells)} such cell(s) in the file")
    ck.checked.append(ck.name(path))
    return header, rows


def check_with_pandas(ck: Checker, path: Path, header, rows):
    import pandas

    try:
        frame = pandas.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False,
                                na_filter=False, skip_blank_lines=False)
    except Exception as error:  # pandas raises many kinds
        ck.fail(path, f"pandas.read_csv fails: {error}")
        return
    if list(frame.columns) != header:
        ck.fail(path, f"pandas reads the header as {list(frame.columns)}, csv as {header}")
        return
    cells = frame.values.tolist()
    if len(cells) != len(rows):
        ck.fail(path, f"pandas reads {len(cells)} rows, csv {len(rows)}")
        return
    for number, (left, right) in enumerate(zip(cells, rows), start=2):
        if left != right:
            ck.fail(path, f"record {number}: pandas reads {left!r}, csv {right!r}")
            return


def column(table, name):
    header, rows = table
    index = header.index(name)
    return [row[index] for row in rows]


def expect_values(ck: Checker, path: Path, table, name: str, values, what: str):
    if table is None:
        return
    if name not in table[0]:
        ck.fail(path, f"no column {name!r} (header {table[0]})")
        return
    present = set(column(table, name))
    for value in values:
        if guarded(value) in present:
            continue
        if value in present and value != guarded(value):
            ck.tolerate(path, f"{what} {value!r} is there unguarded: expected it to read {guarded(value)!r}")
            continue
        near = sorted(cell for cell in present if value.strip("'=") and value.strip("'=")[:3] in cell)
        ck.fail(path, f"{what} {value!r} does not come back as {guarded(value)!r} in column {name}"
                + (f" (similar: {near[:5]!r})" if near else ""))


# -------------------------------------------------------------------------------------- graph


def attribute(data: dict, name: str):
    for key, value in data.items():
        if key.lower() == name.lower():
            return value
    return None


def is_integer(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def check_graph_file(ck: Checker, path: Path, graph, nodes, edges):
    """nodes: {id: (label, frequency)}, edges: {frozenset: weight} from the CSVs (or None)."""
    problems = []
    fail = problems.append
    try:
        check_graph_contents(graph, nodes, edges, fail)
    finally:
        # The first few problems, then how many: a wrong attribute is wrong on every node.
        for problem in problems[:5]:
            ck.fail(path, problem)
        if len(problems) > 5:
            ck.fail(path, f"… and {len(problems) - 5} more problem(s)")


def check_graph_contents(graph, nodes, edges, fail):
    for node, data in graph.nodes(data=True):
        label, frequency, community = attribute(data, "label"), attribute(data, "frequency"), attribute(data, "community")
        if not isinstance(label, str) or not label:
            fail(f"node {node!r}: no label (attributes {sorted(data)})")
        if not is_integer(frequency) or frequency < 1:
            fail(f"node {node!r}: frequency {frequency!r} is not an integer >= 1 (attributes {sorted(data)})")
        if community is None or community == "":
            fail(f"node {node!r}: no community (attributes {sorted(data)})")
    pairs = {}
    for u, v, data in graph.edges(data=True):
        weight = attribute(data, "weight")
        if not isinstance(weight, (int, float)) or isinstance(weight, bool) or not (0 < weight <= 1):
            fail(f"edge {u!r}-{v!r}: weight {weight!r} is not in (0, 1]")
        key = frozenset((str(u), str(v)))
        if key in pairs:
            fail(f"edge {u!r}-{v!r} appears twice")
        pairs[key] = weight
    if nodes is None or edges is None:
        return
    if graph.number_of_nodes() != len(nodes):
        fail(f"{graph.number_of_nodes()} nodes, graph/nodes.csv has {len(nodes)}")
    if graph.number_of_edges() != len(edges):
        fail(f"{graph.number_of_edges()} edges, graph/edges.csv has {len(edges)}")
    for node, data in graph.nodes(data=True):
        row = nodes.get(str(node))
        if row is None:
            fail(f"node {node!r} is not an Id in graph/nodes.csv")
            continue
        if attribute(data, "label") != row[0]:
            fail(f"node {node!r}: label {attribute(data, 'label')!r}, graph/nodes.csv has {row[0]!r}")
        if attribute(data, "frequency") != row[1]:
            fail(f"node {node!r}: frequency {attribute(data, 'frequency')!r}, graph/nodes.csv has {row[1]!r}")
    for key, weight in pairs.items():
        expected = edges.get(key)
        if expected is None:
            fail(f"edge {sorted(key)} is not in graph/edges.csv")
        elif isinstance(weight, (int, float)) and not math.isclose(weight, expected, abs_tol=1e-6):
            fail(f"edge {sorted(key)}: weight {weight!r}, graph/edges.csv has {expected!r}")


def check_graph(ck: Checker, tables):
    missing = [name for name in GRAPH_FILES if not (ck.out / name).is_file()]
    if len(missing) == len(GRAPH_FILES):
        ck.tolerate("graph/", "missing: this kotoba does not write the co-occurrence graph "
                    f"({', '.join(GRAPH_FILES)}); a build from before graph output, such as the snapshot binary?")
    elif missing:
        ck.fail(", ".join(missing), "missing, while other graph files were written")
    nodes = edges = None
    node_table, edge_table = tables.get("graph/nodes.csv"), tables.get("graph/edges.csv")
    def column_index(table, names, path):
        """Each of `names`' place in `table`'s header, or None (and a failure) if any is missing."""
        absent = [name for name in names if name not in table[0]]
        if absent:
            ck.fail(path, f"no column(s) {absent} (header {table[0]})")
            return None
        return {name: table[0].index(name) for name in names}

    if node_table is not None:
        path = ck.out / "graph/nodes.csv"
        index = column_index(node_table, NODE_COLUMNS, path)
        if index is not None:
            nodes = {}
            for number, row in enumerate(node_table[1], start=2):
                ident, label = row[index["Id"]], unguarded(row[index["Label"]])
                try:
                    frequency = int(row[index["frequency"]])
                    float(row[index["x"]]), float(row[index["y"]])
                except ValueError:
                    ck.fail(path, f"record {number}: frequency, x or y is not a number: {row!r}")
                    frequency = None
                if not ident or not label or row[index["community"]] == "" or (frequency is not None and frequency < 1):
                    ck.fail(path, f"record {number}: empty Id, Label or community, or frequency < 1: {row!r}")
                if ident in nodes:
                    ck.fail(path, f"record {number}: Id {ident!r} repeated")
                nodes[ident] = (label, frequency)
    if edge_table is not None:
        path = ck.out / "graph/edges.csv"
        index = column_index(edge_table, EDGE_COLUMNS, path)
        if index is not None:
            edges = {}
            for number, row in enumerate(edge_table[1], start=2):
                try:
                    weight = float(row[index["Weight"]])
                except ValueError:
                    ck.fail(path, f"record {number}: Weight {row[index['Weight']]!r} is not a number")
                    continue
                if not (0 < weight <= 1):
                    ck.fail(path, f"record {number}: Weight {weight} is not in (0, 1]")
                if nodes is not None and not {row[index["Source"]], row[index["Target"]]} <= nodes.keys():
                    ck.fail(path, f"record {number}: Source or Target is not an Id in graph/nodes.csv: {row!r}")
                edges[frozenset((row[index["Source"]], row[index["Target"]]))] = weight
    import networkx

    for name, read in (("graph/cooccurrence.graphml", networkx.read_graphml),
                       ("graph/cooccurrence.gexf", lambda p: networkx.read_gexf(p, node_type=None, relabel=False))):
        path = ck.out / name
        if not path.is_file():
            continue
        try:
            graph = read(path)
        except Exception as error:
            detail = ""
            if name.endswith(".gexf"):
                head = path.read_text(encoding="utf-8", errors="replace")[:600]
                namespace = re.search(r'xmlns="([^"]*)"', head)
                detail = (f" (namespace {namespace.group(1) if namespace else 'none'}; networkx {networkx.__version__} reads only"
                          " GEXF 1.1draft and 1.2draft: write xmlns=\"http://www.gexf.net/1.2draft\", which Gephi reads too)")
            ck.fail(path, f"networkx cannot read it: {error}{detail}")
            continue
        check_graph_file(ck, path, graph, nodes, edges)
        ck.checked.append(name)


# ------------------------------------------------------------------------------------- report


class ReportParser(html.parser.HTMLParser):
    RESOURCE_ATTRIBUTES = {"src", "srcset", "data", "poster", "background", "action", "formaction", "imagesrcset"}
    REMOTE = re.compile(r"^\s*(https?:)?//", re.I)

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.css: list[str] = []
        self.problems: list[str] = []
        self.skip = 0
        self.in_style = False
        self.lang = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        if tag == "script":
            self.problems.append(f"has a <script> ({'src=' + attrs['src'] if attrs.get('src') else 'inline'}): the report should be static")
        if tag in ("iframe", "object", "embed", "frame"):
            self.problems.append(f"has an <{tag}>")
        if tag == "meta" and (attrs.get("http-equiv") or "").lower() == "refresh":
            self.problems.append("has a <meta http-equiv=refresh>")
        for name, value in attrs.items():
            if value is None:
                continue
            # Plain links (<a href>) load nothing; every other href (<link>, <base>, <use>…) may.
            if (name in self.RESOURCE_ATTRIBUTES or (name == "href" and tag != "a")) and self.REMOTE.search(value):
                self.problems.append(f"<{tag} {name}={value!r}> loads a network resource")
        if "style" in attrs and attrs["style"]:
            self.css.append(attrs["style"])
        if tag in ("script", "style", "template"):
            self.skip += 1
            self.in_style = tag == "style"

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template") and self.skip:
            self.skip -= 1
            self.in_style = False

    def handle_data(self, data):
        if self.in_style:
            self.css.append(data)
        elif not self.skip:
            self.text.append(data)


GENERIC_FAMILIES = {"serif", "sans-serif", "monospace", "cursive", "fantasy", "system-ui", "ui-serif",
                    "ui-sans-serif", "ui-monospace", "ui-rounded", "emoji", "math", "fangsong"}


def font_stack(css: str):
    """The font-family list that applies to the page: from a rule for html, body or :root if there
    is one, else the first font-family in the CSS; Chromium's default (serif) when none."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    first = None
    for selector, body in re.findall(r"([^{}]*)\{([^{}]*)\}", css):
        match = re.search(r"font-family\s*:\s*([^;]+)", body)
        if not match:
            continue
        families = [name.strip().strip("'\"") for name in match.group(1).replace("!important", "").split(",")]
        if re.search(r"(^|[\s,])(html|body|:root)([\s,.:#\[]|$)", selector.strip()):
            return families
        first = first or families
    if first is None:
        for match in re.finditer(r"font-family\s*:\s*([^;}\"]+)", css):  # style attributes
            return [name.strip().strip("'\"") for name in match.group(1).split(",")]
    return first or ["serif"]


def installed_fonts():
    """{lowercased family name: set of (start, end) code point ranges} for every installed face."""
    # Scalable fonts only: Chromium does not use fontconfig's bitmap (PCF) fonts.
    listing = subprocess.run(["fc-list", ":scalable=true", "--format", "%{family}\t%{charset}\n"], capture_output=True,
                             text=True, check=True).stdout
    fonts: dict[str, list] = {}
    for line in listing.splitlines():
        families, _, charset = line.partition("\t")
        ranges = []
        for part in charset.split():
            start, _, end = part.partition("-")
            ranges.append((int(start, 16), int(end or start, 16)))
        for family in families.split(","):
            fonts.setdefault(family.strip().lower(), []).extend(ranges)
    return fonts


def covers(ranges, char: str) -> bool:
    code = ord(char)
    return any(start <= code <= end for start, end in ranges)


def is_japanese(char: str) -> bool:
    code = ord(char)
    return (0x3040 <= code <= 0x30FF or 0x3400 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF
            or 0x20000 <= code <= 0x3FFFF or 0xFF66 <= code <= 0xFF9F)


def check_fonts(ck: Checker, path: Path, text: str, css: str, lang):
    # Chromium draws a character missing from the chosen font with a fallback font that
    # fontconfig finds, so a character shows as tofu exactly when no installed font has a glyph
    # for it. That is checked here from fontconfig's own coverage data rather than by comparing
    # pixels (a tofu box and a rare kanji are both just dark pixels; a reference rendering would
    # need the very fallback we are checking). Separately, the first installed family of the
    # report's font stack must cover all of its Japanese text, so the page does not rely on a
    # random fallback (mixed Chinese and Japanese glyph shapes).
    if not subprocess.run(["fc-list", ":lang=ja", "family"], capture_output=True, text=True).stdout.strip():
        ck.fail("fontconfig", "no font for Japanese installed (fc-list :lang=ja is empty): install fonts-noto-cjk")
        return
    fonts = installed_fonts()
    everything = [r for ranges in fonts.values() for r in ranges]
    chars = sorted({c for c in text if ord(c) > 0x7F and unicodedata.category(c)[0] not in "CZM"})
    tofu = [c for c in chars if not covers(everything, c)]
    if tofu:
        ck.fail(path, "no installed font has a glyph for " + " ".join(f"{c} (U+{ord(c):04X})" for c in tofu[:20]))
    stack = font_stack(css)
    primary = None
    for family in stack:
        name = family.lower()
        if name in GENERIC_FAMILIES:
            generic = {"system-ui": "sans-serif", "ui-sans-serif": "sans-serif", "ui-serif": "serif",
                       "ui-monospace": "monospace", "ui-rounded": "sans-serif"}.get(name, name)
            pattern = f"{generic}:lang={lang or 'ja'}"
            primary = subprocess.run(["fc-match", "-f", "%{family[0]}", pattern], capture_output=True,
                                     text=True).stdout.strip()
            primary = f"{primary} (fc-match {pattern})"
            ranges = fonts.get(primary.split(" (fc-match")[0].lower(), [])
            break
        if name in fonts:
            primary, ranges = family, fonts[name]
            break
    if primary is None:
        ck.fail(path, f"none of the font stack {stack} is installed")
        return
    japanese = [c for c in chars if is_japanese(c)]
    missing = [c for c in japanese if not covers(ranges, c)]
    if missing:
        ck.fail(path, f"the first installed family of the font stack {stack}, {primary}, lacks "
                + " ".join(f"{c} (U+{ord(c):04X})" for c in missing[:20]))
    ck.checked.append(f"fonts ({primary}, {len(chars)} characters)")


def check_report(ck: Checker, terms):
    path = ck.out / "report.html"
    if not path.is_file():
        ck.tolerate(path, "missing: this kotoba does not write the HTML report (a build from before report.html, such as the snapshot binary?)")
        return False
    source = path.read_text(encoding="utf-8")
    parser = ReportParser()
    parser.feed(source)
    parser.close()
    for problem in parser.problems:
        ck.fail(path, problem)
    css = "\n".join(parser.css)
    for match in re.finditer(r"(@import[^;]*|url\(\s*['\"]?\s*(https?:)?//[^)]*\))", css, re.I):
        ck.fail(path, f"CSS loads a resource: {match.group(0)[:80]!r}")
    text = "".join(parser.text)
    for term in terms:
        if term not in text:
            shown = "'" + term in text
            ck.fail(path, f"term {term!r} is not in the page text" + (" (it is there with the CSV formula guard ', which HTML should not have)" if shown else ""))
    check_fonts(ck, path, text, css, parser.lang)
    ck.checked.append("report.html")
    return True


def check_screenshot(ck: Checker, png: Path):
    from PIL import Image

    if not png.is_file():
        ck.fail(png, "no screenshot was written")
        return
    with Image.open(png) as image:
        image = image.convert("RGB")
        width, height = image.size
        colours = image.getcolors(maxcolors=width * height)
    total = width * height
    colours.sort(reverse=True)
    background = colours[0][0]
    foreground = total - background
    share = foreground / total
    # A page with text has a few percent of non-background pixels and, anti-aliased, hundreds of
    # colours; a blank or failed page has one colour (or a few, for a bare error message).
    if share < 0.005 or len(colours) < 16:
        ck.fail(png, f"looks blank: {share:.2%} non-background pixels, {len(colours)} colours ({width}x{height})")
    ck.checked.append(f"{png.name} ({width}x{height}, {share:.1%} ink, {len(colours)} colours)")


def check_matrix(ck: Checker, tables, r_triplets=None):
    """dtm.mtx, read by scipy.io.mmread (and R's Matrix::readMM, whose triplets R wrote to
    r_triplets), against document_terms.csv, cell by cell, at the rows and columns
    dtm_documents.csv and dtm_terms.csv name."""
    path = ck.out / "dtm.mtx"
    if not path.exists():
        if ck.skip_missing:
            ck.tolerate(path, "missing")
        else:
            ck.fail(path, "missing")
        return
    import scipy.io
    documents, terms, long = (tables.get(name) for name in ("dtm_documents.csv", "dtm_terms.csv", "document_terms.csv"))
    if documents is None or terms is None or long is None:
        ck.fail(path, "dtm_documents.csv, dtm_terms.csv or document_terms.csv cannot be read")
        return
    try:
        matrix = scipy.io.mmread(str(path)).tocoo()
    except Exception as error:  # noqa: BLE001 - any failure to read is the finding
        ck.fail(path, f"scipy.io.mmread cannot read it: {error}")
        return
    (dh, drows), (th, trows), (lh, lrows) = documents, terms, long
    if matrix.shape != (len(drows), len(trows)):
        ck.fail(path, f"shape {matrix.shape}, but dtm_documents.csv has {len(drows)} rows and dtm_terms.csv {len(trows)}")
        return
    row_of = {r[dh.index("doc_id")]: int(r[dh.index("row")]) - 1 for r in drows}
    column_of = {(r[th.index("term")], r[th.index("pos")]): int(r[th.index("column")]) - 1 for r in trows}
    expected = {}
    for r in lrows:
        key = (row_of.get(r[lh.index("doc_id")]), column_of.get((r[lh.index("term")], r[lh.index("pos")])))
        if None in key:
            ck.fail(path, f"document_terms.csv row {r!r} has no row or column in the matrix")
            return
        expected[key] = int(r[lh.index("count")])
    found = {}
    for i, j, value in zip(matrix.row, matrix.col, matrix.data):
        found[(int(i), int(j))] = found.get((int(i), int(j)), 0) + int(value)
    if found != expected:
        differing = sorted(set(found.items()) ^ set(expected.items()))[:3]
        ck.fail(path, f"scipy.io.mmread's {len(found)} cells differ from document_terms.csv's {len(expected)}: {differing}")
        return
    ck.checked.append(f"dtm.mtx (scipy.io.mmread, {len(found)} cells as document_terms.csv)")
    if r_triplets is not None:
        read = {}
        for line in r_triplets.read_text().splitlines():
            i, j, value = (int(float(field)) for field in line.split("\t"))
            read[(i - 1, j - 1)] = value
        if read != expected:
            ck.fail(path, f"R's Matrix::readMM reads {len(read)} cells, not document_terms.csv's {len(expected)}")
        else:
            ck.checked.append("dtm.mtx (R's Matrix::readMM)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("terms", nargs="*", help="terms that must come back identically")
    parser.add_argument("--skip-missing", action="store_true")
    parser.add_argument("--screenshot", type=Path, help="the screenshot of report.html to check")
    parser.add_argument("--document-variable", action="append", default=[], metavar="NAME=VALUE")
    parser.add_argument("--r-matrix", type=Path, help="dtm.mtx's cells as R's Matrix::readMM read them (i, j, x)")
    args = parser.parse_args()
    ck = Checker(args.outdir.resolve(), args.skip_missing)
    if not ck.out.is_dir():
        print(f"check-reports: {args.outdir}: not a directory", file=sys.stderr)
        return 1

    tables = {}
    csvs = sorted(ck.out.rglob("*.csv"))
    if not csvs:
        ck.fail(ck.out, "no *.csv reports")
    for path in csvs:
        tables[ck.name(path)] = check_csv(ck, path)
    for required in ("term_frequency.csv", "documents.csv"):
        if required not in tables:
            ck.fail(ck.out / required, "missing")
    if args.terms:
        expect_values(ck, ck.out / "term_frequency.csv", tables.get("term_frequency.csv"), "term", args.terms, "term")
        if tables.get("document_terms.csv") is not None:
            expect_values(ck, ck.out / "document_terms.csv", tables["document_terms.csv"], "term", args.terms, "term")
    for item in args.document_variable:
        name, _, value = item.partition("=")
        expect_values(ck, ck.out / "documents.csv", tables.get("documents.csv"), name, [value], "variable value")
    check_graph(ck, tables)
    check_matrix(ck, tables, args.r_matrix)
    if check_report(ck, args.terms) and args.screenshot:
        check_screenshot(ck, args.screenshot)

    for warning in ck.warnings:
        print(f"check-reports: warning: {warning}", file=sys.stderr)
    for failure in ck.failures:
        print(f"check-reports: FAIL {failure}", file=sys.stderr)
    if ck.failures:
        print(f"check-reports: {len(ck.failures)} problem(s) in {ck.out}", file=sys.stderr)
        return 1
    print(f"check-reports: ok: {len(ck.checked)} checks passed ({', '.join(ck.checked)})"
          + (f"; {len(ck.warnings)} warning(s)" if ck.warnings else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
