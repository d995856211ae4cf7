#!/usr/bin/env python3
"""A launcher that fails the way a broken mpirun does, for testing the
differential oracle itself.

usage: fake_mpirun.py -n N --output-filename DIR MODE COMMAND...
(the oracle puts its options right after the launcher's first word)
MODE: nothing  - exits 0 and runs nothing;
      ignore   - runs COMMAND once and lets it write to our own stdout,
                 ignoring --output-filename.
"""
import subprocess
import sys

args = sys.argv[1:]
rest = []
i = 0
while i < len(args):
    if args[i] in ("-n", "--output-filename"):
        i += 2
    else:
        rest.append(args[i])
        i += 1
mode, command = rest[0], rest[1:]
if mode == "ignore":
    sys.exit(subprocess.run(command).returncode)
sys.exit(0)
