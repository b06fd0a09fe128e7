#!/usr/bin/env python3
"""Makes a large press-like JSONL dump from the bundled French fixtures, for benchmarks.

usage: scripts/make_dump.py SIZE_MB [OUT.jsonl]   (stdout when OUT is omitted)

Each line is one article: the paragraphs of a fixture article (fixtures/fr/*.txt),
title kept first and the others rotated so that consecutive articles differ, with a
distinct id (`bench-N`) and publication date. Standard library only.
"""
import datetime
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__.strip())
    target = int(float(sys.argv[1]) * 1_000_000)
    out = open(sys.argv[2], "w", encoding="utf-8") if len(sys.argv) == 3 else sys.stdout
    articles = []
    for path in sorted((ROOT / "fixtures" / "fr").glob("*.txt")):
        text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
        articles.append([p for p in text.split("\n\n") if p.strip()])
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
            "date": (start + datetime.timedelta(days=n % 2000)).isoformat(),
            "title": paragraphs[0],
            "text": text,
        }
        line = json.dumps(record, ensure_ascii=False) + "\n"
        out.write(line)
        written += len(line.encode("utf-8"))
        n += 1
    out.flush()
    print(f"{n} articles, {written / 1e6:.1f} MB", file=sys.stderr)


if __name__ == "__main__":
    main()
