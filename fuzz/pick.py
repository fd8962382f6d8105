#!/usr/bin/env python3
"""Picks a small corpus that keeps most of a big one's coverage, for committing.

Usage (from fuzz/): pick.py TARGET [COUNT] [MAX_BYTES]. Runs the target's libFuzzer binary in
merge mode over fuzz/corpus/TARGET (the seeds, always kept) and fuzz/work/TARGET (what fuzzing
found), reads the edges each input covers from the merge control file, and greedily copies the
COUNT inputs (25 by default, each at most MAX_BYTES, 20000 by default) that add the most edges
the seeds do not cover to fuzz/corpus/TARGET/cov-<sha1>. libFuzzer credits each edge to the
first (smallest) input that reaches it, so the choice is greedy on those credits, not exact; the
edges printed are measured: the seeds alone, the committed corpus, and every input."""
import hashlib
import os
import shutil
import subprocess
import sys
import re
import tempfile

target = sys.argv[1]
count = int(sys.argv[2]) if len(sys.argv) > 2 else 25
max_bytes = int(sys.argv[3]) if len(sys.argv) > 3 else 20000
binary = f"target/x86_64-unknown-linux-gnu/release/{target}"
seeds, work = f"corpus/{target}", f"work/{target}"



def merge(*dirs):
    """The edges the inputs in dirs cover, and the merge control file's lines."""
    with tempfile.TemporaryDirectory() as tmp:
        control = os.path.join(tmp, "control")
        out = os.path.join(tmp, "out")
        os.mkdir(out)
        log = subprocess.run([binary, "-merge=1", f"-merge_control_file={control}", out, *dirs],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                             check=False).stderr
        edges = re.findall(r"(\d+) new coverage edges", log)
        return int(edges[-1]) if edges else 0, open(control).read().splitlines()


seed_edges, _ = merge(seeds)
all_edges, lines = merge(seeds, work)

n = int(lines[0])
paths = lines[2:2 + n]
cov = {}
for line in lines[2 + n:]:
    if line.startswith("COV "):
        parts = line.split()
        cov[int(parts[1])] = set(parts[2:])

covered = set()
for i, p in enumerate(paths):
    if p.startswith(seeds + "/"):
        covered |= cov.get(i, set())
candidates = {i: cov.get(i, set()) for i, p in enumerate(paths)
              if p.startswith(work) and os.path.getsize(p) <= max_bytes}
picked = []
for _ in range(count):
    best = max(candidates, key=lambda i: len(candidates[i] - covered), default=None)
    if best is None or not candidates[best] - covered:
        break
    covered |= candidates.pop(best)
    picked.append(paths[best])
for p in picked:
    data = open(p, "rb").read()
    shutil.copy(p, f"{seeds}/cov-{hashlib.sha1(data).hexdigest()[:12]}")
kept, _ = merge(seeds)
files = len(os.listdir(seeds))
print(f"{target}: edges covered by the seeds {seed_edges}; by the {files} files kept "
      f"({len(picked)} picked) {kept}; by all {len(paths)} inputs {all_edges}")
