#!/usr/bin/env python3
"""Runs a command with a deadline and reports how it ended, so that a test
can tell a job that ended (with any status) from one that hung.

usage: run_with_deadline.py SECONDS COMMAND...
Prints the command's output, then 'exit status N' or 'HUNG'; exits 0.
"""
import subprocess
import sys

deadline = float(sys.argv[1])
try:
    proc = subprocess.run(sys.argv[2:], stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True,
                          timeout=deadline)
    sys.stdout.write(proc.stdout)
    print(f"exit status {proc.returncode}")
except subprocess.TimeoutExpired as e:
    out = e.stdout or ""
    sys.stdout.write(out if isinstance(out, str) else out.decode())
    print("HUNG")
