"""The benchmark corpora of issues 8 and 13, called by scripts/bench-corpus.sh (which fixes the locale,
TZ and hash seed, and installs the packages).

render: every Japanese manual page under /usr/share/man/ja as one plain-text document (see
    bench-corpus.sh for how), with a MANIFEST.

scale: a corpus FACTOR times the base corpus's MeCab tokens whose vocabulary grows the way real
    text's does, not copies. The method:

    1. The base documents are cut into lines (paragraphs, as rendered) and lines into sentences
       (after 。．！？). MeCab (IPAdic, `-Owakati`, as kotoba's default dictionary) counts each
       sentence's tokens; the base corpus's vocabulary V(N), its distinct token surfaces after N
       tokens, is fitted to Heaps' law V = K·N^β by least squares on log V against log N (at 200
       points spread evenly in log N over the last 99 % of the corpus).
    2. The new corpus holds the base documents once, then new documents until it has FACTOR times
       the base's tokens. A new document takes the shape of a base document drawn at random
       (its lines, blank lines, indentation and sentences per line), and fills each line with
       sentences drawn at random from the whole base corpus.
    3. New words are drawn in as Heaps' law says they arrive: after n tokens the vocabulary should
       be V_base·(n/N_base)^β (the fitted curve through the base's own end point), and whenever
       it falls short, words never seen before replace words of the sentence being placed. Only
       katakana runs and ASCII words are replaced, each by a new word of its own kind, because
       MeCab keeps an unknown run of either kind as one token (a new kanji string would be
       split into known kanji words and add nothing): a new katakana word is 3 or more morae
       (a kana with its small kana and ー) drawn from the morae of the base's katakana words, its
       length drawn from theirs; a new ASCII word joins the front of one base ASCII word to the
       back of another (getpwent + socket → getpwcket). Neither may match, case folded, any
       base word or earlier new word. A new word recurs as real ones do: each slot not needed
       for a new word takes one of the 50 most recent new words with probability 1/20.
    4. MeCab may cut a new katakana word into two new pieces, or into pieces it knows, so a new
       word does not add exactly one word to MeCab's vocabulary: a first pass measures how many
       it adds on average, and a second pass, from the same seed, draws new words in at the rate
       divided by that. MeCab counts the result: MANIFEST records the vocabulary Heaps' law
       gives for the corpus's size, the one reached, and β refitted on the new corpus.
    5. Everything random comes from one generator with a fixed seed, and sets are never iterated,
       so the same base and seed give the same bytes.

shorts: a corpus shaped like survey answers and interview transcripts (issue 13): short sentences
    of real text, from the base corpus, in two inputs of about half the sentences each.

    1. Units: the base documents' lines (whitespace runs made one space) are cut into sentences
       after 。．！？. A sentence of up to 40 characters (code points) is a unit; a longer one is
       cut into clauses after 、 and ，, outside brackets, and consecutive clauses are packed
       into units of up to 40 characters (a clause longer than that stays whole). A unit keeps
       what reads as a Japanese sentence: at least 5 kana or kanji, a hiragana, kana and kanji
       at least 30 % of its characters, brackets balanced, no box-drawing characters or C code
       (`/*`, `{`, `;`), at most 120 characters. Leading marks (○●◆■・※ …) and trailing commas
       and colons go; a unit without a terminator gets 。. Units are kept once each, in order of
       first appearance.
    2. Sentences are drawn from the units in an order shuffled by the seed; when all have been
       used, the units are shuffled again (a unit recurs as often as the corpus needs).
    3. survey/answers.csv (UTF-8, RFC 4180: CRLF between records, fields quoted when they hold a
       comma, a quote or a line break): columns id, 年代, 性別, 自由回答; each row one answer of
       1–3 sentences (weights 5:3:2), one answer in ten of several sentences with a line break
       between two of them. survey-text/answers.txt holds the 自由回答 column, one answer a line
       (its line breaks removed): what MeCab is given in the benchmark's floor.
    4. transcripts/*.txt: minutes (○ before every speaker: a chair, 3–8 members 〜委員, 事務局) or
       interviews (●司会, ○ before 1–3 guests 〜氏, 〜さん, 〜教授 …), 20–120 turns each. A turn
       is 1–4 sentences (weights 35:30:20:15) on one line after `mark label　` (an ideographic
       space), or, one turn in ten, the label alone on its line and the text on the next; one
       turn in seven of three or more sentences goes on in a second paragraph indented by an
       ideographic space. Half the files have a blank line between turns. The speaker marks and
       labels are those kotoba's StructureReader recognizes.
    5. One generator with a fixed seed, no set iterated: the same base and seed give the same
       bytes. MANIFEST records the counts, the median sentence length, the seed, the base's
       digest and the SHA-256 of every output.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import csv
import hashlib
import io
import math
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

MAN_ROOT = Path("/usr/share/man/ja")
MANWIDTH = "4000"
PACKAGES = ["manpages-ja", "manpages-ja-dev", "man-db", "groff-base", "bsdextrautils", "mecab", "mecab-ipadic-utf8"]
IPADIC_CANDIDATES = [
    "/var/lib/mecab/dic/ipadic-utf8",
    "/usr/lib/x86_64-linux-gnu/mecab/dic/ipadic-utf8",
    "/usr/lib/aarch64-linux-gnu/mecab/dic/ipadic-utf8",
    "/usr/local/lib/mecab/dic/ipadic",
    "/usr/lib/mecab/dic/ipadic",
]
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def fail(message: str, status: int = 1) -> None:
    print(f"bench-corpus: {message}", file=sys.stderr)
    sys.exit(status)


def package_versions() -> list[str]:
    versions = []
    for package in PACKAGES:
        result = subprocess.run(["dpkg-query", "-W", "-f=${Version}", package], capture_output=True, text=True)
        versions.append(f"{package}={result.stdout.strip() or 'not installed'}")
    return versions


def documents_digest(directory: Path) -> tuple[int, int, str]:
    """The document count, byte count and SHA-256 of the `.txt` files concatenated in name order."""
    digest = hashlib.sha256()
    count = size = 0
    for path in sorted(directory.glob("*.txt")):
        data = path.read_bytes()
        digest.update(data)
        count += 1
        size += len(data)
    return count, size, digest.hexdigest()


def write_manifest(directory: Path, lines: list[str]) -> None:
    count, size, sha = documents_digest(directory)
    text = "\n".join(lines + [f"documents: {count}", f"bytes: {size}", f"sha256: {sha}"]) + "\n"
    (directory / "MANIFEST").write_text(text, encoding="utf-8")
    print(text, end="", file=sys.stderr)


def publish(staging: Path, out: Path) -> None:
    if out.exists():
        if not (out / "MANIFEST").exists():
            fail(f"{out} exists and is not a corpus this script made (no MANIFEST): not replacing it", 73)
        shutil.rmtree(out)
    staging.rename(out)


# --- render -----------------------------------------------------------------------------------


def render_page(page: Path) -> tuple[str, str | None]:
    """The page's name and its text, or None when it is only an alias (`.so`) or renders empty."""
    name = page.name.removesuffix(".gz") + ".txt"
    source = subprocess.run(["zcat", "-f", str(page)], capture_output=True, check=True).stdout
    statements = [line for line in source.splitlines() if line.strip() and not line.startswith((b'.\\"', b"'\\\""))]
    if statements and statements[0].startswith(b".so ") and len(statements) == 1:
        return name, None
    env = dict(os.environ, MANWIDTH=MANWIDTH)
    man = subprocess.run(
        ["man", "-l", "-E", "UTF-8", "--no-hyphenation", "--no-justification", str(page)],
        capture_output=True, env=env)
    if man.returncode != 0 or not man.stdout.strip():
        message = man.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["empty output"]
        fail(f"{page}: man could not render the page: {message[0]}", 65)
    plain = subprocess.run(["col", "-bx"], input=man.stdout, capture_output=True, check=True).stdout
    try:
        text = plain.decode("utf-8")
    except UnicodeDecodeError as error:
        fail(f"{page}: the rendered page is not UTF-8 at byte {error.start}", 65)
    lines = [line.rstrip() for line in text.split("\n")]
    content = [index for index, line in enumerate(lines) if line]
    if len(content) < 3:
        return name, None
    # The running header (NAME(1) … NAME(1)) and footer (source, date, NAME(1)) are the macros'.
    body = lines[content[0] + 1:content[-1]]
    while body and not body[0]:
        body.pop(0)
    while body and not body[-1]:
        body.pop()
    collapsed: list[str] = []
    for line in body:
        if line or (collapsed and collapsed[-1]):
            collapsed.append(line)
    document = "\n".join(collapsed) + "\n"
    if CONTROL.search(document):
        fail(f"{page}: control characters left after col -bx", 65)
    return name, document


