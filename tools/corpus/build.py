#!/usr/bin/env python3
"""Build JSON Lines corpora of legitimate text from what a Debian machine has.

  python3 tools/corpus/build.py mo   > mo.jsonl    # gettext catalogues, ~3,000-character chunks
  python3 tools/corpus/build.py man  > man.jsonl   # translated man pages (+ man5/man7), rendered by groff
  python3 tools/corpus/build.py code > code.jsonl  # Go and Python sources, as prose

Each line is {"id", "text"}; feed them to `go run ./tools/corpuscheck`.
"""
import gettext, glob, json, os, random, subprocess, sys


def emit(id_, text):
    sys.stdout.write(json.dumps({"id": id_, "text": text}, ensure_ascii=False) + "\n")


def chunks(parts, size, sep):
    chunk, n = [], 0
    for p in parts:
        chunk.append(p)
        n += len(p)
        if n > size:
            yield sep.join(chunk)
            chunk, n = [], 0
    if chunk:
        yield sep.join(chunk)


def mo():
    for path in sorted(glob.glob("/usr/share/locale/*/LC_MESSAGES/*.mo")):
        lang = path.split("/")[4]
        if lang.startswith("en"):
            continue
        try:
            t = gettext.GNUTranslations(open(path, "rb"))
        except Exception:
            continue
        msgs = [v for k, v in t._catalog.items() if k and isinstance(v, str) and v.strip()]
        for i, text in enumerate(chunks(msgs, 3000, "\n")):
            emit(f"{lang}/{os.path.basename(path)}#{i}", text)


def man():
    paths = [p for p in glob.glob("/usr/share/man/**/*.gz", recursive=True)
             if not p.startswith("/usr/share/man/man") or "/man5/" in p or "/man7/" in p]
    for path in sorted(paths):
        r = subprocess.run(f"zcat '{path}' | groff -Tutf8 -man -P -cbou -k", shell=True, capture_output=True, timeout=30)
        try:
            text = r.stdout.decode("utf-8")
        except UnicodeDecodeError:
            continue
        name = path[len("/usr/share/man/"):].replace("/", "_")
        for i, c in enumerate(chunks(text.split("\n\n"), 4000, "\n\n")):
            if c.strip():
                emit(f"{name}#{i}", c + "\n\n")


def code():
    random.seed(1)
    roots = [subprocess.run(["go", "env", "GOROOT"], capture_output=True, text=True).stdout.strip(),
             os.path.dirname(os.__file__)]
    for root in roots:
        files = [os.path.join(d, f) for d, _, fs in os.walk(root) for f in fs if f.endswith((".go", ".py"))]
        random.shuffle(files)
        for p in files[:4000]:
            try:
                text = open(p, encoding="utf-8").read()[:20000]
            except Exception:
                continue
            if text.strip():
                emit(p, text)


{"mo": mo, "man": man, "code": code}[sys.argv[1]]()
