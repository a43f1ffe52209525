#!/usr/bin/env python3
"""Figures for mpn-support, printed as a table (see bench/run).

1. One `check` as a whole process, the floor (a do-nothing Rust binary built here) and the
   same lookup with jq, timed side by side by hyperfine in one run. Targets: `check` within
   2.5x the floor, and at least 10x faster than jq.
2. Instructions per `check` under callgrind.                      Target: under 3 million.
3. Decisions per second in process (examples/decisions.rs).      Target: at least 1 million.
4. `check --batch` on a generated 1,000,000-row CSV: rows per second (target 300,000) and
   peak memory (target under 16 MiB, flat); the same at 100,000 rows shows it is flat.
6. Peak memory of a single `check`.                               Target: under 8 MiB.
7. Hostile input (issue 21): peak memory of `check --batch /dev/zero` (endless input) and of a
   batch with a 15 MB row (target: flat, as any batch); of `validate` on a 16 MiB lifecycle
   file (the largest data file read); of `lifecycle update` against a loopback server sending
   the recorded answers, one answer of 180,000 releases, and eight such answers, with its time
   (target: linear, about a second; under 256 MiB whatever the server sends); and of
   `lifecycle import` with a 16 MiB YAML page (refused at its value cap).
"""
import os
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import time

import json
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, "target", "release", "mpn-support")
WORK = os.path.join(ROOT, "target", "bench")
QUICK = "--quick" in sys.argv
CHECK = [BIN, "check", "--tier", "solutions-partner", "--product", "sql-server", "--version", "2022",
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


JQ_QUERY = ('.products[] | select(.id == "sql-server") | .versions[] '
            '| select(.version == "2022") | .mainstream_end >= "2026-11-24"')


def whole_process(floor, runs):
    """Median seconds of check, the floor and jq (when installed), timed by hyperfine."""
    commands = {"check": CHECK, "floor": [floor]}
    if shutil.which("jq"):
        commands["jq"] = [shutil.which("jq"), JQ_QUERY, os.path.join(ROOT, "data", "lifecycle.json")]
    with tempfile.NamedTemporaryFile(suffix=".json") as export:
        argv = ["hyperfine", "-N", "--style", "none", "--warmup", "20", "--runs", str(runs),
                "--export-json", export.name]
        for name, command in commands.items():
            argv += ["-n", name, shlex.join(command)]
        subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)
        results = json.load(open(export.name))["results"]
    return {r["command"]: r["median"] for r in results}


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
    mix = [("solutions-partner", "sql-server", "2022", ""), ("expanded", "sql-server", "2019", ""),
           ("launch", "azure", "", ""), ("spd", "windows-server", "2025", ""),
           ("core", "exchange-server", "Subscription Edition", ""),
           ("spd", "office", "LTSC 2024", ""), ("gold", "visual-studio", "2022", ""),
           ("spd", "microsoft-365", "", "cloud-platform"), ("expanded", "dynamics-365", "", "other")]
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


def big_product_dir():
    """A data directory whose one on-premises product has 20,000 versions (issue 16: the
    listing was quadratic in versions per product)."""
    import json
    path = os.path.join(WORK, "big")
    os.makedirs(path, exist_ok=True)
    with open(os.path.join(ROOT, "tests", "fixtures", "basic", "lifecycle.json")) as f:
        lifecycle = json.load(f)
    lifecycle["products"][0]["versions"] = [
        {"version": f"v{i}", "track": "ltsc",
         "release": f"{2000 + (i // 365) % 900:04d}-{1 + (i // 28) % 12:02d}-{1 + i % 28:02d}"}
        for i in range(20_000)]
    with open(os.path.join(path, "lifecycle.json"), "w") as f:
        json.dump(lifecycle, f)
    shutil.copy(os.path.join(ROOT, "tests", "fixtures", "basic", "entitlements.json"), path)
    return path


def serve(answers):
    """A loopback HTTP server answering /api/v1/products/<slug> from `answers` (slug -> bytes),
    in a thread; returns its base address."""
    import http.server
    import threading

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            body = answers.get(self.path.rsplit("/", 1)[-1])
            if body is None:
                self.send_response(404)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}"


def recorded_answers():
    folder = os.path.join(ROOT, "tests", "fixtures", "endoflife-api")
    return {name[:-5]: open(os.path.join(folder, name), "rb").read()
            for name in os.listdir(folder) if name.endswith(".json")}


def releases_answer(slug, count):
    """An API v1 answer of `count` releases with distinct names (7.8 MB at 180,000)."""
    rows = ",".join(f'{{"name":"r{i}","releaseDate":"{1990 + (i // 336) % 30:04d}-'
                    f'{1 + (i // 28) % 12:02d}-{1 + i % 28:02d}"}}' for i in range(count))
    return f'{{"result":{{"name":"{slug}","releases":[{rows}]}}}}'.encode()


def update(answers):
    """Seconds, exit status and peak MiB of one `lifecycle update` against `answers`."""
    base = serve(answers)
    out = os.path.join(WORK, "updated.json")
    if os.path.exists(out):
        os.remove(out)
    argv = [BIN, "lifecycle", "update", "--base-url", base, "--output", out, "--generated",
            "2099-01-01", "--timeout", "600", "--allow-removals"]
    seconds, status = run(argv)
    return seconds, status, peak_mib(argv)