def render(out: Path) -> None:
    if not MAN_ROOT.is_dir():
        fail(f"{MAN_ROOT} does not exist: is manpages-ja installed?", 69)
    pages = sorted(path for path in MAN_ROOT.rglob("*") if not path.is_symlink() and path.is_file())
    staging = out.with_name(out.name + ".staging")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    aliases = 0
    names: dict[str, Path] = {}
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        for page, (name, document) in zip(pages, pool.map(render_page, pages)):
            if document is None:
                aliases += 1
                continue
            if name in names:
                fail(f"{page} and {names[name]} would both be {name}", 70)
            names[name] = page
            (staging / name).write_text(document, encoding="utf-8")
    write_manifest(staging, [
        "corpus: the Japanese manual pages of Debian (issue 8 benchmark corpus), one document per page",
        "built by: scripts/bench-corpus.sh",
        f"source: {MAN_ROOT}, {len(pages)} page files (symbolic links not counted)",
        f"left out: {aliases} pages that are only an alias (.so) or render empty",
        f"rendering: man -l -E UTF-8 --no-hyphenation --no-justification, MANWIDTH={MANWIDTH}, col -bx, "
        "header and footer lines dropped, trailing blanks stripped; LC_ALL=C.UTF-8 TZ=UTC SOURCE_DATE_EPOCH=0",
        "packages: " + " ".join(package_versions()),
    ])
    publish(staging, out)


