"""Accuracy harness: false alarms on clean text, recall on injected defects, and exact restoration by --fix.

    python benchmarks/accuracy.py [--corpus DIR] [--per-class N] [--clean-limit N] [--seed S] [--unjudged DIR]

For every folder of the corpus it lints the untouched files and counts warnings and errors (information
separately). The corpus is professionally edited, not flawless: `benchmarks/adjudicated/<folder>.jsonl` records,
finding by finding, the ones checked by hand and found to be real defects of the source (`"verdict": "real"`, with
a note: a typo such as `programatically`, a link to a heading that does not exist) or false alarms. False alarms
are all findings but the adjudicated real ones: an unjudged finding counts as a false alarm.
`--unjudged DIR` writes each folder's unjudged findings, with their line, as JSONL for review. Then, for every defect class, it takes clean documents (seeded, so the run is
reproducible), injects one defect at a recorded position, lints the damaged text and counts the defect as
found when a diagnostic of the expected rule touches that position and was not there before. For classes
with safe fixes it also checks that `fix` returns the clean text to the letter (on documents whose clean text
the fixer leaves unchanged).
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from doclint.document import PROSE_KINDS, WORD, Document  # noqa: E402
from doclint.engine import Linter  # noqa: E402
from doclint.files import SUFFIXES  # noqa: E402
from doclint.kinds import parse_swaps  # noqa: E402
from doclint.model import Severity  # noqa: E402
from doclint.prose import document_sentence_starts, is_common_word, is_dictionary_word, word_frequencies  # noqa: E402
from doclint.resources import packs_dir  # noqa: E402
from doclint.rules.casing import STARTERS  # noqa: E402
from doclint.rules.structure import DANGLING  # noqa: E402
from doclint.source import DecodeError, decode  # noqa: E402
from doclint import patterns  # noqa: E402

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
ADJUDICATED = Path(__file__).resolve().parent / "adjudicated"
COMMA = patterns.compile(r"(?<=\p{Ll}\p{Ll}), (?=\p{Ll}\p{Ll}+\b)")
STOP_SPACE = patterns.compile(r"(?<=\s\p{Ll}{3,})\. (?=(?:The|This|These|It|In|We|However|They|When|For)\b)")
POSSESSIVE = patterns.compile(r"\b(\p{Lu}\p{Ll}+)(['’]s)\b")


@dataclass
class Injection:
    text: str  # the damaged document
    at: int  # where the defect is, in the damaged text
    codes: tuple[str, ...]  # rules expected to report it
    restorable: bool  # a safe fix should give back the clean text


Injector = Callable[[Document, random.Random], "Injection | None"]


def _prose_blocks(doc: Document):
    return [b for b in doc.blocks if b.kind == "paragraph"]


def _pick(rng: random.Random, items):
    return rng.choice(items) if items else None


def _matches_in_paragraphs(doc: Document, pattern) -> list:
    found = []
    for block in _prose_blocks(doc):
        found += list(pattern.finditer(doc.prose, block.content_start, block.content_end))
    return found


def comma(doc, rng):
    m = _pick(rng, _matches_in_paragraphs(doc, COMMA))
    if m is None:
        return None
    return Injection(doc.text[:m.start()] + "," + doc.text[m.end():], m.start(), ("DL301",), True)


def sentence_space(doc, rng):
    m = _pick(rng, _matches_in_paragraphs(doc, STOP_SPACE))
    if m is None:
        return None
    return Injection(doc.text[:m.start()] + "." + doc.text[m.end():], m.start(), ("DL302",), True)


def sentence_case(doc, rng):
    candidates = []
    for block, starts in document_sentence_starts(doc):
        if block.kind != "paragraph":
            continue
        for pos in starts[1:]:
            m = WORD.match(doc.prose, pos, block.content_end)
            if m and m.group().lower() in STARTERS and m.group().istitle() and doc.prose[pos - 2:pos] == ". " \
                    and doc.prose[m.end():m.end() + 1] == " ":
                candidates.append(pos)
    pos = _pick(rng, candidates)
    if pos is None:
        return None
    return Injection(doc.text[:pos] + doc.text[pos].lower() + doc.text[pos + 1:], pos, ("DL201",), True)


def name_casing(doc, rng):
    """Lowercase one occurrence of a name: a word the article capitalises mid-sentence, on its own (the words
    beside it are not capitalised), three times or more, and never writes in lowercase (not even in code or
    links), and that is no English word (neither frequent nor in the dictionary in lowercase)."""
    starts = {p for _, s in document_sentence_starts(doc) for p in s}
    spots: dict[str, list[int]] = defaultdict(list)
    for block in _prose_blocks(doc):
        for m in WORD.finditer(doc.prose, block.content_start, block.content_end):
            word = m.group()
            before = doc.prose[max(block.content_start, m.start() - 40):m.start()]
            after = doc.prose[m.end():m.end() + 2]
            previous = before.rstrip().rsplit(" ", 1)[-1]
            if word.istitle() and len(word) > 3 and m.start() not in starts and word.isalpha() \
                    and before[-1:] == " " and not previous[:1].isupper() and after[:1] in (" ", ",", ".") \
                    and not after[1:].isupper():
                spots[word].append(m.start())
    names = [w for w, at in spots.items() if len(at) >= 3 and word_frequencies().get(w.lower(), 0) < 500
             and not is_dictionary_word(w)
             and not patterns.compile(rf"(?<!\p{{L}}){w.lower()}(?!\p{{L}})").search(doc.text)]
    name = _pick(rng, sorted(names))
    if name is None:
        return None
    pos = rng.choice(spots[name])
    return Injection(doc.text[:pos] + name.lower() + doc.text[pos + len(name):], pos, ("DL202",), True)


def lost_apostrophe(doc, rng):
    matches = [m for m in _matches_in_paragraphs(doc, POSSESSIVE) if doc.word_counts.get(m.group(1), 0) > 1]
    m = _pick(rng, matches)
    if m is None:
        return None
    return Injection(doc.text[:m.start(2)] + "S" + doc.text[m.end(2):], m.start(), ("DL303",), True)


_TYPOS: dict[str, str] = {}


def _typos() -> dict[str, str]:
    if not _TYPOS:
        for typo, choices in parse_swaps((Path(packs_dir()) / "misspellings-en.txt").read_text(encoding="utf-8"), "codespell").items():
            if len(choices) == 1 and choices[0].isalpha() and choices[0].islower() and is_common_word(choices[0], 5):
                _TYPOS.setdefault(choices[0], typo)
    return _TYPOS


def misspelling(doc, rng):
    typos = _typos()
    spots = [m for block in _prose_blocks(doc) for m in WORD.finditer(doc.prose, block.content_start,
                                                                         block.content_end) if m.group() in typos]
    m = _pick(rng, spots)
    if m is None:
        return None
    return Injection(doc.text[:m.start()] + typos[m.group()] + doc.text[m.end():], m.start(), ("DL401",), True)


def mojibake(doc, rng):
    spots = [i for block in _prose_blocks(doc) for i in range(block.content_start, block.content_end)
             if doc.text[i] in "’“”é—–"]
    pos = _pick(rng, spots)
    if pos is None:
        return None
    broken = doc.text[pos].encode("utf-8").decode("cp1252", errors="replace")
    if "\ufffd" in broken:
        return None
    return Injection(doc.text[:pos] + broken + doc.text[pos + 1:], pos, ("DL001",), True)


def truncation(doc, rng):
    paragraphs = [b for b in _prose_blocks(doc) if len(doc.content(b).split()) >= 16]
    block = _pick(rng, paragraphs[-3:])
    if block is None:
        return None
    text = doc.text[block.content_start:block.content_end]
    cuts = [m.end() for m in WORD.finditer(text) if m.group().lower() in DANGLING and m.start() > len(text) // 3]
    cut = _pick(rng, cuts)
    if cut is None:
        return None
    end = block.content_start + cut
    return Injection(doc.text[:end], end - 1, ("DL106",), False)


def _toc_headings(doc):
    if doc.toc is None:
        return []
    return [e for e in doc.toc.entries if e.heading is not None and e.heading.kind == "heading"]


def broken_toc_entry(doc, rng):
    entry = _pick(rng, _toc_headings(doc))
    if entry is None:
        return None
    line = doc.index.line_of(entry.heading.start)
    start = doc.index.starts[line]
    end = doc.index.starts[line + 1] if line + 1 < len(doc.index) else len(doc.text)
    return Injection(doc.text[:start] + doc.text[end:], entry.start, ("DL101",), False)


def stale_toc_entry(doc, rng):
    entry = _pick(rng, _toc_headings(doc))
    if entry is None:
        return None
    heading = entry.heading
    at = heading.content_end
    return Injection(doc.text[:at] + " Revisited" + doc.text[at:], entry.start, ("DL101", "DL104"), False)


def emptied_section(doc, rng):
    """Delete everything between a heading and the next heading of the same or a higher level."""
    sections = doc.sections()
    choices = []
    for i, (heading, blocks) in enumerate(sections):
        following = sections[i + 1][0] if i + 1 < len(sections) else None
        if heading is None or following is None or not blocks or heading.nested or following.nested:
            continue
        if not heading.level or not following.level or following.level <= heading.level:
            choices.append((heading, following))
    choice = _pick(rng, choices)
    if choice is None:
        return None
    heading, following = choice
    start = doc.index.starts[doc.index.line_of(heading.content_end) + 1]
    end = doc.index.starts[doc.index.line_of(following.start)]
    return Injection(doc.text[:start] + doc.text[end:], heading.content_start, ("DL105",), False)


CLASSES: dict[str, Injector] = {
    "comma spacing": comma, "sentence spacing": sentence_space, "sentence case": sentence_case,
    "name casing": name_casing, "lost apostrophe": lost_apostrophe, "misspelling": misspelling,
    "mojibake": mojibake, "truncation": truncation, "broken TOC entry": broken_toc_entry,
    "stale TOC entry": stale_toc_entry, "emptied section": emptied_section,
}


def documents(corpus: Path):
    for folder in sorted(p for p in corpus.iterdir() if p.is_dir()):
        for path in sorted(folder.rglob("*")):
            if path.suffix.lower() in SUFFIXES and path.is_file():
                try:
                    yield folder.name, path, decode(path.read_bytes()).text
                except DecodeError:
                    continue


def adjudicated(folder: str) -> dict[tuple, str]:
    """(file, line, code, flagged text) -> 'real' or 'false', from benchmarks/adjudicated/<folder>.jsonl."""
    path = ADJUDICATED / f"{folder}.jsonl"
    verdicts = {}
    for line in path.read_text(encoding="utf-8").splitlines() if path.exists() else ():
        if line.strip():
            entry = json.loads(line)
            verdicts[entry["file"], entry["line"], entry["code"], entry["span"]] = entry["verdict"]
    return verdicts


def manifest_verdicts(corpus: Path) -> dict[tuple, str]:
    """(folder, file, heading) -> 'real' for the sections a corpus manifest lists as textless and not parents
    (seedlike-keps/manifest.jsonl: `textless_sections` of kind `empty`, for its articles and their Markdown
    sources in k8s-keps): an empty-section finding (DL105) on those is a real defect of the source."""
    verdicts = {}
    for manifest in corpus.glob("*/manifest.jsonl"):
        for line in manifest.read_text(encoding="utf-8").splitlines():
            entry = json.loads(line)
            for section in entry.get("textless_sections", ()):
                if section["kind"] == "empty":
                    verdicts[manifest.parent.name, f"articles/{entry['file']}", section["heading"]] = "real"
                    verdicts["k8s-keps", entry["source"], section["heading"]] = "real"
    return verdicts


def finding_key(folder_path: Path, path: Path, text: str, d) -> tuple:
    line = text.count("\n", 0, d.start) + 1
    return str(path.relative_to(folder_path)), line, d.code, text[d.start:d.end]


def found(linter: Linter, injection: Injection, path: str, clean_hits: set) -> bool:
    for d in linter.check(injection.text, path):
        if d.code in injection.codes and d.start - 2 <= injection.at <= d.end + 2 and (d.code, d.start) not in clean_hits:
            return True
    return False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--per-class", type=int, default=200, help="damaged documents per defect class")
    parser.add_argument("--clean-limit", type=int, default=0, help="clean files per folder (0: all)")
    parser.add_argument("--seed", type=int, default=20261130)
    parser.add_argument("--unjudged", type=Path, help="write each folder's unjudged findings here, as JSONL")
    args = parser.parse_args()
    linter = Linter()
    rng = random.Random(args.seed)

    words, alarms, real, false, infos, files = Counter(), Counter(), Counter(), Counter(), Counter(), Counter()
    by_rule: dict[str, Counter] = defaultdict(Counter)
    unjudged: dict[str, list] = defaultdict(list)
    verdicts = {}
    from_manifest = manifest_verdicts(args.corpus)
    pool = []
    for folder, path, text in documents(args.corpus):
        if args.clean_limit and files[folder] >= args.clean_limit:
            continue
        if folder not in verdicts:
            verdicts[folder] = adjudicated(folder)
        files[folder] += 1
        words[folder] += len(text.split())
        diagnostics = linter.check(text, str(path))
        for d in diagnostics:
            if d.severity < Severity.WARNING:
                infos[folder] += d.severity == Severity.INFO
                continue
            alarms[folder] += 1
            key = finding_key(args.corpus / folder, path, text, d)
            verdict = verdicts[folder].get(key)
            if d.code == "DL105":
                verdict = from_manifest.get((folder, key[0], key[3]), verdict)
            real[folder] += verdict == "real"
            false[folder] += verdict == "false"
            if verdict != "real":
                by_rule[folder][d.code] += 1
            if verdict is None:
                line = text.splitlines()[key[1] - 1] if text.splitlines() else ""
                unjudged[folder].append({"file": key[0], "line": key[1], "code": d.code, "span": key[3],
                                         "message": d.message, "text": line[:600]})
        pool.append((folder, path, text))
    print("## False alarms on untouched text (per 10k words)")
    print("| folder | files | words | warnings+errors | real defects (adjudicated) | false alarms (judged) "
          "| unjudged | false alarms per 10k | by rule | info per 10k |\n|---|---|---|---|---|---|---|---|---|---|")
    for folder in sorted(files):
        w = max(words[folder], 1)
        rules = ", ".join(f"{code} {n}" for code, n in by_rule[folder].most_common())
        print(f"| {folder} | {files[folder]} | {words[folder]:,} | {alarms[folder]} | {real[folder]} | {false[folder]} "
              f"| {alarms[folder] - real[folder] - false[folder]} | {(alarms[folder] - real[folder]) * 1e4 / w:.2f} "
              f"| {rules or '-'} | {infos[folder] * 1e4 / w:.2f} |")
    if args.unjudged:
        args.unjudged.mkdir(parents=True, exist_ok=True)
        for folder, entries in unjudged.items():
            with open(args.unjudged / f"{folder}.jsonl", "w", encoding="utf-8") as out:
                out.writelines(json.dumps(e, ensure_ascii=False) + "\n" for e in entries)
    sys.stdout.flush()

    print("\n## Recall on injected defects, and exact restoration by `fix` (safe fixes)")
    print("| class | injected | found | recall | restorable docs | restored | share |\n|---|---|---|---|---|---|---|")
    order = list(range(len(pool)))
    for name, inject in CLASSES.items():
        rng.shuffle(order)
        injected = hits = restorable = restored = 0
        for i in order:
            if injected >= args.per_class:
                break
            folder, path, text = pool[i]
            doc = linter.parse(text, str(path))
            injection = inject(doc, rng)
            if injection is None or injection.text == text:
                continue
            injected += 1
            clean_hits = {(d.code, d.start) for d in linter.check(text, str(path))}
            hits += found(linter, injection, str(path), clean_hits)
            if injection.restorable and linter.fix(text, str(path)).text == text:
                restorable += 1
                restored += linter.fix(injection.text, str(path)).text == text
        share = f"{restored / restorable:.3f}" if restorable else "-"
        print(f"| {name} | {injected} | {hits} | {hits / max(injected, 1):.3f} | {restorable or '-'} | "
              f"{restored if restorable else '-'} | {share} |")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
