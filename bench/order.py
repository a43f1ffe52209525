#!/usr/bin/env python3
"""Writes bench/link-order.txt: the functions mpn-support runs for its everyday commands (see
bench/order and build.rs).

Runs each command under callgrind, which records every instruction address executed; the link
map (written by the build bench/order makes) says which function section holds each address. The
file lists their symbols, the commands' own order first, so the linker can put them side by side.
Usage: bench/order.py LINK_MAP OUTPUT
"""
import bisect
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, "target", "release", "mpn-support")
DAY = ["--as-of", "2026-11-24"]
# The everyday commands, most frequent first: their functions are placed in this order.
COMMANDS = [
    ["check", "--tier", "gold", "--product", "sql-server", "--version", "2022"] + DAY,
    ["check", "--tier", "silver", "--product", "sql-server", "--version", "2016"] + DAY,
    ["check", "--tier", "gold", "--product", "sql-server", "--format", "json"] + DAY,
    ["check", "--tier", "gold", "--product", "azure", "--competency", "cloud"] + DAY,
    ["check", "--tier", "gold", "--product", "sqlserver"] + DAY,
    ["products"] + DAY,
    ["matrix"],
    ["explain", "--tier", "gold", "--product", "sql-server"] + DAY,
]
SECTION = re.compile(
    r"^\s*([0-9a-f]+)\s+[0-9a-f]+\s+([0-9a-f]+)\s+\d+\s+\S.*:\((\.text(?:\.[a-z]+)??\.(_Z\S+|_R\S+))\)$"
)


def sections(map_path):
    """The function sections of .text as sorted (start, end, symbol) tuples."""
    out = []
    for line in open(map_path, encoding="utf-8", errors="replace"):
        m = SECTION.match(line)
        if m:
            start, size = int(m.group(1), 16), int(m.group(2), 16)
            out.append((start, start + size, m.group(4)))
    out.sort()
    return out


def executed(argv):
    """The instruction addresses callgrind saw run in our binary, in first-seen order."""
    with tempfile.NamedTemporaryFile(suffix=".callgrind") as f:
        subprocess.run(["valgrind", "--tool=callgrind", "--dump-instr=yes",
                        f"--callgrind-out-file={f.name}", BIN] + argv,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        names, current, addr, seen = {}, "", 0, {}
        for line in open(f.name, encoding="utf-8", errors="replace"):
            if line.startswith(("ob=", "cob=")):
                m = re.match(r"c?ob=\((\d+)\)(?: (.*))?", line.strip())
                if m.group(2):
                    names[m.group(1)] = m.group(2)
                if line.startswith("ob="):
                    current = names.get(m.group(1), "")
                continue
            token = line.split(maxsplit=1)[0] if line[:1] in "0123456789+-*" else None
            if token is None:
                continue
            if token.startswith("0x"):
                addr = int(token, 16)
            elif token[0] == "+":
                addr += int(token[1:])
            elif token[0] == "-":
                addr -= int(token[1:])
            if current == BIN:
                seen.setdefault(addr, None)
        return list(seen)


def main():
    map_path, output = sys.argv[1], sys.argv[2]
    table = sections(map_path)
    if not table:
        sys.exit(f"bench/order: no function sections in {map_path}")
    starts = [s for s, _, _ in table]
    order, size = {}, 0
    for argv in COMMANDS:
        for addr in executed(argv):
            i = bisect.bisect_right(starts, addr) - 1
            if i >= 0 and table[i][0] <= addr < table[i][1] and table[i][2] not in order:
                order[table[i][2]] = None
                size += table[i][1] - table[i][0]
    if not order:
        sys.exit("bench/order: callgrind saw none of the binary's functions run")
    rustc = subprocess.run(["rustc", "--version"], capture_output=True, text=True).stdout.strip()
    with open(output, "w") as f:
        f.write("# Functions mpn-support runs for its everyday commands, in the order to place them.\n")
        f.write(f"# Written by bench/order with {rustc}; read by build.rs. Names are the\n")
        f.write("# toolchain's and Cargo.lock's: after a change to either, run bench/order again.\n")
        for name in order:
            f.write(name + "\n")
    print(f"bench/order: {len(order)} functions ({size // 1024} KB of {len(table)} sections) "
          f"written to {os.path.relpath(output, ROOT)}")


if __name__ == "__main__":
    main()