# --- scale ------------------------------------------------------------------------------------

SENTENCE = re.compile(r"[^。．！？]*[。．！？]+|[^。．！？]+")
KATAKANA = re.compile(r"(?<![ァ-ヺー])[ァ-ヺ][ァ-ヺー]+")
ASCII_WORD = re.compile(r"(?<![A-Za-z0-9_])[A-Za-z]{3,}(?![A-Za-z0-9_])")
MORA = re.compile(r"[ァ-ヺ][ァィゥェォッャュョヮヵヶー]*")
SMALL_OR_END = set("ァィゥェォッャュョヮヵヶンヲー")


def mecab_tokens(lines: list[str]) -> list[list[str]]:
    """MeCab's tokens (IPAdic, as kotoba's default) of each line."""
    dicdir = next((path for path in IPADIC_CANDIDATES if Path(path, "sys.dic").exists()), None)
    if dicdir is None:
        fail("no IPAdic UTF-8 dictionary found: install mecab-ipadic-utf8", 69)
    # One line each; MeCab's wakati output ends each with a space before the newline.
    cleaned = [line.replace("\r", " ") for line in lines]
    result = subprocess.run(
        ["mecab", "-r", "/dev/null", "-d", dicdir, "-Owakati", "-b", "1048576"],
        input="\n".join(cleaned) + "\n", capture_output=True, text=True, check=True)
    output = result.stdout.split("\n")
    if output and output[-1] == "":
        output.pop()
    if len(output) != len(lines):
        fail(f"MeCab gave {len(output)} lines for {len(lines)}", 70)
    return [line.split() for line in output]


def heaps_fit(tokens: list[list[str]]) -> tuple[float, float, int, int]:
    """K and β of V = K·N^β over the sentences in order, with the final N and V."""
    seen: dict[str, None] = {}
    points: list[tuple[int, int]] = []
    n = 0
    for sentence in tokens:
        for token in sentence:
            seen.setdefault(token)
        n += len(sentence)
        points.append((n, len(seen)))
    total = n
    checkpoints = [math.exp(math.log(total * 0.01) + i * (math.log(total) - math.log(total * 0.01)) / 199)
                   for i in range(200)]
    xs, ys = [], []
    index = 0
    for target in checkpoints:
        while index < len(points) - 1 and points[index][0] < target:
            index += 1
        xs.append(math.log(points[index][0]))
        ys.append(math.log(points[index][1]))
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    beta = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys)) / sum((x - mean_x) ** 2 for x in xs)
    k = math.exp(mean_y - beta * mean_x)
    return k, beta, total, len(seen)


