"""Reduces a program that shows a difference to a smaller one that still
does, by deleting statements while the difference persists.

A statement is a line together with the more-indented lines under it. Each
pass tries every statement from the last to the first, first deleting it and
then, where deleting leaves a suite empty, replacing it with `pass`; passes
repeat until one changes nothing. `still_fails(text)` decides whether a
candidate keeps the difference (and is a valid program: Python must still
run it successfully).
"""


def indent_of(line):
    return len(line) - len(line.lstrip(" "))


def statement_end(lines, start):
    """The index after the statement that begins at lines[start]."""
    depth = indent_of(lines[start])
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or
                                indent_of(lines[end]) > depth):
        end += 1
    return end


def candidates(lines, start):
    """The programs with the statement at `start` deleted or made `pass`."""
    end = statement_end(lines, start)
    yield lines[:start] + lines[end:]
    stmt = lines[start].strip()
    if stmt != "pass":
        yield lines[:start] + [" " * indent_of(lines[start]) + "pass"] + \
            lines[end:]


def reduce_program(text, still_fails, log=lambda message: None):
    lines = [line for line in text.splitlines() if line.strip()]
    changed = True
    while changed:
        changed = False
        start = len(lines) - 1
        while start >= 0:
            if start < len(lines):
                for candidate in candidates(lines, start):
                    if still_fails("\n".join(candidate) + "\n"):
                        log(f"  {len(lines)} -> {len(candidate)} lines")
                        lines = candidate
                        changed = True
                        break
            start -= 1
    return "\n".join(lines) + "\n"
