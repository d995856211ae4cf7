#!/usr/bin/env python3
"""Value/spec pairs for format() and what CPython makes of them.

`format_cases.py CASES EXPECTED [COUNT]` writes COUNT (default 100000)
tab-separated cases `kind value spec` (kind i int, b bool, f float as
float.hex(), s str, n None) to CASES and, one line each, format(value,
spec) or `ERR <Exception>: <message>` to EXPECTED. Specs are drawn from the
whole mini-language (fill, align, sign, z, #, 0, width, grouping,
precision, type), mostly valid, some not; values from every magnitude
and the special cases. 'c' of 0 (nmc's strings end at a NUL) and of
surrogates (which UTF-8 cannot encode) is left out.
"""
import random
import sys

r = random.Random(20261202)

INT_TYPES = ["", "", "d", "n", "b", "o", "x", "X", "c", "e", "f", "g", "%",
             "E", "F", "G"]
FLOAT_TYPES = ["", "", "", "e", "E", "f", "F", "g", "G", "n", "%"]
STR_TYPES = ["", "", "s"]
BAD_TYPES = ["d", "s", "q", "x", "c", "b", "f", "=", "ab"]


def spec_for(kind):
    parts = []
    if r.random() < 0.35:
        fill = r.choice(["", "", "*", "0", " ", "é", "_", "<"])
        parts.append(fill + r.choice("<>=^"))
    if r.random() < 0.3:
        parts.append(r.choice("+- "))
    if r.random() < 0.08:
        parts.append("z")
    if r.random() < 0.15:
        parts.append("#")
    if r.random() < 0.2:
        parts.append("0")
    if r.random() < 0.5:
        parts.append(str(r.choice([0, 1, 2, 5, 8, 10, 12, 15, 20, 25])))
    if r.random() < 0.2:
        parts.append(r.choice([",", "_", ",", "_", ",_"]))
    if r.random() < 0.4:
        parts.append("." + str(r.choice([0, 1, 2, 3, 4, 6, 10, 17, 20])))
    elif r.random() < 0.02:
        parts.append(".")
    types = {"i": INT_TYPES, "b": INT_TYPES, "f": FLOAT_TYPES,
             "s": STR_TYPES, "n": [""]}[kind]
    parts.append(r.choice(types) if r.random() > 0.05 else
                 r.choice(BAD_TYPES))
    if kind == "n" and r.random() < 0.7:
        return ""
    return "".join(parts)


def float_value():
    choice = r.random()
    if choice < 0.1:
        return r.choice([0.0, -0.0, float("inf"), float("-inf"),
                         float("nan"), 5e-324, 1.7976931348623157e308,
                         0.5, 1.5, 2.5, 0.125, 2.675, 1e16, 1e-5, 123456.789,
                         -0.0004, 999.9999, 9.5, 0.05])
    if choice < 0.5:
        return r.uniform(-1, 1) * 10 ** r.randint(-12, 20)
    if choice < 0.7:
        return round(r.uniform(-1000, 1000), r.randint(0, 4))
    if choice < 0.8:
        return float(r.randint(-10 ** 6, 10 ** 6))
    return r.uniform(-1, 1) * 10 ** r.randint(-320, 308)


def int_value():
    choice = r.random()
    if choice < 0.1:
        return r.choice([0, 1, -1, 65, 233, 0x1F600, 9223372036854775807,
                         -9223372036854775808, 1114111, 1114112, -5])
    if choice < 0.7:
        return r.randint(-10 ** r.randint(1, 18), 10 ** r.randint(1, 18))
    return r.randint(-1000, 100000)


def str_value():
    return r.choice(["", "a", "abc", "hello world", "é", "naïve", "日本",
                     "x" * 30, "3.14", "-", "0"])


def main():
    cases_path, expected_path = sys.argv[1], sys.argv[2]
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 100000
    with open(cases_path, "w", encoding="utf-8") as cases, \
            open(expected_path, "w", encoding="utf-8") as expected:
        written = 0
        while written < count:
            kind = r.choice("iiiifffffbsn")
            spec = spec_for(kind)
            if kind == "i":
                value, text = int_value(), None
            elif kind == "b":
                value = r.random() < 0.5
                text = str(int(value))
            elif kind == "f":
                value = float_value()
                text = value.hex()
            elif kind == "s":
                value = text = str_value()
            else:
                value, text = None, "-"
            if text is None:
                text = str(value)
            if spec.endswith("c") and kind in "ib" and (
                    not value or 0xD800 <= value <= 0xDFFF):
                # chr(0) (nmc's strings end at a NUL) and surrogates
                # (not UTF-8).
                continue
            written += 1
            cases.write(f"{kind}\t{text}\t{spec}\n")
            try:
                result = format(value, spec)
            except (ValueError, TypeError, OverflowError) as e:
                result = f"ERR {type(e).__name__}: {e}"
            expected.write(result + "\n")


main()
