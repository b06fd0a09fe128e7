#!/usr/bin/env python3
"""Generate the JSON Lines dump fixtures used by depeche's tests.

Reads the hand-written articles under ``fixtures/fr/`` and
``fixtures/en/01-english-article.txt`` and writes:

* ``fixtures/dumps/articles.jsonl`` -- one JSON object per line with the
  fields ``id``, ``title`` (first line of the file), ``date`` (``YYYY-MM-DD``,
  or a full ISO 8601 timestamp for two of the lines), ``url`` and ``text``
  (the whole file content, title included, line endings preserved).  Order:
  every ``fixtures/fr/*.txt`` in sorted order, the English article, two short
  French briefs defined below, one line with no ``id`` field (the tool must
  fall back to ``PATH:LINE``) and one line whose ``text`` is empty.
* ``fixtures/dumps/articles.jsonl.gz`` -- the same bytes, gzip-compressed with
  ``mtime=0`` so that the output is reproducible.
* ``fixtures/dumps/bad-lines.jsonl`` -- three valid briefs interleaved with a
  truncated (invalid) JSON line, an empty line, an object without ``text`` and
  a JSON array instead of an object.

Standard library only.  Run from anywhere:

    python3 scripts/make_fixture_dumps.py

All texts are original and describe fictional events and people.
"""

import gzip
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
DUMPS = FIXTURES / "dumps"

# Publication metadata for each article file, keyed by file name.
# Two entries use a full timestamp instead of a plain date on purpose.
METADATA = {
    "01-istanbul-diplomatie.txt": "2025-03-12",
    "02-nanterre-proces.txt": "2025-03-18T19:42:00+01:00",
    "03-quimper-conseil-municipal.txt": "2025-03-25",
    "04-toulouse-greve-verlane.txt": "2025-04-03",
    "05-gard-inondations.txt": "2024-11-18T07:40:00+01:00",
    "06-oms-rougeole.txt": "2025-04-07",
    "07-rennes-coupe-de-france.txt": "2025-04-02",
    "08-marseille-massalia-crlf.txt": "2025-04-10",
    "09-places-ambiguites.txt": "2025-04-16",
    "10-dates.txt": "2025-04-10",
    "01-english-article.txt": "2025-03-14",
}

# Short French briefs (original texts, fictional events).
BRIEF_BREST = (
    "Brest : un chalutier dérouté après une avarie au large d'Ouessant\n"
    "\n"
    "BREST, 15 mars 2025 (AFP) – Un chalutier espagnol en avarie de moteur a "
    "été remorqué samedi vers Brest, a indiqué la préfecture maritime de "
    "l'Atlantique. Les onze marins sont sains et saufs. « La mer était "
    "forte, mais l'opération s'est bien passée », a précisé un porte-parole."
)

BRIEF_GRENOBLE = (
    "Grenoble : la piscine Jean-Bron fermée jusqu'à la fin avril\n"
    "\n"
    "Grenoble (Isère) – La piscine municipale Jean-Bron restera fermée "
    "jusqu'au 30 avril en raison d'une fuite détectée lundi dans le bassin "
    "principal, a annoncé la mairie. Selon l'adjoint aux sports, M. Hugo "
    "Pellissier, les réparations coûteront « environ 80 000 euros »."
)

BRIEF_LIMOGES = (
    "Limoges : un incendie dans un entrepôt de porcelaine\n"
    "\n"
    "Limoges (Haute-Vienne) – Un incendie a ravagé dans la nuit de mardi à "
    "mercredi un entrepôt d'une manufacture de porcelaine, sans faire de "
    "victime. Une trentaine de pompiers sont intervenus vers 2 h. De source "
    "proche de l'enquête, la piste accidentelle est privilégiée."
)

BRIEF_METZ = (
    "Metz : le marché de Noël prolongé d'une semaine\n"
    "\n"
    "Metz (Moselle) – Le marché de Noël de Metz fermera ses portes le "
    "4 janvier, soit une semaine plus tard que prévu, a annoncé jeudi la "
    "municipalité. « La fréquentation a dépassé nos attentes », a expliqué "
    "Mme Chantal Weber, adjointe au commerce, évoquant 1,4 million de visiteurs."
)

