#!/usr/bin/env python3
"""Makes a large JSONL dump from the bundled French fixtures, for benchmarks.

usage: scripts/make_dump.py [--set press|dense] SIZE_MB [OUT.jsonl]   (stdout without OUT)

--set press (the default) takes fixtures/press/*.txt, articles written at the density of
ordinary press; --set dense takes fixtures/fr/*.txt, the stress articles, about twice as
packed with dates, names, quotes and sources.

Each line is one article: the paragraphs of a fixture article, title kept first and the
others rotated so that consecutive articles differ, with a distinct id (`bench-N`) and
publication date. Standard library only.
"""
import datetime
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SETS = {"press": "press", "dense": "fr"}


def main():
    args = sys.argv[1:]
    fixture_set = "press"
    if args[:1] == ["--set"] and len(args) >= 2:
        fixture_set = args[1]
        args = args[2:]
    if len(args) not in (1, 2) or fixture_set not in SETS:
        sys.exit(__doc__.strip())
    target = int(float(args[0]) * 1_000_000)
    out = open(args[1], "w", encoding="utf-8") if len(args) == 2 else sys.stdout
    articles = []
    for path in sorted((ROOT / "fixtures" / SETS[fixture_set]).glob("*.txt")):
        text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
        articles.append([p for p in text.split("\n\n") if p.strip()])
    if not articles:
        sys.exit(f"no fixtures/{SETS[fixture_set]}/*.txt to make a dump from")
    start = datetime.date(2020, 1, 1)
    written = 0
    n = 0
    while written < target:
        paragraphs = articles[n % len(articles)]
        body = paragraphs[1:]
        shift = (n // len(articles)) % max(1, len(body))
        text = "\n\n".join([paragraphs[0]] + body[shift:] + body[:shift])
        record = {
            "id": f"bench-{n}",
            "date": (start + datetime.date.resolution * (n % 2000)).isoformat(),
            "title": paragraphs[0],
            "text": text,
        }
        line = json.dumps(record, ensure_ascii=False) + "\n"
        out.write(line)
        written += len(line.encode("utf-8"))
        n += 1
    out.flush()
    print(f"{n} articles, {written / 1e6:.1f} MB ({fixture_set})", file=sys.stderr)


if __name__ == "__main__":
    main()
