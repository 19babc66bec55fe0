"""The benchmark corpora of issue 8, called by scripts/bench-corpus.sh (which fixes the locale,
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
"""

from __future__ import annotations

import argparse
import concurrent.futures
import hashlib
import math
import os
import random
import re
import shutil
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
    arguments = parser.parse_args()
    if arguments.command == "render":
        render(arguments.out)
    else:
        scale(arguments.base, arguments.out, arguments.factor, arguments.seed)


if __name__ == "__main__":
    main()
