#!/usr/bin/env python3
"""Random program generator for differential testing (Csmith-style).

`gen.py SEED` prints one well-typed program of the subset nmc accepts
(docs/language.md). The same seed always gives the same program. Programs
avoid undefined behaviour on both sides, so any difference between
`mpirun -n P python3 prog.npy` and the nmc executable is a bug:

- every int value stays below 2**53 in magnitude: an int variable always
  holds a value in [-2**20, 2**20), every operation's result range is
  computed from its operands' ranges (interval arithmetic), and an operand
  that could push a result out of range is wrapped in `% M` first;
- every float variable holds a finite value in [-1e6, 1e6], intermediate
  results stay finite, so no inf or nan arises (CPython raises where nmc,
  like Numba, would give inf);
- every divisor is a non-zero literal or a guarded `(abs(x) + 1)`;
- every index is a literal in range or a value reduced `% len`;
- each variable keeps one type, and both sides of `if`/`else`, `and`/`or`,
  `min`/`max` have the same type, so the int-to-float widening at joins
  (docs/language.md, "Known differences") never shows;
- `@njit` functions do not print, read no module globals (Numba freezes
  them), use float exponents only (Numba squares for int exponents) and
  shift by less than 64.

Constructs: int/float/bool arithmetic with `// % **`, shifts, bitwise ops
and mixed types; comparisons and chains; `and`/`or`/`not`; conditional
expressions; nested `if`/`elif`/`else`, `while` and `for` (with `break`,
`continue` and `else`, over ranges, lists, arrays, tuples of one type,
`reversed()`, `enumerate` and `zip` with tuple targets); functions, `@njit` or plain, with default and
keyword arguments, tuple returns and recursion with a base case; lists
(element stores too, slices, slice assignment, `sort`/`sorted` with
`reverse=` and key lambdas, and outside @njit `reversed()`) and tuples; 1-d arrays with element loops, slices
(views), slice fills and copies; 2-d arrays with `m[i, j]`, `m[i][j]`,
row views and row/column writes; whole-array expressions (`+ - * %`,
broadcasting of a row, `np.abs`, `np.sqrt`, comparisons) assigned and
augmented into slices and views; `np.sum/prod/min/max/mean` and the
methods of arrays and expressions, printed; `np.arange`, `np.linspace`,
`.copy()` and `.T`; `math` and scalar NumPy calls; `round(x, k)` (CPython's and, in
@njit, Numba's), `divmod`, `pow` (with a modulus outside @njit),
`math.gcd`, `math.copysign`, and outside @njit `math.log2`, `math.fsum`,
`math.isclose` and ints to constant negative powers; `print` of every
value, with `sep`, `end`, `flush` and `file=sys.stderr`, of the str
methods (strip, replace, upper, split, join, startswith, `*`), str indexing,
slicing and iteration, and of f-strings
(format specs, `!r`), `str.format`, `%` formatting, `str()` and
`format()` of numbers; comparisons and `in` of strs; collectives
(`gather`, `allgather`, `bcast`, `allreduce`, `scan`) on rank-dependent
values.

When nmc gains a construct, add it here in the same change.
"""
import math
import random
import sys

INT_LO, INT_HI = -(1 << 20), (1 << 20) - 1  # every int variable
INT_LIMIT = 1 << 53                          # every int intermediate
FLOAT_VAR = 1e6                              # every float variable
FLOAT_LIMIT = 1e18                           # every float intermediate
COST_LIMIT = 4000  # loop iterations one body may run, its calls included


class Expr:
    """Source text, type ('int', 'float' or 'bool') and value range."""

    def __init__(self, text, ty, lo, hi):
        self.text, self.ty, self.lo, self.hi = text, ty, lo, hi

    def mag(self):
        return max(abs(self.lo), abs(self.hi))


def arithmetic_range(op, a, b):
    """The range of `a op b` for op in + - *, from the operands' ranges."""
    if op == "+":
        return a.lo + b.lo, a.hi + b.hi
    if op == "-":
        return a.lo - b.hi, a.hi - b.lo
    corners = [x * y for x in (a.lo, a.hi) for y in (b.lo, b.hi)]
    return min(corners), max(corners)


class Function:
    def __init__(self, name, params, ret, njit, recursive=False):
        self.name, self.params, self.ret = name, params, ret
        self.njit, self.recursive = njit, recursive
        self.cost = 1  # loop iterations one call runs, at most


class Scope:
    """The variables visible where code is being generated."""

    def __init__(self, njit, in_function):
        self.vars = {}        # name -> 'int' | 'float' | 'bool'
        self.readonly = set()  # loop counters and loop variables
        self.arrays = {}      # name -> length (fixed)
        self.matrices = {}    # name -> (rows, columns) of a 2-d array
        self.lists = {}       # name -> (element type, length)
        self.tuples = {}      # name -> [element types]
        self.njit = njit
        self.in_function = in_function


