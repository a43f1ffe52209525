#!/usr/bin/env python3
"""Figures for mpn-support, printed as a table (see bench/run).

1. One `check` as a whole process against the floor (a do-nothing Rust binary built here),
   run alternately; median wall time of each and the ratio.      Target: within 1.3x.
2. Instructions per `check` under callgrind.                      Target: under 3 million.
3. Decisions per second in process (examples/decisions.rs).      Target: at least 1 million.
4. `check --batch` on a generated 1,000,000-row CSV: rows per second (target 300,000) and
   peak memory (target under 16 MiB, flat); the same at 100,000 rows shows it is flat.
5. The same lookup done with jq over data/lifecycle.json, as a ratio.
6. Peak memory of a single `check`.                               Target: under 8 MiB.
"""
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time

import order  # bench/order.py: the link-map reader

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, "target", "release", "mpn-support")
WORK = os.path.join(ROOT, "target", "bench")
QUICK = "--quick" in sys.argv
CHECK = [BIN, "check", "--tier", "gold", "--product", "sql-server", "--version", "2022",
         "--as-of", "2026-11-24"]


DEVNULL = os.open(os.devnull, os.O_WRONLY)
GNU_TIME = "/usr/bin/time" if os.path.exists("/usr/bin/time") else None


def run(argv):
    """Runs argv with output discarded; returns (seconds, exit status)."""
    actions = [(os.POSIX_SPAWN_DUP2, DEVNULL, 1), (os.POSIX_SPAWN_DUP2, DEVNULL, 2)]
    started = time.perf_counter()
    pid = os.posix_spawn(argv[0], argv, os.environ, file_actions=actions)
    _, status = os.waitpid(pid, 0)
    return time.perf_counter() - started, os.waitstatus_to_exitcode(status)


def peak_mib(argv):
    """Peak resident memory of argv in MiB, measured by GNU time (which forks from a small
    process; a child of this Python process would report Python's own size)."""
    if not GNU_TIME:
        return None
    out = subprocess.run([GNU_TIME, "-f", "%M"] + argv, stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE, text=True)
    return int(out.stderr.strip().splitlines()[-1]) / 1024


def floor_binary():
    os.makedirs(WORK, exist_ok=True)
    src = os.path.join(WORK, "floor.rs")
    out = os.path.join(WORK, "floor")
    with open(src, "w") as f:
        f.write("fn main() {}\n")
    subprocess.run(["rustc", "-C", "opt-level=3", "-C", "codegen-units=1", "-o", out, src],
                   check=True)
    return out


def process_vs_floor(floor, runs):
    ours, base = [], []
    for _ in range(runs):  # alternate, so load and frequency changes hit both alike
        ours.append(run(CHECK)[0])
        base.append(run([floor])[0])
    return statistics.median(ours), statistics.median(base)


def map_matches_binary(map_path):
    """Whether the binary timed is the link the map describes: its entry point is where the map
    put `_start`. (A build of the binary with other features, as building a bench target
    makes, lays the code out differently.)"""
    with open(BIN, "rb") as f:
        entry = int.from_bytes(f.read(32)[24:32], "little")  # ELF64 e_entry
    for line in open(map_path, encoding="utf-8", errors="replace"):
        fields = line.split()
        if len(fields) == 5 and fields[4] == "_start":
            return int(fields[0], 16) == entry
    return False


def link_order():
    """Whether the functions of bench/link-order.txt sit together in this build (build.rs asks
    the linker to place them so): how many of them the build has, and the span they cover."""
    listed_path = os.path.join(ROOT, "bench", "link-order.txt")
    map_path = os.path.join(WORK, "link.map")
    if not os.path.exists(listed_path) or not os.path.exists(map_path):
        return "n/a (no link map)"
    if not map_matches_binary(map_path):
        return "n/a (the link map is not this binary's: rerun bench/run)"
    listed = {l.strip() for l in open(listed_path) if l.strip() and not l.startswith("#")}
    spans = [(start, end) for start, end, name in order.sections(map_path) if name in listed]
    if not spans:
        return f"0 of {len(listed)} (stale: run bench/order)"
    size = sum(end - start for start, end in spans)
    span = max(end for _, end in spans) - min(start for start, _ in spans)
    where = f"in {span // 1024} KB" if span < 1.2 * size else f"scattered over {span // 1024} KB"
    stale = "" if len(spans) == len(listed) else ", stale: run bench/order"
    return f"{len(spans)} of {len(listed)}, {where}{stale}"


def instructions(argv):
    if not shutil.which("valgrind"):
        return None
    out = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"] + argv,
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    m = re.search(r"Collected : (\d+)", out.stderr)
    return int(m.group(1)) if m else None


