#!/usr/bin/env python3
"""Reference values of arcsin(sqrt(x)) for the geometry module's ArcsineOfRootTest.

Computed with mpmath at 200 bits and rounded to the nearest double. Run from the repository root:

    python3 docs/reference/arcsine_of_root.py \
        > geometry/src/test/resources/io/github/hopflow/geometry/activation/arcsine-of-root.csv
"""
import math
import random

import mpmath

mpmath.mp.prec = 200


def points():
    rng = random.Random(20261123)
    xs = [0.0, 5e-324, 2.0 ** -1022, 0.25, 0.5, 0.75, 1.0, math.nextafter(1.0, 0.0),
          math.nextafter(0.5, 0.0), math.nextafter(0.5, 1.0)]
    xs += [rng.random() for _ in range(120)]                          # uniform on [0, 1)
    xs += [10.0 ** (-300 * rng.random()) for _ in range(60)]          # near 0
    xs += [1.0 - 10.0 ** (-16 * rng.random()) for _ in range(60)]     # near 1
    xs += [0.4 + 0.2 * rng.random() for _ in range(60)]               # around 1/2
    return xs


def main():
    print("# x (hex), arcsin(sqrt(x)) rounded to the nearest double (hex), the same in decimal;"
          " mpmath %s at %d bits, docs/reference/arcsine_of_root.py" % (mpmath.__version__, mpmath.mp.prec))
    for x in points():
        value = float(mpmath.asin(mpmath.sqrt(mpmath.mpf(x))))
        print("%s,%s,%r" % (float.hex(x), float.hex(value), value))


if __name__ == "__main__":
    main()
