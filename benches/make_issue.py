#!/usr/bin/env python3
"""Writes a synthetic newspaper issue for whole-process measurements: the
bundled page repeated as N page files (default: enough for ~20 MB), each
varied (numbered titles, CRLF on odd pages, line-per-paragraph layout every
third page). Usage: python3 benches/make_issue.py OUT_DIR [MEGABYTES]
"""
import os
import sys

out = sys.argv[1]
megabytes = float(sys.argv[2]) if len(sys.argv) > 2 else 20
sample = open("assets/sample-page.txt", encoding="utf-8").read()
os.makedirs(out, exist_ok=True)
total, n = 0, 0
while total < megabytes * 1024 * 1024:
    page = sample.replace("整风仗", f"整风仗（之{n}）").replace("7月9日", f"{n % 12 + 1}月{n % 28 + 1}日")
    if n % 3 == 2:
        page = "".join(
            ("\u3000\u3000" + l if len(l) > 40 else l) + "\n" for l in page.splitlines() if l
        )
    if n % 2 == 1:
        page = page.replace("\n", "\r\n")
    data = page.encode("utf-8")
    with open(os.path.join(out, f"{n + 1:04d}版.txt"), "wb") as f:
        f.write(data)
    total += len(data)
    n += 1
print(f"{n} pages, {total / 1024 / 1024:.1f} MiB in {out}")