class Coiner:
    """Makes words no one has seen, of the two kinds MeCab keeps as one unknown token."""

    def __init__(self, rng: random.Random, vocabulary: list[str]):
        self.rng = rng
        self.taken: set[str] = {word.casefold() for word in vocabulary}
        katakana = [word for word in vocabulary if KATAKANA.fullmatch(word)]
        self.morae = [mora for word in katakana for mora in MORA.findall(word)]
        self.first_morae = [mora for mora in self.morae if mora[0] not in SMALL_OR_END]
        self.lengths = [max(3, len(MORA.findall(word))) for word in katakana] or [4]
        self.ascii = [word for word in vocabulary if ASCII_WORD.fullmatch(word) and len(word) >= 4]
        if not self.first_morae or not self.ascii:
            fail("the base corpus has too few katakana or ASCII words to make new ones from", 65)

    def katakana(self) -> str:
        while True:
            length = self.rng.choice(self.lengths)
            word = self.rng.choice(self.first_morae) + "".join(self.rng.choice(self.morae) for _ in range(length - 1))
            if word.casefold() not in self.taken:
                self.taken.add(word.casefold())
                return word

    def ascii_word(self) -> str:
        while True:
            front, back = self.rng.choice(self.ascii), self.rng.choice(self.ascii)
            word = front[:self.rng.randint(2, len(front) - 1)] + back[self.rng.randint(1, len(back) - 2):]
            if word.casefold() not in self.taken:
                self.taken.add(word.casefold())
                return word


def split_sentences(line: str) -> list[str]:
    """A line's sentences, cut after 。．！？ and stripped."""
    return [part.strip() for part in SENTENCE.findall(line) if part.strip()]


def corpus_sentences(documents: list[str]) -> list[str]:
    return [sentence for document in documents for line in document.split("\n") for sentence in split_sentences(line)]


