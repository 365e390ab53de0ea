#!/usr/bin/env python3
"""Times 50 searches of an indexed archive (benches/make_archive.py, then
kanbao --index DIR) against grep -r on the same files, in the same run:
queries of two to six characters cut from the corpus's articles at
random (seeded), each run alternately with kanbao and grep.
Usage: python3 benches/archive_queries.py DIR [KANBAO]
"""
import json
import lzma
import os
import random
import statistics
import subprocess
import sys
import time

root = sys.argv[1]
kanbao = sys.argv[2] if len(sys.argv) > 2 else "./target/release/kanbao"
corpus = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "corpus", "rmrb-2019-02.jsonl.xz")
arts = [json.loads(l) for l in lzma.open(corpus, "rt", encoding="utf-8")]
rng = random.Random(16)
queries = []
while len(queries) < 50:
    text = "".join(rng.choice(arts)["paras"])
    if len(text) < 20:
        continue
    n = rng.randint(2, 6)
    i = rng.randrange(0, len(text) - n)
    q = text[i : i + n]
    if q.strip() == q and not any(c in q for c in "\"'\\$`"):
        queries.append(q)


def timed(cmd):
    t = time.perf_counter()
    out = subprocess.run(cmd, shell=True, capture_output=True, text=True)
    return time.perf_counter() - t, out.stdout.strip()


ours, greps, hits = [], [], []
for q in queries:
    t, n = timed(f"{kanbao} --search '{q}' {root} | wc -l")
    ours.append(t)
    hits.append(int(n or 0))
    t, _ = timed(f"grep -rF '{q}' {root} | wc -l")
    greps.append(t)
print(f"{len(queries)} queries, hits per query: median {statistics.median(hits):.0f}, most {max(hits)}")
print(f"kanbao --search with the index: median {statistics.median(ours) * 1000:.0f} ms, worst {max(ours) * 1000:.0f} ms")
print(f"grep -rF:                       median {statistics.median(greps) * 1000:.0f} ms, worst {max(greps) * 1000:.0f} ms")