def hostile(results):
    """Issue 21: memory for input that never ends, rows and files at their caps, and the
    largest answers an update server can send."""
    results.append(("check --batch /dev/zero (endless input): peak memory",
                    mib(peak_mib([BIN, "check", "--batch", "/dev/zero"])), "flat"))
    row = os.path.join(WORK, "long-row.csv")
    with open(row, "w") as f:
        f.write("tier,product\ngold," + "x" * 15_000_000 + "\ngold,sql\n")
    results.append(("check --batch, one 15 MB row: peak memory",
                    mib(peak_mib([BIN, "check", "--as-of", "2021-06-19", "--batch", row])),
                    "flat"))
    big = os.path.join(WORK, "big16")
    os.makedirs(big, exist_ok=True)
    with open(os.path.join(ROOT, "tests", "fixtures", "basic", "lifecycle.json")) as f:
        lifecycle = json.load(f)
    lifecycle["products"][0]["versions"] = [
        {"version": f"v{i}", "track": "ltsc", "mainstream_end": None, "extended_end": None,
         "release": f"{2000 + (i // 365) % 900:04d}-{1 + (i // 28) % 12:02d}-{1 + i % 28:02d}"}
        for i in range(92_000)]
    with open(os.path.join(big, "lifecycle.json"), "w") as f:
        json.dump(lifecycle, f, indent=2)
    shutil.copy(os.path.join(ROOT, "tests", "fixtures", "basic", "entitlements.json"), big)
    results.append(("validate, a 16 MiB lifecycle file: peak memory",
                    mib(peak_mib([BIN, "validate", "--data-dir", big])), ""))
    answers = recorded_answers()
    seconds, status, rss = update(answers)
    assert status == 0, f"update exited {status}"
    results.append(("lifecycle update, recorded answers", f"{seconds * 1e3:.0f} ms", ""))
    results.append(("  peak memory", mib(rss), ""))
    seconds, status, rss = update({**answers, "windows": releases_answer("windows", 180_000)})
    assert status == 2, f"update of 180,000 releases exited {status}"
    results.append(("lifecycle update, 180,000 releases (refused)", f"{seconds:.2f} s",
                    "linear (was 150 s)"))
    results.append(("  peak memory", mib(rss), "under 256 MiB"))
    eight = {slug: releases_answer(slug, 180_000) for slug in answers}
    seconds, status, rss = update(eight)
    assert status == 2, f"update of eight large answers exited {status}"
    results.append(("lifecycle update, 8 answers of 180,000 releases", f"{seconds:.2f} s", ""))
    results.append(("  peak memory", mib(rss), "under 256 MiB"))
    sources = os.path.join(WORK, "yaml-sources")
    os.makedirs(os.path.join(sources, "endoflife"), exist_ok=True)
    for name in ("catalogue.json", "microsoft-lifecycle-supplement.json"):
        shutil.copy(os.path.join(ROOT, "tests", "fixtures", "import", "frontmatter", name), sources)
    with open(os.path.join(sources, "endoflife", "widget.md"), "w") as f:
        f.write("---\nreleases:\n" + "- {a: 1}\n" * ((16 * 1024 * 1024 - 100) // 9) + "---\n")
    argv = [BIN, "lifecycle", "import", "--sources", sources, "--output",
            os.path.join(WORK, "imported.json"), "--generated", "2026-01-01"]
    results.append(("lifecycle import, a 16 MiB YAML page (refused): peak memory",
                    mib(peak_mib(argv)), "under 256 MiB (was 900 MB)"))


def mib(value):
    return f"{value:.1f} MiB" if value is not None else "n/a (no GNU time)"


def main():
    runs = 60 if QUICK else 300
    rows = 100_000 if QUICK else 1_000_000
    floor = floor_binary()
    results = []
    times = whole_process(floor, runs)
    ours, base = times["check"], times["floor"]
    results.append(("check, whole process (hyperfine median of %d)" % runs,
                    f"{ours * 1e3:.2f} ms", ""))
    results.append(("do-nothing Rust binary", f"{base * 1e3:.2f} ms", ""))
    results.append(("  check / do-nothing", f"{ours / base:.2f}x", "within 2.5x"))
    if "jq" in times:
        results.append(("same lookup with jq over lifecycle.json", f"{times['jq'] * 1e3:.2f} ms", ""))
        results.append(("  jq / check", f"{times['jq'] / ours:.1f}x", "at least 10x"))
    for fmt in ("text", "json"):
        n = instructions(CHECK + ["--format", fmt])
        results.append((f"instructions per check ({fmt})", f"{n:,}" if n else "n/a (no valgrind)",
                        ""))
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
    big = big_product_dir()
    seconds, status = run([BIN, "products", "--versions", "--data-dir", big, "--as-of", "2026-01-01"])
    assert status == 0, f"products exited {status}"
    results.append(("products --versions, 20,000 versions of one product", f"{seconds * 1e3:.0f} ms",
                    "linear (was about 1.9 s)"))
    hostile(results)
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