def scale(base: Path, out: Path, factor: int, seed: int) -> None:
    if not (base / "MANIFEST").exists():
        fail(f"{base} is not a corpus made by this script (no MANIFEST)", 66)
    names = sorted(path.name for path in base.glob("*.txt"))
    texts = [(base / name).read_text(encoding="utf-8") for name in names]
    # Each document as lines of (indentation, sentence count); a blank line is None.
    sentences: list[str] = []
    shapes: list[list[tuple[str, int] | None]] = []
    for text in texts:
        shape: list[tuple[str, int] | None] = []
        for line in text.split("\n")[:-1]:
            stripped = line.lstrip(" ")
            parts = split_sentences(stripped)
            if not parts:
                shape.append(None)
                continue
            shape.append((line[:len(line) - len(stripped)], len(parts)))
            sentences.extend(parts)
        shapes.append(shape)
    print(f"bench-corpus: {len(names)} documents, {len(sentences)} sentences; counting tokens with MeCab",
          file=sys.stderr)
    tokens = mecab_tokens(sentences)
    k, beta, base_tokens, base_vocabulary = heaps_fit(tokens)
    print(f"bench-corpus: Heaps' law on the base: K={k:.3f} beta={beta:.4f} (N={base_tokens}, V={base_vocabulary})",
          file=sys.stderr)
    vocabulary = list(dict.fromkeys(token for sentence in tokens for token in sentence))
    slots = [sorted((match.start(), match.end(), "k" if match.group()[0] >= "ァ" else "a")
                    for match in (*KATAKANA.finditer(sentence), *ASCII_WORD.finditer(sentence)))
             for sentence in sentences]
    target_tokens = factor * base_tokens

    def generate(words_per_coin: float) -> tuple[list[str], int, int]:
        """The new documents, the words coined and the reuses, when each coined word is expected
        to add `words_per_coin` to MeCab's vocabulary."""
        rng = random.Random(seed)
        coiner = Coiner(rng, vocabulary)
        n, coined, reused = base_tokens, 0, 0
        recent: dict[str, list[str]] = {"k": [], "a": []}
        documents: list[str] = []
        while n < target_tokens:
            lines = []
            for line in rng.choice(shapes):
                if line is None:
                    lines.append("")
                    continue
                indentation, count = line
                placed = []
                for _ in range(count):
                    index = rng.randrange(len(sentences))
                    n += len(tokens[index])
                    aimed = base_vocabulary * (n / base_tokens) ** beta
                    due = math.floor((aimed - base_vocabulary) / words_per_coin) - coined
                    text = sentences[index]
                    spans = slots[index]
                    if spans:
                        order = list(range(len(spans)))
                        rng.shuffle(order)
                        replacement: dict[int, str] = {}
                        for slot in order:
                            kind = spans[slot][2]
                            if due > 0:
                                word = coiner.katakana() if kind == "k" else coiner.ascii_word()
                                recent[kind] = (recent[kind] + [word])[-50:]
                                replacement[slot] = word
                                due -= 1
                                coined += 1
                            elif recent[kind] and rng.random() < 0.05:
                                replacement[slot] = rng.choice(recent[kind])
                                reused += 1
                        for slot in sorted(replacement, reverse=True):
                            start, end, _ = spans[slot]
                            text = text[:start] + replacement[slot] + text[end:]
                    placed.append(text)
                lines.append(indentation + "".join(placed))
            while lines and not lines[0]:
                lines.pop(0)
            documents.append("\n".join(lines) + "\n")
        return documents, coined, reused

    def measure(documents: list[str]) -> tuple[float, float, int, int]:
        return heaps_fit(mecab_tokens(corpus_sentences(texts + documents)))

    # A coined word can add more than one word to MeCab's vocabulary (MeCab may cut a new katakana
    # word in two new pieces) or less (a piece it knows): a first pass measures how many it adds,
    # and the second draws in new words at the rate that makes the vocabulary follow the law.
    documents, coined, _ = generate(1.0)
    _, _, _, first_vocabulary = measure(documents)
    words_per_coin = max(0.5, (first_vocabulary - base_vocabulary) / max(coined, 1))
    print(f"bench-corpus: first pass: {coined} coined words added {first_vocabulary - base_vocabulary} "
          f"to the vocabulary ({words_per_coin:.3f} each); drawing again", file=sys.stderr)
    documents, coined, reused = generate(words_per_coin)
    new_k, new_beta, new_tokens, new_vocabulary = measure(documents)
    aimed = math.floor(base_vocabulary * (new_tokens / base_tokens) ** beta)

    staging = out.with_name(out.name + ".staging")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    for name, text in zip(names, texts):
        (staging / name).write_text(text, encoding="utf-8")
    for number, document in enumerate(documents, start=1):
        (staging / f"x{factor}-{number:06d}.txt").write_text(document, encoding="utf-8")
    base_sha = next((line.split(": ", 1)[1] for line in (base / "MANIFEST").read_text().splitlines()
                     if line.startswith("sha256: ")), "unknown")
    write_manifest(staging, [
        f"corpus: {factor} times the MeCab tokens of {base} (sha256 {base_sha}): the base documents once and "
        f"{len(documents)} new ones of recombined sentences, new words drawn in at Heaps' law's rate",
        f"built by: scripts/bench-corpus.sh --scale {factor} --seed {seed} (method: scripts/bench_corpus.py)",
        f"base (MeCab IPAdic, by sentence): N={base_tokens} tokens, V={base_vocabulary} distinct, "
        f"Heaps' fit K={k:.4f} beta={beta:.4f}",
        f"new words: {coined} coined (each adds {words_per_coin:.3f} to MeCab's vocabulary, from a first pass), "
        f"{reused} reuses of recent ones",
        f"this corpus (MeCab IPAdic, by sentence): N={new_tokens} tokens, V={new_vocabulary} distinct "
        f"(Heaps' law from the base gives {aimed}); Heaps' fit K={new_k:.4f} beta={new_beta:.4f}",
        "packages: " + " ".join(package_versions()),
    ])
    publish(staging, out)


# --- shorts -----------------------------------------------------------------------------------

