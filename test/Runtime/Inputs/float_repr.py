# Prints repr() of the doubles that float-repr-matches-python.c prints, in the
# same order, one per line.
import math
import struct

MASK = (1 << 64) - 1
state = 0x243F6A8885A308D3


def next_random():
    # splitmix64, mirrored in float-repr-matches-python.c.
    global state
    state = (state + 0x9E3779B97F4A7C15) & MASK
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return z ^ (z >> 31)


def from_bits(bits):
    return struct.unpack("<d", struct.pack("<Q", bits))[0]


def to_bits(v):
    return struct.unpack("<Q", struct.pack("<d", v))[0]


def emit_bits(bits):
    v = from_bits(bits)
    if not math.isnan(v):
        print(repr(v))


def to_signed(u):
    return u - (1 << 64) if u >= 1 << 63 else u


fixed = [
    0.0, -0.0, 1.0, -1.0, 0.1, 0.2, 0.1 + 0.2, 1.0 / 3.0, 2.0 / 3.0, 0.5,
    1e-05, 1.5e-05, 0.0001, 0.001, 1e16, 1e15, 1000000000000000.0,
    9999999999999998.0, 1e17, 123456789.123, 100.0, 1e22, 1e23, 1e300,
    1e-300, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
    4.35, 0.3, 2.675, 1.1, 9007199254740993.0, 12345678901234567890.0,
    3.141592653589793, 2.718281828459045, 1e-4, 9.999999999999999e-05,
    math.inf, -math.inf,
]
for v in fixed:
    print(repr(v))

for k in range(-1074, 1024):
    bits = to_bits(math.ldexp(1.0, k))
    emit_bits(bits)
    emit_bits(bits + 1)
    if bits > 1:
        emit_bits(bits - 1)

for k in range(-325, 309):
    bits = to_bits(float("1e%d" % k))
    emit_bits(bits)
    emit_bits(bits + 1)
    if bits > 1:
        emit_bits(bits - 1)

for i in range(20000):
    r = next_random()
    kind = i % 6
    if kind == 0:
        emit_bits(r)
    elif kind == 1:
        emit_bits((r & 0x800FFFFFFFFFFFFF)
                  | ((1023 - 70 + (r >> 52) % 141) << 52))
    elif kind == 2:
        emit_bits(r & 0x800FFFFFFFFFFFFF)
    elif kind == 3:
        print(repr(float(to_signed(r >> (r % 64)))))
    elif kind == 4:
        print(repr(float(r % 100000000) / math.pow(10.0, (r >> 40) % 23)))
    else:
        print(repr(float(r % 1000) / 100.0 + float((r >> 20) % 1000) / 1000.0))
