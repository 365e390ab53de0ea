#!/usr/bin/env python3
"""Whole-process measurement: time from exec to the first drawn title, and
peak memory (max RSS), for kanbao and for `less` on the same file, each in
a fresh 100x30 pseudo-terminal. Each process is left running SETTLE
seconds after its first frame (kanbao reads the other pages of an issue
and loads jieba's dictionary in the background), so the peak RSS covers
that work. Usage:

    cargo build --release
    python3 benches/first_frame.py [PATH] [RUNS] [SETTLE]

PATH may be a directory (an issue); `less` then reads its pages
concatenated into one temporary file — or, for an archive (a folder of
folders), its first page alone. MARK (environment) is the first character
of the first title, 打 (the bundled page's) unless set.
"""
import fcntl
import os
import pty
import resource
import select
import signal
import statistics
import struct
import sys
import termios
import time

FILE = sys.argv[1] if len(sys.argv) > 1 else "assets/sample-page.txt"
RUNS = int(sys.argv[2]) if len(sys.argv) > 2 else 20
SETTLE = float(sys.argv[3]) if len(sys.argv) > 3 else 2.0
# ratatui positions the cursor before each wide character, so the title
# is matched by its first character.
MARK = os.environ.get("MARK", "打").encode()


def first_frame(argv, mark):
    """Seconds from exec until `mark` is drawn, and the child's max RSS (KiB)."""
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.environ["LANG"] = "C.UTF-8"
        os.environ["LESSCHARSET"] = "utf-8"
        os.execvp(argv[0], argv)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    seen = b""
    elapsed = None
    deadline = start + 10
    while time.perf_counter() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            seen += chunk
            if elapsed is None and mark in seen:
                elapsed = time.perf_counter() - start
                # Let it settle (kanbao's dictionary loads in the background).
                settle = time.perf_counter() + SETTLE
                while time.perf_counter() < settle:
                    if select.select([fd], [], [], 0.05)[0]:
                        try:
                            os.read(fd, 65536)
                        except OSError:
                            break
                break
    os.kill(pid, signal.SIGTERM)
    _, status, usage = os.wait4(pid, 0)
    os.close(fd)
    return elapsed, usage.ru_maxrss


def report(name, argv):
    times, rss = [], []
    for _ in range(RUNS):
        t, m = first_frame(argv, MARK)
        if t is None:
            print(f"{name}: the title never appeared")
            return
        times.append(t * 1000)
        rss.append(m / 1024)
    print(f"{name:8} first frame: median {statistics.median(times):6.1f} ms "
          f"(min {min(times):.1f}, max {max(times):.1f}); peak RSS {max(rss):.1f} MiB")


report("kanbao", ["target/release/kanbao", FILE])
if os.path.isdir(FILE) and any(os.path.isdir(os.path.join(FILE, n)) for n in os.listdir(FILE)):
    first = min(
        os.path.join(d, f) for d, _, fs in os.walk(FILE) for f in fs if f.endswith(".txt")
    )
    report("less", ["less", first])
elif os.path.isdir(FILE):
    import tempfile
    names = sorted(os.listdir(FILE))
    with tempfile.NamedTemporaryFile(suffix=".txt", delete=False) as joined:
        for name in names:
            with open(os.path.join(FILE, name), "rb") as f:
                joined.write(f.read())
    report("less", ["less", joined.name])
    os.unlink(joined.name)
else:
    report("less", ["less", FILE])
