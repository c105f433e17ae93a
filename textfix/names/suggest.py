"""``textfix names suggest FILES...``: spellings of one name that no pack covers yet.

The corpus is read once. Candidate names are runs of capitalized words (with
the particles al, el, bin ... between them) and the capitalized words in them;
a word the corpus also writes in lower case is a common word, not a name.
Candidates are grouped by a transliteration-aware key: accents and case off,
common romanization alternations merged (q/k/g/gh/kh/c, dh/d, th/t, ph/f, w/v,
y/i/j, ou/u/oo, e/i, -off/-ov, al-/el-/al ), vowels and doubled letters dropped.
Within a group, spellings are joined when their edit distance is small; a
cluster of two or more spellings is printed as a candidate pack entry, the
most frequent spelling first (as the canonical: check it against the English
Wikipedia title before pasting), with counts and one context line each.
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import click

from .fold import fold_word, key

_WORD = re.compile(r"[^\W\d_]+(?:['’\-‐][^\W\d_]+)*")
_POSSESSIVE = re.compile(r"['’]s$")
PARTICLES = frozenset({"al", "el", "ul", "ud", "ad", "ar", "as", "at", "az", "an", "ash", "ad", "ed", "e", "i",
                       "bin", "ben", "ibn", "abu", "bint", "de", "da", "van", "von", "der", "la", "le", "du"})
_ALTERNATIONS = [("sch", "sh"), ("tch", "ch"), ("ch", "C"), ("sh", "S"), ("zh", "Z"), ("kh", "k"), ("gh", "k"),
                 ("ph", "f"), ("dh", "d"), ("th", "t"), ("ck", "k"), ("q", "k"), ("g", "k"), ("c", "k"),
                 ("w", "v"), ("j", "Y"), ("x", "ks"), ("h", "")]
_VOWELS = re.compile(r"[aeiouy]+")
_DOUBLE = re.compile(r"(.)\1+")
MAX_RUN = 4


def _loose(word: str) -> str:
    w = re.sub(r"[^a-z]", "", fold_word(word))
    if w.endswith("off"):
        w = w[:-3] + "ov"
    elif w.endswith("ff"):
        w = w[:-2] + "f"
    return w


def _consonantal(word: str) -> str:
    w = _loose(word)
    if w.startswith("y"):
        w = "Y" + w[1:]  # a consonant here: Yevgeny = Jevgeni
    for a, b in _ALTERNATIONS:
        w = w.replace(a, b)
    return w


def skeleton(form: str) -> str:
    """The transliteration-aware key: consonants after merging alternations, no vowels, no doubles.

    >>> skeleton("Muammar Qaddafi") == skeleton("Moammar Gadhafi") == skeleton("Muamar el-Khadafy")
    True
    >>> skeleton("Zelensky") == skeleton("Zelenskyy") == skeleton("Zelenskiy")
    True
    """
    parts = []
    for word in _words(form):
        w = _DOUBLE.sub(r"\1", _VOWELS.sub("", _consonantal(word)))
        parts.append(w or _loose(word))
    return " ".join(p for p in parts if p)


def vowel_key(form: str) -> str:
    """Like :func:`skeleton`, but each run of vowels kept as one ``a``: Mujahed = Mujahid, Hassan = Husayn."""
    return " ".join(_DOUBLE.sub(r"\1", _VOWELS.sub("a", _consonantal(w))) for w in _words(form))


def _words(form: str) -> list[str]:
    ws = [w for w in re.split(r"[\s\-‐]+", re.sub(r"['’ʼʻ`]", "", form)) if w]
    return [w for w in ws if fold_word(w) not in PARTICLES] or ws


def distance(a: str, b: str) -> int:
    """Levenshtein distance."""
    if len(a) < len(b):
        a, b = b, a
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


@dataclass
class Spelling:
    form: str  # the most frequent surface form of this key
    count: int = 0
    context: str = ""
    alone: int = 0  # mentions standing on their own, not inside a longer name
    forms: Counter = field(default_factory=Counter)


@dataclass
class Cluster:
    spellings: list[Spelling]

    @property
    def total(self) -> int:
        return sum(s.count for s in self.spellings)


def _runs(line: str) -> Iterable[list[str]]:
    """Runs of capitalized words (particles allowed inside) separated by single spaces."""
    run: list[str] = []
    last_end = -2
    for m in _WORD.finditer(line):
        word = _POSSESSIVE.sub("", m.group())
        capital = any(ch.isupper() for ch in word)
        particle = fold_word(word) in PARTICLES
        joined = m.start() == last_end + 1 and line[last_end] == " "
        if run and not joined:
            yield run
            run = []
        if capital or (particle and run):
            run.append(word)
        elif run:
            yield run
            run = []
        last_end = m.end()
        if m.group() != word:  # a possessive ends the name
            if run:
                yield run
            run = []
            last_end = -2
    if run:
        yield run


def collect(texts: Iterable[tuple[str, str]], given_names: frozenset[str] = frozenset()) -> dict[str, Spelling]:
    """Candidate names of the corpus ``(label, text)``, by key, with counts and a context line."""
    texts = list(texts)
    lower_words: set[str] = set()
    for _, text in texts:
        lower_words.update(w for w in _WORD.findall(text) if w.islower())
    found: dict[str, Spelling] = {}

    def add(form: str, label: str, number: int, line: str, alone: bool) -> None:
        k = key(form)
        if not k:
            return
        spelling = found.get(k)
        if spelling is None:
            pos = line.find(form)
            lo, hi = max(0, pos - 40), min(len(line), pos + len(form) + 40)
            snippet = ("…" if lo else "") + line[lo:hi].strip() + ("…" if hi < len(line) else "")
            spelling = found[k] = Spelling(form, context=f"{label}:{number}: {snippet}")
        spelling.count += 1
        spelling.alone += alone
        spelling.forms[form] += 1

    for label, text in texts:
        for number, line in enumerate(text.splitlines(), 1):
            for run in _runs(line):
                # Drop common words (written in lower case elsewhere) and particles at either end.
                while run and (run[0].lower() in lower_words or fold_word(run[0]) in PARTICLES):
                    run = run[1:]
                while run and fold_word(run[-1]) in PARTICLES:
                    run = run[:-1]
                if not run:
                    continue
                if len(run) <= MAX_RUN and len(run) > 1:
                    add(" ".join(run), label, number, line, True)
                for word in run:
                    if len(word) >= 4 and word.lower() not in lower_words and fold_word(word) not in given_names:
                        add(word, label, number, line, len(run) == 1)
    for spelling in found.values():
        spelling.form = spelling.forms.most_common(1)[0][0]
    return found


def cluster(found: dict[str, Spelling], covered: set[str] = frozenset(), min_total: int = 2) -> list[Cluster]:
    """Clusters of two or more spellings, biggest first."""
    buckets: dict[str, list[str]] = defaultdict(list)
    for k, spelling in found.items():
        buckets[skeleton(spelling.form)].append(k)
    clusters = []
    for members in buckets.values():
        if len(members) < 2:
            continue
        parent = {m: m for m in members}

        def find(x: str) -> str:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                la, lb = a.replace(" ", ""), b.replace(" ", "")
                d = distance(la, lb)
                limit = max(len(la), len(lb))
                same_vowels = vowel_key(found[a].form) == vowel_key(found[b].form)
                close = d <= max(1, round(0.34 * limit)) or (same_vowels and d <= 0.5 * limit)
                if close:
                    parent[find(a)] = find(b)
        groups: dict[str, list[str]] = defaultdict(list)
        for m in members:
            groups[find(m)].append(m)
        for keys in groups.values():
            if len(keys) < 2 or all(k in covered for k in keys):
                continue
            if not any(found[k].alone for k in keys):
                continue  # words seen only inside longer names: the longer names make the entry
            spellings = sorted((found[k] for k in keys), key=lambda s: (-s.count, s.form))
            c = Cluster(spellings)
            if c.total >= min_total:
                clusters.append(c)
    clusters.sort(key=lambda c: (-c.total, c.spellings[0].form))
    return clusters


def render(clusters: Sequence[Cluster], covered: dict[str, str] | None = None) -> str:
    """Candidate entries in the pack format, ready to review and paste into ``[entries]``."""
    covered = covered or {}
    out = [f"# {len(clusters)} candidate entries from `textfix names suggest`. The first spelling of each is the",
           "# most frequent one: check it against the English Wikipedia title before pasting.", ""]
    for c in clusters:
        known = [covered[key(s.form)] for s in c.spellings if key(s.form) in covered]
        if known:
            out.append(f"# new spellings of {known[0]!r}, already in a pack: add the new lines under that entry")
        out.append(f"# {len(c.spellings)} spellings, {c.total} mentions")
        first, *rest = c.spellings
        out.append(first.form)
        out.append(f"    # {first.count}× {first.context}")
        for s in rest:
            out.append(f"    {s.form}")
            out.append(f"    # {s.count}× {s.context}")
        out.append("")
    return "\n".join(out)


def _read(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _files(paths: Sequence[str]) -> list[Path]:
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            files.extend(sorted(q for q in p.rglob("*") if q.is_file() and not q.name.startswith(".")))
        elif p.exists():
            files.append(p)
        else:
            matches = sorted(Path().glob(str(p))) if not p.is_absolute() and any(c in str(p) for c in "*?[") else []
            if not matches:
                raise click.BadParameter(f"{p}: no such file", param_hint="FILES")
            files.extend(q for q in matches if q.is_file())
    return files


@click.group(name="names")
def command() -> None:
    """Name standardization tools."""


@command.command()
@click.argument("files", nargs=-1, required=True)
@click.option("--profile", default="default", show_default=True,
              help="Profile whose names packs count as covered.")
@click.option("--packs", "extra", multiple=True, help="Extra pack file or folder whose names count as covered.")
@click.option("--min-mentions", default=2, show_default=True, type=click.IntRange(1),
              help="Leave out clusters mentioned fewer times in all.")
@click.option("--all", "show_all", is_flag=True, help="Also list clusters whose spellings are all in packs.")
@click.option("--limit", default=0, type=click.IntRange(0), help="Print at most this many clusters (0: all).")
def suggest(files: tuple[str, ...], profile: str, extra: tuple[str, ...], min_mentions: int, show_all: bool,
            limit: int) -> None:
    """Find spellings of one name across FILES that no pack covers, as candidate pack entries."""
    from ..engine import Pipeline
    from .model import load_names

    from ..catalog import Catalog

    catalog = Catalog(extra)
    pipeline = Pipeline(profile, packs=",".join(extra)) if extra else Pipeline(profile)
    ids = [p for stage in pipeline.stages if stage.kind == "names" for p in stage.packs]
    roots = [Path(e).expanduser().resolve() for e in extra]
    ids += [i for i in catalog.ids("names") if i not in ids
            and any(root == catalog.path(i) or root in catalog.path(i).parents for root in roots)]
    loaded = [catalog.load(p) for p in ids]
    names = load_names(loaded)
    covered: dict[str, str] = {}
    for entry in names.entries:
        for form in (entry.canonical, *entry.variants, *((entry.short,) if entry.short else ()), *entry.short_variants):
            covered.setdefault(key(form), entry.canonical)
    for phrase in names.keep:
        covered.setdefault(key(phrase), phrase)
    given = frozenset(key(item) for pack in loaded for item, _ in pack.items("given-names"))
    texts = [(str(path), _read(path)) for path in _files(files)]
    found = collect(texts, given)
    clusters = cluster(found, set() if show_all else set(covered), min_mentions)
    if limit:
        clusters = clusters[:limit]
    click.echo(render(clusters, covered))
    if not clusters:
        click.echo("# no new spellings found", err=False)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(command())