BRIEF_PAU = (
    "Pau : la circulation rétablie sur la RN 134 après un éboulement\n"
    "\n"
    "Pau (Pyrénées-Atlantiques) – La circulation a été rétablie vendredi "
    "vers 17 h sur la RN 134, coupée depuis mercredi par un éboulement dans "
    "la vallée d'Aspe. D'après la préfecture, des travaux de purge de la "
    "falaise se poursuivront pendant deux semaines, de nuit uniquement."
)

BRIEF_AJACCIO = (
    "Ajaccio : une liaison maritime suspendue en raison du vent\n"
    "\n"
    "AJACCIO, 3 février 2025 (AFP) – Les traversées entre Ajaccio et "
    "Marseille ont été annulées lundi en raison de rafales supérieures à "
    "100 km/h, a annoncé la compagnie. Météo-France a placé la Corse-du-Sud "
    "en vigilance orange « vent violent » jusqu'à mardi 6 h."
)


def read_article(path):
    """Return (title, text) for an article file, preserving line endings."""
    with open(path, encoding="utf-8", newline="") as f:
        text = f.read()
    title = text.split("\n", 1)[0].rstrip("\r")
    return title, text


def article_record(path, prefix):
    if path.name not in METADATA:
        sys.exit(f"no metadata for {path}; add it to METADATA")
    title, text = read_article(path)
    number = path.name.split("-", 1)[0]
    slug = path.stem.split("-", 1)[1]
    date = METADATA[path.name]
    day = date[:10].replace("-", "/")
    return {
        "id": f"{prefix}-{number}",
        "title": title,
        "date": date,
        "url": f"https://example.org/{prefix}/{day}/{slug}",
        "text": text,
    }


def brief_record(ident, text, date, slug):
    record = {
        "id": ident,
        "title": text.split("\n", 1)[0],
        "date": date,
        "url": f"https://example.org/breves/{date[:10].replace('-', '/')}/{slug}",
        "text": text,
    }
    if ident is None:
        del record["id"]
    return record


def to_line(obj):
    return json.dumps(obj, ensure_ascii=False) + "\n"


def build_articles():
    records = [article_record(p, "fr") for p in sorted((FIXTURES / "fr").glob("*.txt"))]
    records.append(article_record(FIXTURES / "en" / "01-english-article.txt", "en"))
    records.append(brief_record("brief-01", BRIEF_BREST, "2025-03-15", "brest-chalutier"))
    records.append(brief_record("brief-02", BRIEF_GRENOBLE, "2025-03-17", "grenoble-piscine"))
    # No "id": the tool must fall back to PATH:LINE.
    records.append(brief_record(None, BRIEF_LIMOGES, "2025-03-19", "limoges-incendie"))
    # Empty text.
    records.append({
        "id": "empty-01",
        "title": "Dépêche vide",
        "date": "2025-03-20",
        "url": "https://example.org/breves/2025/03/20/depeche-vide",
        "text": "",
    })
    return "".join(to_line(r) for r in records)


def build_bad_lines():
    lines = [
        to_line(brief_record("bad-01", BRIEF_METZ, "2024-12-19", "metz-marche-noel")),
        '{"id": "broken", "text": "Coupé en plein\n',
        "\n",
        to_line(brief_record("bad-02", BRIEF_PAU, "2025-01-10", "pau-rn134")),
        to_line({"id": "no-text", "title": "Dépêche sans corps", "date": "2025-01-11",
                 "url": "https://example.org/breves/2025/01/11/sans-corps"}),
        to_line(["array-01", "Ceci est un tableau JSON, pas un objet."]),
        to_line(brief_record("bad-03", BRIEF_AJACCIO, "2025-02-03", "ajaccio-liaison")),
    ]
    return "".join(lines)


def main():
    DUMPS.mkdir(parents=True, exist_ok=True)
    data = build_articles().encode("utf-8")
    (DUMPS / "articles.jsonl").write_bytes(data)
    with open(DUMPS / "articles.jsonl.gz", "wb") as raw:
        with gzip.GzipFile(filename="articles.jsonl", mode="wb", fileobj=raw, mtime=0) as gz:
            gz.write(data)
    (DUMPS / "bad-lines.jsonl").write_bytes(build_bad_lines().encode("utf-8"))
    for name in ("articles.jsonl", "articles.jsonl.gz", "bad-lines.jsonl"):
        print(f"wrote {(DUMPS / name).relative_to(ROOT)} ({(DUMPS / name).stat().st_size} bytes)")


if __name__ == "__main__":
    main()