def decisions_per_second():
    """Runs the decisions harness bench/run built (examples/decisions.rs, release profile)."""
    harness = os.path.join(ROOT, "target", "release", "examples", "decisions")
    if not os.path.exists(harness):
        return None
    out = subprocess.run([harness], cwd=ROOT, capture_output=True, text=True, check=True)
    m = re.search(r"decisions_per_second (\d+)", out.stdout)
    return int(m.group(1)) if m else None


def batch_file(rows):
    path = os.path.join(WORK, f"batch-{rows}.csv")
    if os.path.exists(path):
        return path
    mix = [("gold", "sql-server", "2022", ""), ("silver", "sql-server", "2019", ""),
           ("maps", "azure", "", ""), ("gold", "windows-server", "2025", ""),
           ("silver", "exchange-server", "Subscription Edition", ""),
           ("gold", "office", "LTSC 2024", ""), ("action-pack", "visual-studio", "2022", ""),
           ("gold", "microsoft-365", "", "cloud-platform"), ("silver", "dynamics-365", "", "other")]
    with open(path, "w") as f:
        f.write("tier,product,version,competency,as_of\n")
        for i in range(rows):
            t, p, v, c = mix[i % len(mix)]
            f.write(f"{t},{p},{v},{c},2026-11-24\n")
    return path


def batch(rows, fmt):
    argv = [BIN, "check", "--batch", batch_file(rows), "--format", fmt]
    seconds, status = run(argv)
    assert status in (0, 1), f"batch exited {status}"
    return rows / seconds, peak_mib(argv)


def mib(value):
    return f"{value:.1f} MiB" if value is not None else "n/a (no GNU time)"


def jq_lookup(runs):
    if not shutil.which("jq"):
        return None
    query = ('.products[] | select(.id == "sql-server") | .versions[] '
             '| select(.version == "2022") | .mainstream_end >= "2026-11-24"')
    argv = [shutil.which("jq"), query, os.path.join(ROOT, "data", "lifecycle.json")]
    times, ours = [], []
    for _ in range(runs):
        times.append(run(argv)[0])
        ours.append(run(CHECK)[0])
    return statistics.median(times), statistics.median(ours)


def main():
    runs = 60 if QUICK else 300
    rows = 100_000 if QUICK else 1_000_000
    floor = floor_binary()
    results = []
    ours, base = process_vs_floor(floor, runs)
    results.append(("check, whole process (median of %d)" % runs, f"{ours * 1e3:.2f} ms", ""))
    results.append(("do-nothing Rust binary (median of %d)" % runs, f"{base * 1e3:.2f} ms", ""))
    results.append(("ratio to the floor", f"{ours / base:.2f}x", "within 1.3x"))
    results.append(("  functions placed together (link-order)", link_order(), ""))
    for fmt in ("text", "json"):
        n = instructions(CHECK + ["--format", fmt])
        results.append((f"instructions per check ({fmt})", f"{n:,}" if n else "n/a (no valgrind)",
                        "under 3,000,000"))
    dps = decisions_per_second()
    results.append(("decisions per second, in process, one core", f"{dps:,}" if dps else "n/a",
                    "at least 1,000,000"))
    for fmt in ("csv", "text", "json"):
        rate, rss = batch(rows, fmt)
        results.append((f"check --batch {rows:,} rows, --format {fmt}", f"{rate:,.0f} rows/s",
                        "at least 300,000" if fmt != "json" else ""))
        results.append((f"  peak memory ({fmt})", mib(rss), "under 16 MiB"))
    _, small_rss = batch(rows // 10, "csv")
    results.append((f"  peak memory at {rows // 10:,} rows (csv)", mib(small_rss), "flat"))
    results.append(("peak memory of one check", mib(peak_mib(CHECK)), "under 8 MiB"))
    jq = jq_lookup(max(runs // 5, 20))
    if jq:
        jq_time, ours_time = jq
        results.append(("same lookup with jq over lifecycle.json", f"{jq_time * 1e3:.2f} ms", ""))
        results.append(("  jq time / check time", f"{jq_time / ours_time:.2f}x", ""))
    width = max(len(r[0]) for r in results)
    print(f"mpn-support benchmark on {platform.machine()}, {os.cpu_count()} cores, "
          f"{platform.system()} {platform.release()}, "
          f"{'quick' if QUICK else 'full'} run")
    print(f"{'measure'.ljust(width)}  {'figure':>18}  target")
    print(f"{'-' * width}  {'-' * 18}  {'-' * 20}")
    for name, figure, target in results:
        print(f"{name.ljust(width)}  {figure:>18}  {target}")


if __name__ == "__main__":
    main()