UNIT_LIMIT = 40
UNIT_MAXIMUM = 120
WHITESPACE = re.compile(r"\s+")
KANA_KANJI = re.compile(r"[ぁ-ゖァ-ヺー一-鿿々〆]")
HIRAGANA = re.compile(r"[ぁ-ゖ]")
NOT_PROSE = re.compile(r"[\u2500-\u257f]|/\*|\*/|[{};]")
BRACKETS = ["()", "（）", "「」", "『』", "[]", "［］", "【】", "〔〕", "〈〉", "《》"]
OPENING = {pair[0]: pair[1] for pair in BRACKETS}
CLOSING = {pair[1] for pair in BRACKETS}
LEADING_MARKS = "○●◯◎◆◇■□▽▼△▲・※ "
TRAILING_MARKS = "、，,:;：； "
TERMINATORS = "。．！？"
SURNAMES = ["佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤", "吉田", "山田", "佐々木",
            "山口", "松本", "井上", "木村", "林", "斎藤", "清水", "山崎", "森", "池田", "橋本", "阿部", "石川"]
CHAIRS = ["委員長", "議長", "会長"]
GUEST_ROLES = ["氏", "さん", "先生", "教授", "社長", "部長", "理事", "区長", "市長"]
AGES = ["10代", "20代", "30代", "40代", "50代", "60代", "70代以上"]
AGE_WEIGHTS = [4, 15, 18, 20, 18, 15, 10]
GENDERS = ["女性", "男性", "回答しない"]
GENDER_WEIGHTS = [49, 47, 4]


def clauses(sentence: str) -> list[str]:
    """`sentence` cut after each run of 、 and ， that stands outside brackets."""
    pieces, start, depth = [], 0, 0
    for index, character in enumerate(sentence):
        if character in OPENING:
            depth += 1
        elif character in CLOSING:
            depth = max(0, depth - 1)
        elif character in "、，" and depth == 0 and (index + 1 == len(sentence) or sentence[index + 1] not in "、，"):
            pieces.append(sentence[start:index + 1])
            start = index + 1
    if start < len(sentence):
        pieces.append(sentence[start:])
    return pieces


def packed(pieces: list[str]) -> list[str]:
    """Consecutive pieces joined into units of up to UNIT_LIMIT characters."""
    units: list[str] = []
    current = ""
    for piece in pieces:
        if current and len(current) + len(piece) > UNIT_LIMIT:
            units.append(current)
            current = piece
        else:
            current += piece
    if current:
        units.append(current)
    return units


def as_unit(text: str) -> str | None:
    """`text` as a short sentence, or None when it does not read as Japanese prose."""
    text = text.strip().lstrip(LEADING_MARKS).rstrip(TRAILING_MARKS)
    japanese = len(KANA_KANJI.findall(text))
    if japanese < 5 or japanese < 0.3 * len(text) or not HIRAGANA.search(text) or len(text) > UNIT_MAXIMUM:
        return None
    if NOT_PROSE.search(text) or any(text.count(pair[0]) != text.count(pair[1]) for pair in BRACKETS):
        return None
    return text if text[-1] in TERMINATORS else text + "。"


def short_units(texts: list[str]) -> tuple[list[str], int]:
    """The distinct units of the documents, in order of first appearance, and the sentences read."""
    units: dict[str, None] = {}
    read = 0
    for text in texts:
        for line in text.split("\n"):
            for sentence in split_sentences(WHITESPACE.sub(" ", line)):
                read += 1
                pieces = [sentence] if len(sentence) <= UNIT_LIMIT else packed(clauses(sentence))
                for piece in pieces:
                    unit = as_unit(piece)
                    if unit is not None:
                        units.setdefault(unit)
    return list(units), read


class UnitDraw:
    """The units in an order shuffled by the generator, shuffled again each time they run out."""

    def __init__(self, rng: random.Random, units: list[str]):
        self.rng = rng
        self.units = units
        self.order: list[int] = []
        self.drawn = 0

    def take(self, count: int) -> list[str]:
        taken = []
        for _ in range(count):
            if not self.order:
                self.order = list(range(len(self.units)))
                self.rng.shuffle(self.order)
                self.order.reverse()
            taken.append(self.units[self.order.pop()])
            self.drawn += 1
        return taken


