#!/usr/bin/env python3
"""Writes a synthetic archive for whole-process measurements: the
development corpus (../shared/corpus) repeated with shifted dates until it
holds about N megabytes (default 1024), a folder per day (YYYYMMDD/) with a
page file per printed page (NN.txt) in the crawler's layout.
Usage: python3 benches/make_archive.py OUT_DIR [MEGABYTES]
"""
import datetime
import json
import lzma
import os
import sys

out = sys.argv[1]
megabytes = float(sys.argv[2]) if len(sys.argv) > 2 else 1024
corpus = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "corpus", "rmrb-2019-02.jsonl.xz")
items = [json.loads(l) for l in lzma.open(corpus, "rt", encoding="utf-8")]
pages = {}
for it in items:
    pages.setdefault((it["date"], it["page"]), []).append(it)
days = sorted({d for d, _ in pages})
first = datetime.date(2019, 2, 1)
total, files, rep = 0, 0, 0
while total < megabytes * 1024 * 1024:
    for day in days:
        d0 = datetime.date(int(day[:4]), int(day[4:6]), int(day[6:]))
        date = d0 + datetime.timedelta(days=rep * 28)
        folder = os.path.join(out, date.strftime("%Y%m%d"))
        os.makedirs(folder, exist_ok=True)
        for (d, page), arts in sorted(pages.items()):
            if d != day:
                continue
            lines = []
            for a in sorted(arts, key=lambda a: a["seq"]):
                for h in (a.get("leadin"), a["title"], a.get("subtitle")):
                    if h:
                        lines.append(h)
                lines.extend("\u3000\u3000" + p for p in a["paras"])
                lines.append("")
            data = "\n".join(lines).encode("utf-8")
            with open(os.path.join(folder, f"{page:02d}.txt"), "wb") as f:
                f.write(data)
            total += len(data)
            files += 1
        if total >= megabytes * 1024 * 1024:
            break
    rep += 1
print(f"{files} pages, {total / 1024 / 1024:.0f} MiB in {out}")