class Generator:
    def __init__(self, seed):
        self.r = random.Random(seed)
        self.lines = []
        self.functions = []
        self.counter = 0
        self.prints_left = 60
        self.uses_numba = False
        self.uses_numpy = False
        # Work bounds: `factor` is the product of the trip counts of the
        # loops around the code being generated, `cost` the iterations the
        # current body may run, calls included.
        self.factor = 1
        self.cost = 0
        self.uses_sys = False

    # ---- helpers -------------------------------------------------------
    def fresh(self, prefix):
        self.counter += 1
        return f"{prefix}{self.counter}"

    def emit(self, depth, text):
        self.lines.append("    " * depth + text)

    def chance(self, p):
        return self.r.random() < p

    def pick(self, seq):
        return self.r.choice(list(seq))

    def int_literal(self):
        choice = self.r.random()
        if choice < 0.5:
            v = self.r.randint(-10, 10)
        elif choice < 0.8:
            v = self.r.randint(-1000, 1000)
        else:
            v = self.r.randint(INT_LO, INT_HI)
        text = str(v)
        if v >= 0 and self.chance(0.05):
            text = self.pick([hex(v), bin(v), oct(v)])
        return Expr(text if v >= 0 else f"({text})", "int", v, v)

    def float_literal(self):
        choice = self.r.random()
        if choice < 0.3:
            v = self.r.randint(-20, 20) / 4
        elif choice < 0.6:
            v = round(self.r.uniform(-100, 100), self.r.randint(0, 6))
        elif choice < 0.8:
            v = self.pick([0.1, 0.2, 0.3, 1e-5, 1e-4, 2.5e-7, 123456.789,
                           1e5, 999999.5, -0.0, 0.5, 1.0 / 3.0])
        else:
            v = self.r.uniform(-FLOAT_VAR, FLOAT_VAR)
        text = repr(v)
        return Expr(text if not text.startswith("-") else f"({text})",
                    "float", v, v)

    def wrap_int(self, e, bound=INT_HI):
        """e reduced into [0, m) for some m <= bound."""
        m = self.pick([7, 10, 97, 101, 1000, 1009, 65536, 1000003])
        m = min(m, bound)
        return Expr(f"(({e.text}) % {m})", "int", 0, m - 1)

    def wrap_float(self, e):
        m = self.pick([10.0, 100.0, 1000.0, 12345.5])
        return Expr(f"(({e.text}) % {m!r})", "float", 0.0, m)

    def fit(self, e, lo, hi):
        """e, wrapped if its range is not inside [lo, hi]."""
        if lo <= e.lo and e.hi <= hi:
            return e
        if e.ty == "float":
            return self.wrap_float(e)
        return self.wrap_int(e, hi)

    def as_float(self, e):
        if e.ty == "float":
            return e
        return Expr(f"float({e.text})", "float", float(e.lo), float(e.hi))

    # ---- expressions ---------------------------------------------------
    def expr(self, scope, ty, depth):
        if ty == "int":
            return self.int_expr(scope, depth)
        if ty == "float":
            return self.float_expr(scope, depth)
        return self.bool_expr(scope, depth)

    def var_of(self, scope, ty):
        names = [n for n, t in scope.vars.items() if t == ty]
        return self.pick(names) if names else None

    def leaf(self, scope, ty):
        name = self.var_of(scope, ty)
        if name and self.chance(0.75):
            if ty == "int":
                lo, hi = (0, 15) if name in ("rank", "size") else (INT_LO,
                                                                   INT_HI)
                return Expr(name, "int", lo, hi)
            if ty == "float":
                return Expr(name, "float", -FLOAT_VAR, FLOAT_VAR)
            return Expr(name, "bool", 0, 1)
        if ty == "int":
            return self.int_literal()
        if ty == "float":
            return self.float_literal()
        return Expr(self.pick(["True", "False"]), "bool", 0, 1)

    def int_expr(self, scope, depth):
        if depth <= 0 or self.chance(0.2):
            return self.leaf(scope, "int")
        kind = self.r.random()
        if kind < 0.45:
            return self.int_binary(scope, depth)
        if kind < 0.52:
            e = self.int_expr(scope, depth - 1)
            if self.chance(0.5):
                return Expr(f"(-{e.text})", "int", -e.hi, -e.lo)
            return Expr(f"abs({e.text})", "int", 0, e.mag())
        if kind < 0.6:
            f = self.float_expr(scope, depth - 1)
            if f.mag() < INT_LIMIT / 2:
                fn = self.pick(["int", "round", "math.floor", "math.ceil"])
                m = int(f.mag()) + 2
                return Expr(f"{fn}({f.text})", "int", -m, m)
            return self.leaf(scope, "int")
        if kind < 0.66:
            return self.min_max(scope, "int", depth)
        if kind < 0.72:
            return self.conditional(scope, "int", depth)
        if kind < 0.76:
            a, b = self.int_expr(scope, depth - 1), self.int_expr(
                scope, depth - 1)
            op = self.pick(["and", "or"])
            return Expr(f"({a.text} {op} {b.text})", "int", min(a.lo, b.lo),
                        max(a.hi, b.hi))
        if kind < 0.8:
            b = self.bool_expr(scope, depth - 1)
            a = self.int_expr(scope, depth - 1)
            return Expr(f"(({b.text}) + {a.text})", "int", a.lo, a.hi + 1)
        if kind < 0.88:
            e = self.container_read(scope, "int")
            if e:
                return e
        if kind < 0.93:
            return self.int_library_call(scope, depth)
        call = self.call(scope, "int", depth)
        return call or self.leaf(scope, "int")

    def int_library_call(self, scope, depth):
        """gcd, divmod, pow and round(n, -k) of ints."""
        a = self.fit(self.int_expr(scope, depth - 1), INT_LO, INT_HI)
        fns = ["gcd", "divmod", "pow"]
        if not scope.njit:
            fns += ["pow_mod", "round"]  # Numba has neither
        fn = self.pick(fns)
        if fn == "gcd":
            b = self.fit(self.int_expr(scope, depth - 1), INT_LO, INT_HI)
            return Expr(f"math.gcd({a.text}, {b.text})", "int", 0,
                        max(a.mag(), b.mag()))
        if fn == "divmod":
            d = self.divisor(scope, depth)
            if self.chance(0.5):
                m = a.mag() + 1
                return Expr(f"divmod({a.text}, {d.text})[0]", "int", -m, m)
            m = max(abs(d.lo), abs(d.hi))
            return Expr(f"divmod({a.text}, {d.text})[1]", "int", -m, m)
        if fn == "pow":
            return self.int_power(a, "pow({}, {})")
        if fn == "pow_mod":
            e = self.int_expr(scope, depth - 1)
            if e.mag() >= INT_LIMIT:
                e = self.wrap_int(e)
            d = self.divisor(scope, depth)
            m = max(abs(d.lo), abs(d.hi))
            # int(): NumPy's ints have no three-argument pow.
            return Expr(f"pow(int({a.text}), int(abs({e.text}) % 50), "
                        f"{d.text})", "int", -m, m)
        k = self.r.randint(1, 3)
        m = a.mag() + 10 ** k
        return Expr(f"round({a.text}, {-k})", "int", -m, m)

    def min_max(self, scope, ty, depth):
        """min or max of two `ty` operands (one type: no widening)."""
        a, b = self.expr(scope, ty, depth - 1), self.expr(scope, ty, depth - 1)
        fn = self.pick(["min", "max"])
        return Expr(f"{fn}({a.text}, {b.text})", ty, min(a.lo, b.lo),
                    max(a.hi, b.hi))

    def conditional(self, scope, ty, depth):
        """`a if c else b` with both sides of type `ty`."""
        c = self.bool_expr(scope, depth - 1)
        a, b = self.expr(scope, ty, depth - 1), self.expr(scope, ty, depth - 1)
        return Expr(f"({a.text} if {c.text} else {b.text})", ty,
                    min(a.lo, b.lo), max(a.hi, b.hi))

    def int_binary(self, scope, depth):
        op = self.pick(["+", "-", "*", "//", "%", "**", "&", "|", "^", "<<",
                        ">>", "+", "-", "*"])
        a = self.int_expr(scope, depth - 1)
        if op in ("+", "-", "*"):
            b = self.int_expr(scope, depth - 1)
            for _ in range(2):
                lo, hi = arithmetic_range(op, a, b)
                if max(abs(lo), abs(hi)) < INT_LIMIT:
                    return Expr(f"({a.text} {op} {b.text})", "int", lo, hi)
                a, b = self.wrap_int(a, 1009), self.wrap_int(b, 1009)
        if op in ("//", "%"):
            b = self.divisor(scope, depth)
            if op == "//":
                m = a.mag() + 1
                return Expr(f"({a.text} // {b.text})", "int", -m, m)
            if b.lo > 0:
                return Expr(f"({a.text} % {b.text})", "int", 0, b.hi - 1)
            return Expr(f"({a.text} % {b.text})", "int", b.lo + 1, 0)
        if op == "**":
            return self.int_power(a, "({} ** {})")
        if op in ("&", "|", "^"):
            b = self.int_expr(scope, depth - 1)
            a, b = self.fit(a, INT_LO, INT_HI), self.fit(b, INT_LO, INT_HI)
            return Expr(f"({a.text} {op} {b.text})", "int", INT_LO, INT_HI)
        if op == "<<":
            k = self.r.randint(0, 12)
            if a.mag() << k >= INT_LIMIT:
                a = self.wrap_int(a, 1009)
            return Expr(f"({a.text} << {k})", "int", a.lo << k, a.hi << k)
        k = self.r.randint(0, 63 if scope.njit else 70)
        return Expr(f"({a.text} >> {k})", "int", a.lo >> k, a.hi >> k)

    def int_power(self, a, template):
        """`a` to a small power k, written as template.format(a, k)."""
        k = self.r.randint(0, 3)
        if a.mag() ** k >= INT_LIMIT:
            a = self.wrap_int(a, 101)
        m = a.mag() ** k
        return Expr(template.format(a.text, k), "int", -m, m)

    def divisor(self, scope, depth):
        """A non-zero int: a literal or `(abs(x) + 1)`."""
        if self.chance(0.5):
            v = self.pick([1, 2, 3, 7, 10, -1, -2, -3, -7, 1000])
            return Expr(str(v) if v > 0 else f"({v})", "int", v, v)
        e = self.int_expr(scope, depth - 1)
        if e.mag() >= INT_LIMIT - 1:
            e = self.wrap_int(e)
        return Expr(f"(abs({e.text}) + 1)", "int", 1, e.mag() + 1)

    def float_expr(self, scope, depth):
        if depth <= 0 or self.chance(0.2):
            return self.leaf(scope, "float")
        kind = self.r.random()
        if kind < 0.4:
            return self.float_binary(scope, depth)
        if kind < 0.47:
            e = self.float_expr(scope, depth - 1)
            if self.chance(0.5):
                return Expr(f"(-{e.text})", "float", -e.hi, -e.lo)
            return Expr(f"abs({e.text})", "float", 0.0, e.mag())
        if kind < 0.6:
            return self.math_call(scope, depth)
        if kind < 0.67:
            i = self.int_expr(scope, depth - 1)
            if i.mag() < INT_LIMIT:
                return self.as_float(i)
            return self.leaf(scope, "float")
        if kind < 0.72:
            return self.min_max(scope, "float", depth)
        if kind < 0.77:
            return self.conditional(scope, "float", depth)
        if kind < 0.87:
            e = self.container_read(scope, "float")
            if e:
                return e
        if kind < 0.92:
            return self.float_library_call(scope, depth)
        call = self.call(scope, "float", depth)
        return call or self.leaf(scope, "float")

    def float_library_call(self, scope, depth):
        """round(x, k), divmod, copysign; log2, fsum and int ** -k outside
        @njit, where Numba has them (or keeps an int power)."""
        x = self.float_expr(scope, depth - 1)
        fns = ["round", "divmod", "copysign"]
        if not scope.njit:
            fns += ["log2", "fsum", "negative_power"]
        fn = self.pick(fns)
        if fn == "round":
            # Inside @njit this is Numba's algorithm, which nmc follows.
            k = self.r.randint(-2, 5)
            m = x.mag() + 100
            return Expr(f"round({x.text}, {k})", "float", -m, m)
        if fn == "divmod":
            v = self.pick([0.5, 2.0, -4.0, 0.1, 3.0, -0.25])
            d = repr(v) if v > 0 else f"({v!r})"
            if self.chance(0.5):
                m = x.mag() / abs(v) + 1
                return Expr(f"divmod({x.text}, {d})[0]", "float", -m, m)
            return Expr(f"divmod({x.text}, {d})[1]", "float", -abs(v), abs(v))
        if fn == "copysign":
            y = self.float_expr(scope, depth - 1)
            return Expr(f"math.copysign({x.text}, {y.text})", "float",
                        -x.mag(), x.mag())
        if fn == "log2":
            return Expr(f"math.log2(abs({x.text}) + 1.0)", "float", 0.0,
                        math.log2(x.mag() + 2) + 1)
        if fn == "fsum":
            parts = [x] + [self.float_expr(scope, depth - 1)
                           for _ in range(self.r.randint(1, 3))]
            m = sum(p.mag() for p in parts)
            return Expr("math.fsum([" + ", ".join(p.text for p in parts) +
                        "])", "float", -m, m)
        # CPython gives a float for an int to a constant negative power.
        i = self.fit(self.int_expr(scope, depth - 1), INT_LO, INT_HI)
        k = self.r.randint(1, 3)
        return Expr(f"((abs({i.text}) + 1) ** -{k})", "float", 0.0, 1.0)

    def float_binary(self, scope, depth):
        op = self.pick(["+", "-", "*", "/", "//", "%", "**", "+", "-", "*"])
        # One side may be an int: Python and nmc both convert it.
        a = self.float_expr(scope, depth - 1)
        if op in ("+", "-", "*"):
            b = self.float_expr(scope, depth - 1) if self.chance(
                0.7) else self.int_expr(scope, depth - 1)
            if b.mag() >= INT_LIMIT:
                b = self.wrap_int(b)
            for _ in range(2):
                lo, hi = arithmetic_range(op, a, b)
                if max(abs(lo), abs(hi)) < FLOAT_LIMIT:
                    if self.chance(0.5):
                        a, b = b, a
                        if op == "-":
                            lo, hi = -hi, -lo
                    return Expr(f"({a.text} {op} {b.text})", "float", lo, hi)
                a = self.wrap_float(a)
                b = self.wrap_float(b) if b.ty == "float" else self.wrap_int(b)
        if op in ("/", "//", "%"):
            if self.chance(0.3):
                d = self.divisor(scope, depth)
            elif self.chance(0.5):
                v = self.pick([0.5, 2.0, -4.0, 0.1, 3.0, -0.25, 1e-3])
                d = Expr(repr(v) if v > 0 else f"({v!r})", "float", v, v)
            else:
                e = self.float_expr(scope, depth - 1)
                d = Expr(f"(abs({e.text}) + 0.5)", "float", 0.5,
                         e.mag() + 0.5)
            low = min(abs(d.lo), abs(d.hi))
            m = a.mag() / low + 1
            if m >= FLOAT_LIMIT:
                a = self.wrap_float(a)
                m = a.mag() / low + 1
            if op == "/":
                return Expr(f"({a.text} / {d.text})", "float", -m, m)
            if op == "//":
                return Expr(f"({a.text} // {d.text})", "float", -m, m)
            if d.lo > 0:
                return Expr(f"({a.text} % {d.text})", "float", 0.0,
                            float(d.hi))
            return Expr(f"({a.text} % {d.text})", "float", float(d.lo), 0.0)
        # **: a positive base below 10.5 and a small exponent.
        m = self.pick([10.0, 4.0, 2.0])
        base = f"(abs({a.text}) % {m!r} + 0.5)"
        exps = ["0.5", "1.5", "2.0", "3.0", "(-1.0)", "(-2.0)"]
        if not scope.njit:
            exps += ["2", "3", "(-1)"]  # Numba squares for int exponents
        return Expr(f"({base} ** {self.pick(exps)})", "float", 0.0, 2000.0)

    def math_call(self, scope, depth):
        x = self.float_expr(scope, depth - 1)
        fns = ["sqrt", "exp", "log", "log10", "sin", "cos", "tan", "atan2",
               "fabs", "pow"]
        # CPython's own math.hypot can differ from libm's (which Numba and
        # nmc call) in the last bit: docs/language.md, Known differences.
        if scope.njit:
            fns.append("hypot")
        fn = self.pick(fns)
        # NumPy's functions of a number give NumPy scalars in plain code,
        # whose operators differ from float's in corner cases (shifts, a
        # division by zero); inside @njit they are plain floats.
        mod = self.pick(["math.", "math."] + (["np."] if scope.njit else []))
        if mod == "np.":
            self.uses_numpy = True
            if fn in ("fabs", "hypot", "pow", "log10", "atan2"):
                fn = "sqrt"
        if fn == "sqrt":
            return Expr(f"{mod}sqrt(abs({x.text}))", "float", 0.0,
                        math.sqrt(x.mag()) + 1)
        if fn == "exp":
            return Expr(f"{mod}exp(({x.text}) % 40.0 - 20.0)", "float", 0.0,
                        5e8 + 1)
        if fn in ("log", "log10"):
            return Expr(f"{mod}{fn}(abs({x.text}) + 1.0)", "float", 0.0,
                        math.log(x.mag() + 2) + 1)
        if fn in ("sin", "cos"):
            return Expr(f"{mod}{fn}({x.text})", "float", -1.0, 1.0)
        if fn == "tan":
            return Expr(f"{mod}tan({x.text})", "float", -1e17, 1e17)
        if fn == "fabs":
            return Expr(f"math.fabs({x.text})", "float", 0.0, x.mag())
        y = self.float_expr(scope, depth - 1)
        if fn == "atan2":
            return Expr(f"math.atan2({x.text}, {y.text})", "float", -4.0, 4.0)
        if fn == "hypot":
            return Expr(f"math.hypot({x.text}, {y.text})", "float", 0.0,
                        1.5 * max(x.mag(), y.mag()))
        return Expr(f"math.pow(abs({x.text}) % 10.0 + 0.5, "
                    f"({y.text}) % 6.0 - 3.0)", "float", 0.0, 1.2e3)

    def bool_expr(self, scope, depth):
        if depth <= 0 or self.chance(0.15):
            return self.leaf(scope, "bool")
        kind = self.r.random()
        if kind < 0.5:
            ty = self.pick(["int", "float", "mixed"])
            n = 2 if self.chance(0.8) else 3
            parts = []
            for i in range(n):
                t = ty if ty != "mixed" else self.pick(["int", "float"])
                e = self.expr(scope, t, depth - 1)
                if e.ty == "int" and e.mag() >= INT_LIMIT:
                    e = self.wrap_int(e)
                parts.append(e.text)
            text = parts[0]
            for p in parts[1:]:
                text += f" {self.pick(['<', '<=', '>', '>=', '==', '!='])} {p}"
            return Expr(f"({text})", "bool", 0, 1)
        if kind < 0.65:
            return Expr(f"(not {self.bool_expr(scope, depth - 1).text})",
                        "bool", 0, 1)
        if kind < 0.85:
            a, b = self.bool_expr(scope, depth - 1), self.bool_expr(
                scope, depth - 1)
            op = self.pick(["and", "or", "&", "|", "^"])
            return Expr(f"({a.text} {op} {b.text})", "bool", 0, 1)
        if kind < 0.9:
            e = self.int_expr(scope, depth - 1)
            return Expr(f"bool({e.text})", "bool", 0, 1)
        if kind < 0.93:
            e = self.float_expr(scope, depth - 1)
            fn = self.pick(["math.isnan", "math.isinf"])
            return Expr(f"{fn}({e.text})", "bool", 0, 1)
        if kind < 0.95 and not scope.njit and depth <= 1:
            # strs made at run time, compared and searched; of leaves only,
            # so that no f-string nests inside another of its quotes.
            a, b = self.int_expr(scope, 0), self.int_expr(scope, 0)
            op = self.pick(["==", "!=", "<", "<=", ">", ">=", "in", "not in"])
            return Expr(f"(str({a.text}) {op} f'{{{b.text}}}|')", "bool", 0, 1)
        if kind < 0.97 and not scope.njit:
            a, b = self.float_expr(scope, depth - 1), self.float_expr(
                scope, depth - 1)
            tol = self.pick(["", ", rel_tol=0.01", ", abs_tol=1.0",
                             ", rel_tol=0.5, abs_tol=1e-3"])
            return Expr(f"math.isclose({a.text}, {b.text}{tol})", "bool", 0, 1)
        call = self.call(scope, "bool", depth)
        return call or self.leaf(scope, "bool")

    def container_read(self, scope, ty):
        """An element of a list, tuple or array of element type `ty`."""
        options = []
        for name, (et, n) in scope.lists.items():
            if et == ty:
                options.append(("list", name, n))
        for name, types in scope.tuples.items():
            for k, t in enumerate(types):
                if t == ty:
                    options.append(("tuple", name, k))
        if ty == "float":
            for name, n in scope.arrays.items():
                if n > 0:
                    options.append(("array", name, n))
            for name in scope.matrices:
                options.append(("matrix", name, None))
        if not options:
            return None
        kind, name, n = self.pick(options)
        if kind == "matrix":
            r, c = scope.matrices[name]
            i, j = self.index_text(scope, r), self.index_text(scope, c)
            text = f"{name}[{i}, {j}]" if self.chance(0.7) else \
                f"{name}[{i}][{j}]"
            return Expr(text, ty, -FLOAT_VAR, FLOAT_VAR)
        lo, hi = (INT_LO, INT_HI) if ty == "int" else (-FLOAT_VAR, FLOAT_VAR)
        if ty == "bool":
            lo, hi = 0, 1
        if kind == "tuple":
            k = n if self.chance(0.7) else n - len(scope.tuples[name])
            return Expr(f"{name}[{k}]", ty, lo, hi)
        if n is not None and self.chance(0.5):
            k = self.r.randint(-n, n - 1)
        else:
            idx = self.leaf(scope, "int")
            if idx.mag() >= INT_LIMIT:
                idx = self.wrap_int(idx)
            k = f"({idx.text}) % {n}" if n and self.chance(0.7) else \
                f"({idx.text}) % len({name})"
        return Expr(f"{name}[{k}]", ty, lo, hi)

    def index_text(self, scope, n):
        """An index into an axis of `n` (> 0) elements, maybe negative."""
        if self.chance(0.5):
            return str(self.r.randint(-n, n - 1))
        idx = self.leaf(scope, "int")
        if idx.mag() >= INT_LIMIT:
            idx = self.wrap_int(idx)
        return f"({idx.text}) % {n}"

    def array_operand(self, scope, n):
        """A 1-d array expression of `n` elements: a slice of an array or a
        matrix row of that length, or None."""
        options = []
        for name, m in scope.arrays.items():
            for _ in range(4):
                t = self.slice_text(m)
                if self.slice_len(m, t) == n:
                    options.append(f"{name}[{t}]")
                    break
        for name, (r, c) in scope.matrices.items():
            if c == n:
                options.append(f"{name}[{self.index_text(scope, r)}]")
            if r == n:
                options.append(f"{name}[:, {self.index_text(scope, c)}]")
        return self.pick(options) if options else None

    def array_expression(self, scope, n):
        """A whole-array expression of `n` elements whose values stay in
        [0, 1000), or None when no operand has that length."""
        x = self.array_operand(scope, n)
        if x is None:
            return None
        y = self.array_operand(scope, n) or x
        c = self.fit(self.float_expr(scope, 1), -1000.0, 1000.0).text
        k1, k2 = self.r.randint(-9, 9), self.r.randint(-9, 9)
        return self.pick([
            f"({k1} * {x} + {k2} * {y} - ({c})) % 997.0",
            f"np.abs({x} - {y}) % 991.0",
            f"np.sqrt(np.abs({x})) % 983.0 + ({x} > {y}) * 1.5",
            f"({x} % 7.0) * ({y} % 11.0) + ({c}) % 5.0",
        ])

    def array_reduction(self, scope):
        """np.sum/prod/min/max/mean or a method of an array, a slice or a
        whole-array expression; min and max only of elements there are."""
        names = [(n, m) for n, m in scope.arrays.items()] + \
            [(n, r * c) for n, (r, c) in scope.matrices.items()]
        name, size = self.pick(names)
        value = name
        if name in scope.arrays and self.chance(0.4):
            value = self.array_expression(scope, size) or name
        kinds = ["sum", "mean"] if size == 0 else \
            ["sum", "mean", "min", "max", "prod"]
        kind = self.pick(kinds)
        if kind == "prod":
            value = f"np.abs({value}) % 3.0"  # no overflow to inf
        if kind == "mean" and size == 0:
            kind = "sum"  # NumPy warns on stderr for the mean of nothing
        if self.chance(0.5):
            return f"np.{kind}({value})"
        return f"({value}).{kind}()"

    def call(self, scope, ty, depth):
        """A call of an earlier function returning `ty`, or None."""
        options = [f for f in self.functions if f.ret == ty and
                   (f.njit or not scope.njit) and
                   self.cost + self.factor * f.cost <= COST_LIMIT]
        if not options:
            return None
        f = self.pick(options)
        self.cost += self.factor * f.cost
        if f.recursive:
            n = self.leaf(scope, "int")
            if n.mag() >= INT_LIMIT:
                n = self.wrap_int(n)
            x = self.expr(scope, f.params[1][1], depth - 1)
            x = self.fit(x, *self.var_range(x.ty))
            return Expr(f"{f.name}(({n.text}) % 8, {x.text})", ty,
                        *self.var_range(ty))
        args = []
        keyword = False  # once one argument is passed by name, all are
        for name, pty, default in f.params:
            if default is not None and self.chance(0.3):
                keyword = True
                continue
            keyword = keyword or self.chance(0.15)
            e = self.fit(self.expr(scope, pty, depth - 1),
                         *self.var_range(pty))
            args.append(f"{name}={e.text}" if keyword else e.text)
        return Expr(f"{f.name}({', '.join(args)})", ty, *self.var_range(ty))

    @staticmethod
    def var_range(ty):
        if ty == "int":
            return INT_LO, INT_HI
        if ty == "float":
            return -FLOAT_VAR, FLOAT_VAR
        return 0, 1

    # ---- statements ----------------------------------------------------
    def declare(self, scope, depth, ty, name=None):
        name = name or self.fresh("l" if scope.in_function else "g")
        e = self.fit(self.expr(scope, ty, 2), *self.var_range(ty))
        self.emit(depth, f"{name} = {e.text}")
        scope.vars[name] = ty
        return name

    def assignable(self, scope):
        return [n for n in scope.vars if n not in scope.readonly and
                n not in ("rank", "size")]

    def statement(self, scope, depth, loop_depth, budget):
        """One statement at indentation `depth`; `budget` bounds the
        iterations that loops nested here may multiply into."""
        kind = self.r.random()
        names = self.assignable(scope)
        if kind < 0.3 and names:
            name = self.pick(names)
            ty = scope.vars[name]
            e = self.fit(self.expr(scope, ty, 3), *self.var_range(ty))
            self.emit(depth, f"{name} = {e.text}")
        elif kind < 0.4 and names:
            self.augmented(scope, depth, self.pick(names))
        elif kind < 0.5:
            self.print_stmt(scope, depth, loop_depth)
        elif kind < 0.6 and depth < 5:
            self.if_stmt(scope, depth, loop_depth, budget)
        elif kind < 0.72 and depth < 5 and budget >= 2:
            self.loop(scope, depth, loop_depth, budget)
        elif kind < 0.8 and scope.arrays:
            self.array_write(scope, depth)
        elif kind < 0.805 and scope.matrices:
            self.matrix_write(scope, depth)
        elif kind < 0.81 and any(n for _, n in scope.lists.values()):
            self.list_write(scope, depth)
        elif kind < 0.83 and any(n for _, n in scope.lists.values()):
            self.list_method(scope, depth)
        elif kind < 0.85 and loop_depth > 0:
            cond = self.bool_expr(scope, 2)
            self.emit(depth, f"if {cond.text}:")
            self.emit(depth + 1, self.pick(["break", "continue"]))
        elif kind < 0.9 and len(names) >= 2:
            self.tuple_assign(scope, depth, names)
        elif kind < 0.95 and scope.in_function and depth > 1:
            self.early_return(scope, depth)
        else:
            self.print_stmt(scope, depth, loop_depth)

    def augmented(self, scope, depth, name):
        ty = scope.vars[name]
        if ty == "bool":
            op = self.pick(["&=", "|=", "^="])
            self.emit(depth, f"{name} {op} {self.bool_expr(scope, 2).text}")
        elif ty == "int":
            op = self.pick(["+=", "-=", "*=", "//=", "%=", "&=", "|=", "^=",
                            ">>=", "<<="])
            if op in ("//=", "%="):
                d = self.divisor(scope, 2)
                if op == "%=" and d.mag() > INT_HI:
                    d = Expr("1009", "int", 1009, 1009)
                self.emit(depth, f"{name} {op} {d.text}")
                return
            if op in (">>=", "<<="):
                k = self.r.randint(0, 10)
                self.emit(depth, f"{name} {op} {k}")
            else:
                e = self.fit(self.int_expr(scope, 2), INT_LO, INT_HI)
                if op == "*=":
                    e = self.wrap_int(e, 1009)
                self.emit(depth, f"{name} {op} {e.text}")
            if op not in ("&=", "|=", "^=", ">>="):
                self.emit(depth, f"{name} %= {self.pick([1000, 65536, 99991])}")
        else:
            op = self.pick(["+=", "-=", "*=", "/=", "//=", "%="])
            if op in ("/=", "//=", "%="):
                v = self.pick(["0.5", "3.0", "(-2.0)", "7", "0.1"])
                self.emit(depth, f"{name} {op} {v}")
            else:
                e = self.fit(self.float_expr(scope, 2), -FLOAT_VAR, FLOAT_VAR)
                self.emit(depth, f"{name} {op} {e.text}")
            self.emit(depth, f"{name} %= {self.pick(['1000.0', '77.5'])}")

    def print_stmt(self, scope, depth, loop_depth):
        if scope.njit or self.prints_left <= 0:
            return self.emit(depth, "pass")
        self.prints_left -= 1 + 2 * loop_depth
        items = [f"\"{self.fresh('p')}\""]
        for _ in range(self.r.randint(1, 4)):
            choice = self.r.random()
            if choice < 0.6:
                items.append(self.expr(scope, self.pick(
                    ["int", "float", "bool"]), 2).text)
            elif choice < 0.67 and scope.lists:
                items.append(self.pick(scope.lists))
            elif choice < 0.7 and any(n for _, n in scope.lists.values()):
                items.append(self.list_query(scope)[0])
            elif choice < 0.8 and scope.tuples:
                items.append(self.pick(scope.tuples))
            elif choice < 0.81 and (scope.arrays or scope.matrices):
                items.append(self.array_reduction(scope))
            elif choice < 0.83:
                items.append("None")
            elif choice < 0.85 and (scope.lists or scope.tuples):
                # str() of a list or a tuple, in an f-string or concatenated.
                name = self.pick(list(scope.lists) + list(scope.tuples))
                items.append(self.pick([f"f'<{{{name}}}>'",
                                        f"str({name}) + '|'",
                                        f"f'{{{name}!r}}'"]))
            elif choice < 0.92:
                items.append(self.formatted(scope))
            elif choice < 0.95:
                # The str methods on a number's text.
                a = self.expr(scope, self.pick(["int", "float"]), 1).text
                items.append(self.pick([
                    f"(' ' + str({a}) + ' ').strip()",
                    f"str({a}).replace('1', 'ab').upper()",
                    f"'-'.join(str({a}).split('.'))",
                    f"(str({a}) * 2).split('0', 1)",
                    f"str({a}).startswith('-')",
                    f"str({a})[::-1] + str({a})[0] + str({a})[-2:]",
                    f"[c for c in str({a}) if c != '.']"]))
            else:
                items.append(self.pick(scope.vars) if scope.vars else "0")
        extra = ""
        if self.chance(0.1):
            extra += ", sep=" + self.pick(["''", "', '", "' | '"])
        if self.chance(0.1):
            extra += ", end=" + self.pick(["'\\n\\n'", "' .\\n'"])
        # To stderr, which the oracle compares too; lists and tuples too.
        if self.chance(0.08):
            self.uses_sys = True
            extra += ", file=sys.stderr"
        if self.chance(0.05):
            extra += ", flush=True"
        self.emit(depth, f"print({', '.join(items)}{extra})")

    SPECS = {
        "int": ["", "d", ">8", "<6", "^7", "+", " ", ",", "_", "08d", "x",
                "#X", "#b", "o", "*>10,", "=+9", "e", ".2f", "g", "%", "n"],
        "float": ["", ".3f", "e", ".2e", "g", ".4g", ">12.4f", ",.2f",
                  "+.1f", ".1%", "010.3f", "E", "G", "#g", "^14", ".5",
                  "_.3f", "z.2f", "f", "<10.1e", "n"],
        "bool": ["", "d", ">6", "^5", "x"],
    }

    def formatted(self, scope):
        """An f-string, str() or format() of a few values (plain code)."""
        parts = []
        for _ in range(self.r.randint(1, 3)):
            ty = self.pick(["int", "float", "bool"])
            e = self.expr(scope, ty, 1)
            if ty == "int" and e.mag() >= INT_LIMIT:
                e = self.wrap_int(e)
            spec = self.pick(self.SPECS[ty])
            kind = self.r.random()
            if kind < 0.15:
                parts.append(("{str(" + e.text + ")!r}", None))
            elif kind < 0.25:
                parts.append(("{" + e.text + "!r:>12}", None))
            elif kind < 0.35:
                parts.append((None, f"format({e.text}, {spec!r})"))
            elif kind < 0.42:
                parts.append((None, f"'<{{:{spec}}}>'.format({e.text})"))
            elif kind < 0.5:
                percent = self.pick(
                    {"int": ["%d", "%5d", "%-4d|", "%+d", "%x", "%#o", "%s"],
                     "float": ["%f", "%.3f", "%10.2e", "%g", "%-8.1f|", "%s",
                               "%r"],
                     "bool": ["%s", "%d", "%r"]}[ty])
                parts.append((None, f"('{percent}' % ({e.text},))"))
            else:
                parts.append(("{" + e.text + (":" + spec if spec else "") +
                              "}", None))
        texts = [t for t, _ in parts if t is not None]
        calls = [c for _, c in parts if c is not None]
        items = []
        if texts:
            items.append('f"' + self.pick(["", "v=", "<"]) +
                         "|".join(texts) + '"')
        items += calls
        return " + ".join(items) if len(items) > 1 else items[0]

    def block(self, scope, depth, loop_depth, budget, count=None):
        count = count or self.r.randint(1, 4)
        start = len(self.lines)
        # Names first assigned in a block are unbound after it on the
        # paths that skip it.
        visible = dict(scope.vars)
        for _ in range(count):
            self.statement(scope, depth, loop_depth, budget)
        scope.vars = visible
        if len(self.lines) == start:
            self.emit(depth, "pass")

    def if_stmt(self, scope, depth, loop_depth, budget):
        self.emit(depth, f"if {self.bool_expr(scope, 3).text}:")
        self.block(scope, depth + 1, loop_depth, budget)
        while self.chance(0.3):
            self.emit(depth, f"elif {self.bool_expr(scope, 3).text}:")
            self.block(scope, depth + 1, loop_depth, budget)
        if self.chance(0.5):
            self.emit(depth, "else:")
            self.block(scope, depth + 1, loop_depth, budget)

    def loop(self, scope, depth, loop_depth, budget):
        kind = self.r.random()
        trips = self.r.randint(0, min(12, budget))
        inner = max(1, budget // max(trips, 1))
        if kind < 0.35:
            name = self.fresh("w")
            self.emit(depth, f"{name} = 0")
            self.emit(depth, f"while {name} < {trips}:")
            self.emit(depth + 1, f"{name} += 1")
            scope.vars[name] = "int"
            scope.readonly.add(name)
        elif kind < 0.8 or not (scope.lists or scope.arrays):
            name = self.fresh("i")
            step = self.pick([1, 1, 1, 2, 3, -1, -2])
            start = self.r.randint(-5, 5)
            stop = start + step * trips
            args = [str(start), str(stop), str(step)]
            if step == 1:
                args = args[:2] if start != 0 else args[1:2]
            self.emit(depth, f"for {name} in range({', '.join(args)}):")
            if name not in scope.vars:
                # The loop variable is read after the loop only where a
                # value was assigned before it (Python keeps the old value
                # when the range is empty).
                self.lines.insert(len(self.lines) - 1,
                                  "    " * depth + f"{name} = 0")
            scope.vars[name] = "int"
            scope.readonly.add(name)
        else:
            containers = [(n, "list", et) for n, (et, _) in
                          scope.lists.items()] + \
                [(n, "array", "float") for n in scope.arrays]
            cname, _, et = self.pick(containers)
            name = self.fresh("v")
            self.emit(depth, f"{name} = {self.leaf(scope, et).text}"
                      if et != "float" else f"{name} = 0.0")
            form = self.r.random()
            if form < 0.45:
                self.emit(depth, f"for {name} in {cname}:")
            elif form < 0.52 and not scope.njit:
                self.emit(depth, f"for {name} in reversed({cname}):")
            elif form < 0.6:
                # A tuple of values of one type, as Numba iterates one.
                items = [self.fit(self.expr(scope, et, 1),
                                  *self.var_range(et)).text
                         for _ in range(self.r.randint(1, 4))]
                self.emit(depth, f"for {name} in ({', '.join(items)},):")
            else:
                # enumerate() or zip() with a range: an index too.
                index = self.fresh("k")
                self.emit(depth, f"{index} = 0")
                if form < 0.8:
                    # Numba takes enumerate's start only positionally.
                    start = self.pick(["", ", 1", ", -3"] if scope.njit else
                                      ["", ", 1", ", start=-3"])
                    self.emit(depth, f"for {index}, {name} in "
                                     f"enumerate({cname}{start}):")
                else:
                    self.emit(depth, f"for {name}, {index} in zip({cname}, "
                                     f"range({self.r.randint(0, 12)})):")
                scope.vars[index] = "int"
                scope.readonly.add(index)
            scope.vars[name] = et
            scope.readonly.add(name)
            trips = 16  # lists hold at most 5, arrays 10, allgather 16
            inner = max(1, budget // 20)
        factor = self.factor
        self.factor *= max(trips, 1)
        self.cost += self.factor
        self.block(scope, depth + 1, loop_depth + 1, inner)
        self.factor = factor
        if self.chance(0.2):
            self.emit(depth, "else:")
            self.block(scope, depth + 1, loop_depth, inner, 1)

    def matrix_write(self, scope, depth):
        """A row or column of a 2-d array, or all of it, computed whole."""
        name = self.pick(scope.matrices)
        r, c = scope.matrices[name]
        kind = self.r.random()
        if kind < 0.4:
            e = self.array_expression(scope, c)
            target = f"{name}[{self.index_text(scope, r)}]" if \
                self.chance(0.5) else f"{name}[{self.index_text(scope, r)}, :]"
            if e is not None:
                self.emit(depth, f"{target} = {e}")
                return
        if kind < 0.7:
            e = self.array_expression(scope, r)
            if e is not None:
                self.emit(depth, f"{name}[:, {self.index_text(scope, c)}] "
                          f"= {e}")
                return
        # The whole matrix, a row broadcast over it or a number.
        row = self.array_expression(scope, c)
        value = row if row is not None and self.chance(0.6) else \
            self.fit(self.float_expr(scope, 2), -1000.0, 1000.0).text
        self.emit(depth, f"{name} {self.pick(['+=', '-=', '*='])} {value}")
        self.emit(depth, f"{name} %= 1000.0")

    def array_write(self, scope, depth):
        name = self.pick(scope.arrays)
        n = scope.arrays[name]
        kind = self.r.random()
        if kind < 0.25:
            # A whole-array expression into a slice, assigned or added.
            s = self.slice_text(n)
            e = self.array_expression(scope, self.slice_len(n, s))
            if e is not None:
                if self.chance(0.6):
                    self.emit(depth, f"{name}[{s}] = {e}")
                else:
                    self.emit(depth, f"{name}[{s}] += {e}")
                    self.emit(depth, f"{name}[{s}] %= 1000.0")
                return
            kind = self.r.random()
        if kind < 0.5 and n > 0:
            idx = self.leaf(scope, "int")
            if idx.mag() >= INT_LIMIT:
                idx = self.wrap_int(idx)
            k = f"({idx.text}) % {n}" if self.chance(0.7) else \
                str(self.r.randint(-n, n - 1))
            if self.chance(0.7):
                e = self.fit(self.expr(scope, self.pick(["float", "int"]), 3),
                             -FLOAT_VAR, FLOAT_VAR)
                self.emit(depth, f"{name}[{k}] = {e.text}")
            else:
                op = self.pick(["+=", "-=", "*="])
                e = self.fit(self.float_expr(scope, 2), -1000.0, 1000.0)
                self.emit(depth, f"{name}[{k}] {op} {e.text}")
                self.emit(depth, f"{name}[{k}] %= 1000.0")
        elif kind < 0.75:
            s = self.slice_text(n)
            e = self.fit(self.float_expr(scope, 2), -FLOAT_VAR, FLOAT_VAR)
            self.emit(depth, f"{name}[{s}] = {e.text}")
        else:
            # A copy between slices of equal length, possibly overlapping.
            other = self.pick(scope.arrays)
            m = scope.arrays[other]
            for _ in range(20):
                s, t = self.slice_text(n), self.slice_text(m)
                if self.slice_len(n, s) == self.slice_len(m, t):
                    self.emit(depth, f"{name}[{s}] = {other}[{t}]")
                    return
            self.emit(depth, f"{name}[:] = {self.fit(self.float_expr(scope, 1), -FLOAT_VAR, FLOAT_VAR).text}")

    def list_write(self, scope, depth):
        """`l[k] = x` of the list's element type, in its variables' range."""
        name = self.pick([n for n, (_, size) in scope.lists.items() if size])
        et, n = scope.lists[name]
        k = str(self.r.randint(-n, n - 1))
        e = self.fit(self.expr(scope, et, 2), *self.var_range(et))
        self.emit(depth, f"{name}[{k}] = {e.text}")

    def list_method(self, scope, depth):
        """List methods that keep the list's length (so that indexing it
        stays in range): reverse, sort (reversed, by a key lambda), an
        insert and a pop, an append and a remove, += and pop(), a slice
        assigned a slice of the same length, or unpacking a list of two
        into variables."""
        name = self.pick([n for n, (_, size) in scope.lists.items() if size])
        et, n = scope.lists[name]
        e = self.fit(self.expr(scope, et, 2), *self.var_range(et))
        kind = self.r.random()
        if kind < 0.1:
            self.emit(depth, f"{name}.reverse()")
        elif kind < 0.2:
            v = self.fresh("v")
            self.emit(depth, f"{name}.sort(" + self.pick([
                "", "reverse=True", f"key=lambda {v}: -{v}",
                f"key=lambda {v}: {v} * {v}, reverse={self.pick([0, 1])}",
                f"key=lambda {v}: {v} % 3"]) + ")")
        elif kind < 0.25:
            s = self.slice_text(n)
            for _ in range(10):
                t = self.slice_text(n)
                if self.slice_len(n, s) == self.slice_len(n, t):
                    self.emit(depth, f"{name}[{s}] = {name}[{t}]")
                    return
            self.emit(depth, f"{name}[:] = sorted({name})")
        elif kind < 0.45:
            k = self.r.randint(-n - 2, n + 2)
            self.emit(depth, f"{name}.insert({k}, {e.text})")
            self.emit(depth, f"{name}.pop({self.r.randint(-n - 1, n)})")
        elif kind < 0.65:
            self.emit(depth, f"{name}.append({e.text})")
            self.emit(depth, f"{name}.remove({name}[{self.r.randint(0, n)}])")
        elif kind < 0.85:
            self.emit(depth, f"{name} += [{e.text}]")
            self.emit(depth, f"{name}.pop()")
        else:
            targets = [v for v in self.assignable(scope)
                       if scope.vars[v] == et]
            if n == 2 and len(targets) >= 2:
                a, b = self.r.sample(targets, 2)
                self.emit(depth, f"{a}, {b} = {name}")
            else:
                self.emit(depth, f"{name}.extend([{e.text}])")
                self.emit(depth, f"{name}.pop(0)")

    def list_query(self, scope):
        """A value computed from a list (count, in, index of an element
        that is there, a copy, a concatenation) and whether it is a list."""
        name = self.pick([n for n, (_, size) in scope.lists.items() if size])
        et, n = scope.lists[name]
        e = self.fit(self.expr(scope, et, 1), *self.var_range(et))
        v = self.fresh("v")
        return self.pick([
            (f"{name}.count({e.text})", False),
            (f"({e.text}) in {name}", False),
            (f"({e.text}) not in {name}", False),
            (f"{name}.index({name}[{self.r.randint(-n, n - 1)}])", False),
            (f"{name}.copy()", True),
            (f"{name} + {name}", True),
            (f"list({name})", True),
            (f"[{v} for {v} in {name} if {v} != ({e.text})]", True),
            (f"{name}[{self.slice_text(n)}]", True),
            (f"sorted({name})", True),
            (f"sorted({name}, reverse=True)", True),
            (f"sorted({name}, key=lambda {v}: {v} % 2)", True),
        ] + ([] if scope.njit else [
            (f"list(reversed({name}))", True),
            (f"[{v} for {v} in reversed({name}[{self.slice_text(n)}])]", True),
        ]))

    def slice_text(self, n):
        def part():
            return self.pick(["", str(self.r.randint(-n - 2, n + 2))])
        text = f"{part()}:{part()}"
        if self.chance(0.3):
            text += f":{self.pick([1, 2, 3, -1, -2])}"
        return text

    @staticmethod
    def slice_len(n, text):
        parts = [int(p) if p else None for p in text.split(":")]
        return len(range(n)[slice(*parts)])

    def tuple_assign(self, scope, depth, names):
        a, b = self.r.sample(names, 2)
        if self.chance(0.5):
            self.emit(depth, f"{a}, {b} = {b}, {a}" if scope.vars[a] ==
                      scope.vars[b] else f"{a}, {b} = {a}, {b}")
            return
        ea = self.fit(self.expr(scope, scope.vars[a], 2),
                      *self.var_range(scope.vars[a]))
        eb = self.fit(self.expr(scope, scope.vars[b], 2),
                      *self.var_range(scope.vars[b]))
        self.emit(depth, f"{a}, {b} = {ea.text}, {eb.text}")

    def early_return(self, scope, depth):
        ret = scope.ret
        self.emit(depth, f"if {self.bool_expr(scope, 2).text}:")
        self.emit(depth + 1, f"return {self.return_value(scope, ret)}")

    def return_value(self, scope, ret):
        if isinstance(ret, tuple):
            return ", ".join(self.fit(self.expr(scope, t, 2),
                                      *self.var_range(t)).text for t in ret)
        return self.fit(self.expr(scope, ret, 3), *self.var_range(ret)).text

    # ---- declarations --------------------------------------------------
    def containers(self, scope, depth):
        """Lists, tuples and arrays declared at the top of a body."""
        for _ in range(self.r.randint(0, 2)):
            et = self.pick(["int", "float", "bool"])
            n = self.r.randint(1, 5)
            name = self.fresh("q")
            items = [self.fit(self.expr(scope, et, 1),
                              *self.var_range(et)).text for _ in range(n)]
            self.emit(depth, f"{name} = [{', '.join(items)}]")
            scope.lists[name] = (et, n)
        if self.chance(0.3):
            # A list grown from [] (its element type from the appends).
            et = self.pick(["int", "float", "bool"])
            n = self.r.randint(1, 5)
            name, i = self.fresh("q"), self.fresh("i")
            e = self.fit(self.expr(scope, et, 1), *self.var_range(et))
            self.emit(depth, f"{name} = []")
            self.emit(depth, f"for {i} in range({n}):")
            self.emit(depth + 1, f"{name}.append({e.text})")
            scope.lists[name] = (et, n)
        if self.chance(0.3):
            # A comprehension whose element reads its own int target.
            et = self.pick(["int", "float", "bool"])
            n = self.r.randint(1, 5)
            name, i = self.fresh("q"), self.fresh("i")
            scope.vars[i] = "int"
            e = self.fit(self.expr(scope, et, 2), *self.var_range(et))
            del scope.vars[i]
            self.emit(depth, f"{name} = [{e.text} for {i} in range({n})]")
            scope.lists[name] = (et, n)
        if self.chance(0.2):
            n = self.r.randint(1, 5)
            start, step = self.r.randint(-5, 5), self.pick([1, 2, -1, -3])
            name = self.fresh("q")
            self.emit(depth, f"{name} = list(range({start}, "
                      f"{start + n * step}, {step}))")
            scope.lists[name] = ("int", n)
        for _ in range(self.r.randint(0, 1)):
            types = [self.pick(["int", "float", "bool"])
                     for _ in range(self.r.randint(1, 3))]
            name = self.fresh("t")
            items = [self.fit(self.expr(scope, t, 1),
                              *self.var_range(t)).text for t in types]
            text = ", ".join(items) + ("," if len(items) == 1 else "")
            self.emit(depth, f"{name} = ({text})")
            scope.tuples[name] = types
        for _ in range(self.r.randint(0, 2)):
            self.uses_numpy = True
            n = self.r.randint(0, 10)
            name = self.fresh("a")
            start = self.r.randint(-5, 5)
            self.emit(depth, f"{name} = " + self.pick([
                f"np.zeros({n})", f"np.ones({n})",
                f"np.arange({n}) * {self.r.randint(-9, 9)}.5",
                f"np.linspace({self.r.randint(-9, 0)}.25, "
                f"{self.r.randint(1, 9)}, {n})",
                # At least n elements (the division may round up), n kept.
                f"np.arange({start}.5, {start}.5 + {n} * 0.3, 0.3)"
                f"[:{n}].copy()"]))
            scope.arrays[name] = n
            if n > 0 and self.chance(0.5):
                i = self.fresh("i")
                e = self.fit(self.float_expr(scope, 2), -1000.0, 1000.0)
                self.emit(depth, f"for {i} in range({n}):")
                self.emit(depth + 1, f"{name}[{i}] = {e.text} + {i}")
            if n > 0 and self.chance(0.4):
                s = self.slice_text(n)
                view = self.fresh("a")
                self.emit(depth, f"{view} = {name}[{s}]")
                scope.arrays[view] = self.slice_len(n, s)
        if self.chance(0.3):
            self.uses_numpy = True
            r, c = self.r.randint(1, 4), self.r.randint(1, 4)
            name = self.fresh("m")
            self.emit(depth, f"{name} = np.zeros(({r}, {c}))")
            scope.matrices[name] = (r, c)
            i, j = self.fresh("i"), self.fresh("i")
            e = self.fit(self.float_expr(scope, 2), -1000.0, 1000.0)
            self.emit(depth, f"for {i} in range({r}):")
            self.emit(depth + 1, f"for {j} in range({c}):")
            self.emit(depth + 2, f"{name}[{i}, {j}] = {e.text} + {i} - {j}")
            if self.chance(0.3):
                # The transpose: a view of the same data.
                t = self.fresh("m")
                self.emit(depth, f"{t} = {name}.T")
                scope.matrices[t] = (c, r)
            if self.chance(0.5):
                # A row view: writes to it reach the matrix.
                view = self.fresh("a")
                self.emit(depth, f"{view} = {name}[{self.r.randint(-r, r - 1)}]")
                scope.arrays[view] = c

    def function(self):
        njit = self.chance(0.35)
        name = self.fresh("f")
        recursive = self.chance(0.15)
        if recursive:
            xty = self.pick(["int", "float"])
            params = [("n", "int", None), ("x", xty, None)]
            ret = xty
        else:
            params = []
            for k in range(self.r.randint(0, 3)):
                pty = self.pick(["int", "float", "bool"])
                default = None
                if params and params[-1][2] is not None or self.chance(0.3):
                    default = self.fit(self.expr(Scope(njit, True), pty, 0),
                                       *self.var_range(pty)).text
                params.append((f"p{k}", pty, default))
            ret = self.pick(["int", "float", "bool", ("int", "float"),
                             ("float", "bool", "int")])
        if njit:
            self.uses_numba = True
            self.emit(0, self.pick(["@njit", "@njit(cache=False)",
                                    "@numba.njit"]))
        sig = ", ".join(n if d is None else f"{n}={d}" for n, _, d in params)
        self.emit(0, f"def {name}({sig}):")
        scope = Scope(njit, True)
        scope.ret = ret
        for n, t, _ in params:
            scope.vars[n] = t
        if not njit:
            # Plain functions read module globals declared in main().
            for g, t in self.globals.items():
                scope.vars[g] = t
                scope.readonly.add(g)  # assigning would make it local
        f = Function(name, params, ret, njit, recursive)
        self.factor, self.cost = 1, 0
        if recursive:
            base = self.fit(self.expr(scope, ret, 2), *self.var_range(ret))
            self.emit(1, "if n <= 0:")
            self.emit(2, f"return {base.text}")
            self.factor = 8  # callers pass n % 8
            step = self.fit(self.expr(scope, ret, 2), *self.var_range(ret))
            self.emit(1, f"return {name}(n - 1, {step.text})")
        else:
            for _ in range(self.r.randint(0, 3)):
                self.declare(scope, 1, self.pick(["int", "float", "bool"]))
            self.containers(scope, 1)
            self.block(scope, 1, 0, 200, self.r.randint(1, 6))
            self.emit(1, f"return {self.return_value(scope, ret)}")
        f.cost = max(1, self.cost) + 8
        self.factor, self.cost = 1, 0
        self.functions.append(f)

    def collective(self, scope, depth):
        kind = self.pick(["gather", "allgather", "bcast", "allreduce",
                          "scan", "gather", "allreduce"])
        ty = self.pick(["int", "float", "bool"])
        value = self.fit(self.expr(scope, ty, 2), *self.var_range(ty))
        if ty == "int" and self.chance(0.6):
            value = Expr(f"({value.text}) + rank", ty, value.lo,
                         value.hi + 15)
        elif ty == "float" and self.chance(0.6):
            value = Expr(f"({value.text}) * (rank + 1)", ty,
                         -16 * value.mag(), 16 * value.mag())
        root = self.pick(["0", "size - 1", f"{self.r.randint(0, 9)} % size"])
        name = self.fresh("c")
        label = f"\"{self.fresh('p')}\""
        if kind in ("allreduce", "scan"):
            if ty == "bool":
                ops = ["MAX", "MIN"]  # mpi4py's bool SUM depends on size
            elif ty == "float":
                ops = ["MAX", "MIN", "SUM"]
            else:
                ops = ["SUM", "MAX", "MIN", "PROD"]
            op = self.pick(ops)
            if op == "PROD":
                value = self.wrap_int(value, 101)
            elif op == "SUM" and ty == "float":
                # A float sum depends on the order MPI combines in; sums of
                # integral values below 2**53 do not.
                value = Expr(f"float(int({value.text}))", ty, 0, 0)
            form = self.pick([f", op=MPI.{op}", f", MPI.{op}"])
            if op == "SUM" and self.chance(0.3):
                form = ""
            self.emit(depth, f"{name} = comm.{kind}({value.text}{form})")
        elif kind == "bcast":
            self.emit(depth, f"{name} = comm.bcast({value.text}, root={root})")
        elif kind == "allgather":
            self.emit(depth, f"{name} = comm.allgather({value.text})")
        else:
            form = self.pick([f", root={root}", f", {root}", ""])
            self.emit(depth, f"{name} = comm.gather({value.text}{form})")
        self.emit(depth, f"print({label}, rank, {name})")
        if kind == "allgather":
            scope.lists[name] = (ty, None)  # one element per rank
        elif kind != "gather":
            # A combined value may leave the variable range.
            if ty == "int":
                self.emit(depth, f"{name} = {name} % 1000003")
            elif ty == "float":
                self.emit(depth, f"{name} = {name} % 1000.0")
            scope.vars[name] = ty

    def program(self):
        self.globals = {}
        names = [self.fresh("g") for _ in range(self.r.randint(1, 4))]
        for n in names:
            self.globals[n] = self.pick(["int", "float", "bool"])
        functions_at = len(self.lines)
        for _ in range(self.r.randint(0, 5)):
            self.function()
            self.emit(0, "")
        body = Scope(False, False)
        body.vars["rank"] = "int"
        body.vars["size"] = "int"
        self.emit(0, "comm = MPI.COMM_WORLD")
        self.emit(0, "rank = comm.Get_rank()")
        self.emit(0, "size = comm.Get_size()")
        # The globals' first values call no function: functions read them.
        for n, t in self.globals.items():
            e = self.fit(self.leaf(body, t), *self.var_range(t))
            self.emit(0, f"{n} = {e.text}")
            body.vars[n] = t
        self.containers(body, 0)
        for _ in range(self.r.randint(3, 10)):
            if self.chance(0.25):
                self.collective(body, 0)
            else:
                self.statement(body, 0, 0, 400)
        # Every variable's final value.
        for n in sorted(body.vars):
            if n not in ("rank", "size"):
                self.emit(0, f"print(\"{n}\", {n})")
        # Sometimes every rank ends by sys.exit; the first line states the
        # exit status the driver expects.
        status = 0
        if self.chance(0.15):
            code = self.r.randint(0, 3)
            form = self.pick(["sys.exit({})", "raise SystemExit({})",
                              "sys.exit()", "message"])
            if form == "message":
                status = 1
                self.emit(0, 'sys.exit("generated program ends here")')
            else:
                status = 0 if form == "sys.exit()" else code
                self.emit(0, form.format(code))
            self.emit(0, 'print("not reached")')
            self.uses_sys = True
        header = [f"# exit status {status}", "import math",
                  "from mpi4py import MPI"]
        if self.uses_sys:
            header.append("import sys")
        if self.uses_numpy:
            header.append("import numpy as np")
        if self.uses_numba:
            header += ["import numba", "from numba import njit"]
        self.lines[functions_at:functions_at] = header + [""]
        return "\n".join(self.lines) + "\n"


def generate(seed):
    return Generator(seed).program()


if __name__ == "__main__":
    sys.stdout.write(generate(int(sys.argv[1])))