def survey(rng: random.Random, draw: UnitDraw, sentences: int) -> tuple[str, str, int, list[int]]:
    """The survey CSV, its text column one answer a line, the rows, and each sentence's length."""
    table = io.StringIO(newline="")
    writer = csv.writer(table, lineterminator="\r\n")
    writer.writerow(["id", "年代", "性別", "自由回答"])
    plain: list[str] = []
    lengths: list[int] = []
    rows = 0
    while len(lengths) < sentences:
        count = min(rng.choices([1, 2, 3], weights=[5, 3, 2])[0], sentences - len(lengths))
        parts = draw.take(count)
        lengths += [len(part) for part in parts]
        answer = "".join(parts)
        if count > 1 and rng.random() < 0.1:
            cut = rng.randrange(1, count)
            answer = "".join(parts[:cut]) + "\n" + "".join(parts[cut:])
        rows += 1
        age = rng.choices(AGES, weights=AGE_WEIGHTS)[0]
        gender = rng.choices(GENDERS, weights=GENDER_WEIGHTS)[0]
        writer.writerow([f"R{rows:06d}", age, gender, answer])
        plain.append("".join(parts))
    return table.getvalue(), "\n".join(plain) + "\n", rows, lengths


def transcript(rng: random.Random, draw: UnitDraw, budget: int) -> tuple[str, str, int, list[int]]:
    """One transcript of at most `budget` sentences: its kind, its text, its turns, each sentence's length."""
    minutes = rng.random() < 0.5
    surnames = rng.sample(SURNAMES, 9)
    if minutes:
        chair = ("○", rng.choice(CHAIRS))
        others = [("○", name + "委員") for name in surnames[:rng.randint(3, 8)]] + [("○", "事務局")]
    else:
        chair = ("●", "司会")
        others = [("○", name + rng.choice(GUEST_ROLES)) for name in surnames[:rng.randint(1, 3)]]
    blank_between = rng.random() < 0.5
    turns = rng.randint(20, 120)
    lines: list[str] = []
    lengths: list[int] = []
    previous = None
    spoken = 0
    for turn in range(turns):
        if len(lengths) >= budget:
            break
        spoken += 1
        if minutes:
            speaker = chair if turn == 0 or rng.random() < 0.3 else rng.choice(others)
            if speaker == previous:
                speaker = chair if speaker != chair else rng.choice(others)
        else:
            speaker = chair if turn % 2 == 0 else rng.choice(others)
        previous = speaker
        count = min(rng.choices([1, 2, 3, 4], weights=[35, 30, 20, 15])[0], budget - len(lengths))
        parts = draw.take(count)
        lengths += [len(part) for part in parts]
        paragraphs = ["".join(parts)]
        if count >= 3 and rng.random() < 1 / 7:
            cut = rng.randrange(1, count)
            paragraphs = ["".join(parts[:cut]), "　" + "".join(parts[cut:])]
        mark, label = speaker
        if rng.random() < 0.1:
            turn_lines = [mark + label] + paragraphs
        else:
            turn_lines = [mark + label + "　" + paragraphs[0]] + paragraphs[1:]
        if blank_between and lines:
            lines.append("")
        lines += turn_lines
    return "minutes" if minutes else "interview", "\n".join(lines) + "\n", spoken, lengths


