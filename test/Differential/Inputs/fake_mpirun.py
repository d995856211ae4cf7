#!/usr/bin/env python3
"""A launcher that fails the way a broken mpirun does, for testing the
differential oracle itself.

usage: fake_mpirun.py -n N --output-filename DIR MODE COMMAND...
(the oracle puts its options right after the launcher's first word)
MODE: nothing  - exits 0 and runs nothing;
      ignore   - runs COMMAND once and lets it write to our own stdout,
                 ignoring --output-filename;
      refuse   - fails to start the job every time: exits 1 with a message
                 and leaves no per-rank file;
      flaky    - fails to start the job the first time it is asked to write
                 into DIR, then runs COMMAND on each rank as mpirun does.
"""
import os
import subprocess
import sys

args = sys.argv[1:]
rest = []
ranks, outdir = 1, None
i = 0
while i < len(args):
    if args[i] == "-n":
        ranks = int(args[i + 1])
        i += 2
    elif args[i] == "--output-filename":
        outdir = args[i + 1]
        i += 2
    else:
        rest.append(args[i])
        i += 1
mode, command = rest[0], rest[1:]
if mode == "ignore":
    sys.exit(subprocess.run(command).returncode)
refused_before = outdir + ".refused"
if mode == "refuse" or (mode == "flaky" and not os.path.exists(refused_before)):
    open(refused_before, "w").close()
    sys.stderr.write("fake_mpirun: the daemons could not be started\n")
    sys.exit(1)
if mode == "flaky":
    status = 0
    for rank in range(ranks):
        files = os.path.join(outdir, "1", f"rank.{rank}")
        os.makedirs(files)
        with open(os.path.join(files, "stdout"), "w") as out, \
                open(os.path.join(files, "stderr"), "w") as err:
            status = subprocess.run(command, stdout=out,
                                    stderr=err).returncode or status
    sys.exit(status)
sys.exit(0)