def shorts(base: Path, out: Path, sentences: int, seed: int) -> None:
    if not (base / "MANIFEST").exists():
        fail(f"{base} is not a corpus made by this script (no MANIFEST)", 66)
    if sentences < 2:
        fail("--sentences needs at least 2 (half for the survey, half for the transcripts)", 64)
    names = sorted(path.name for path in base.glob("*.txt"))
    units, read = short_units([(base / name).read_text(encoding="utf-8") for name in names])
    if not units:
        fail(f"no short sentences in {base}", 65)
    print(f"bench-corpus: {len(names)} documents, {read} sentences, {len(units)} distinct short units "
          f"(median {statistics.median(len(unit) for unit in units)} characters)", file=sys.stderr)
    rng = random.Random(seed)
    draw = UnitDraw(rng, units)
    survey_sentences = sentences // 2
    table, plain, rows, survey_lengths = survey(rng, draw, survey_sentences)
    documents: list[tuple[str, str]] = []
    transcript_lengths: list[int] = []
    turns = 0
    while len(transcript_lengths) < sentences - survey_sentences:
        kind, text, turn_count, lengths = transcript(rng, draw, sentences - survey_sentences - len(transcript_lengths))
        documents.append((f"{kind}-{len(documents) + 1:04d}.txt", text))
        transcript_lengths += lengths
        turns += turn_count

    staging = out.with_name(out.name + ".staging")
    shutil.rmtree(staging, ignore_errors=True)
    for directory in ("survey", "survey-text", "transcripts"):
        (staging / directory).mkdir(parents=True)
    (staging / "survey" / "answers.csv").write_bytes(table.encode("utf-8"))
    (staging / "survey-text" / "answers.txt").write_bytes(plain.encode("utf-8"))
    for name, text in documents:
        (staging / "transcripts" / name).write_bytes(text.encode("utf-8"))

    def digest(path: Path) -> str:
        return hashlib.sha256(path.read_bytes()).hexdigest()

    base_sha = next((line.split(": ", 1)[1] for line in (base / "MANIFEST").read_text().splitlines()
                     if line.startswith("sha256: ")), "unknown")
    lengths = survey_lengths + transcript_lengths
    files, size, transcripts_sha = documents_digest(staging / "transcripts")
    csv_path, text_path = staging / "survey" / "answers.csv", staging / "survey-text" / "answers.txt"
    lines = [
        "corpus: short sentences of real text shaped as survey answers and interview transcripts (issue 13 "
        "benchmark corpus)",
        f"built by: scripts/bench-corpus.sh --shape short --sentences {sentences} --seed {seed} "
        "(method: scripts/bench_corpus.py, shorts)",
        f"base: {base} (sha256 {base_sha}): {len(names)} documents, {read} sentences, {len(units)} distinct units "
        f"of up to {UNIT_LIMIT} characters (clauses packed), {draw.drawn / len(units):.2f} uses per unit",
        f"seed: {seed}",
        f"sentences: {len(lengths)} (survey {len(survey_lengths)}, transcripts {len(transcript_lengths)}); "
        f"median length {statistics.median(lengths):g} characters (code points; survey "
        f"{statistics.median(survey_lengths):g}, transcripts {statistics.median(transcript_lengths):g}), "
        f"mean {statistics.fmean(lengths):.1f}",
        f"survey/answers.csv: {rows} rows and a header (id,年代,性別,自由回答; the text column is 自由回答), "
        f"{csv_path.stat().st_size} bytes, sha256 {digest(csv_path)}",
        f"survey-text/answers.txt: the 自由回答 column, one answer a line, {rows} lines, "
        f"{text_path.stat().st_size} bytes, sha256 {digest(text_path)}",
        f"transcripts: {files} files ({sum(1 for name, _ in documents if name.startswith('minutes'))} minutes, "
        f"{sum(1 for name, _ in documents if name.startswith('interview'))} interviews), {turns} speaker turns, "
        f"{size} bytes, sha256 {transcripts_sha} (the files concatenated in name order)",
    ]
    text = "\n".join(lines) + "\n"
    (staging / "MANIFEST").write_text(text, encoding="utf-8")
    print(text, end="", file=sys.stderr)
    publish(staging, out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    render_command = commands.add_parser("render")
    render_command.add_argument("--out", type=Path, required=True)
    scale_command = commands.add_parser("scale")
    scale_command.add_argument("--base", type=Path, required=True)
    scale_command.add_argument("--out", type=Path, required=True)
    scale_command.add_argument("--factor", type=int, default=10)
    scale_command.add_argument("--seed", type=int, default=8)
    shorts_command = commands.add_parser("shorts")
    shorts_command.add_argument("--base", type=Path, required=True)
    shorts_command.add_argument("--out", type=Path, required=True)
    shorts_command.add_argument("--sentences", type=int, default=200_000)
    shorts_command.add_argument("--seed", type=int, default=13)
    arguments = parser.parse_args()
    if arguments.command == "render":
        render(arguments.out)
    elif arguments.command == "scale":
        scale(arguments.base, arguments.out, arguments.factor, arguments.seed)
    else:
        shorts(arguments.base, arguments.out, arguments.sentences, arguments.seed)


if __name__ == "__main__":
    main()
