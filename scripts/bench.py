#!/usr/bin/python3
"""The numpy + matplotlib side of `make bench`: the work of one losscape frame,
done the usual Python way at the same size, so scripts/bench.sh can set the two
side by side. Rosenbrock on a WxH grid of pixel centres over [-2,2]x[-1,3],
viridis colour mapping, 20 contour levels, and the whole picture drawn to an Agg
canvas of WxH pixels. Prints `stage,median_ms,min_ms` CSV (median and minimum of
N timed runs after one untimed run).

Usage: /usr/bin/python3 scripts/bench.py [--size WxH] [--repeat N] [--log]
--log uses losscape's logarithmic colour scale and level spacing (the offset is
1e-3 of the value range, as in src/core/view.c), which is what losscape shows
for Rosenbrock; without it both are linear.
"""
import argparse
import statistics
import sys
import time

import numpy as np
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402 (after the backend is chosen)
from matplotlib import colors  # noqa: E402

try:
    import contourpy
except ImportError:  # older matplotlib: contour extraction through pyplot
    contourpy = None

VIEW = (-2.0, 2.0, -1.0, 3.0)  # x0, x1, y0, y1
LEVELS = 20
LOG_OFFSET = 1e-3


def size(text):
    """Parses WxH as losscape does (64..8192 a side)."""
    try:
        w, h = (int(v) for v in text.split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected WxH, got '{text}'")
    if not (64 <= w <= 8192 and 64 <= h <= 8192):
        raise argparse.ArgumentTypeError(f"expected 64 <= W, H <= 8192, got '{text}'")
    return w, h


def repeat(text):
    """Parses a repeat count of at least 1."""
    try:
        n = int(text)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number >= 1, got '{text}'")
    return n


def centres(w, h):
    """Pixel-centre coordinates: x left to right, y top to bottom (row 0 = y1)."""
    x0, x1, y0, y1 = VIEW
    xs = x0 + (np.arange(w) + 0.5) * ((x1 - x0) / w)
    ys = y1 - (np.arange(h) + 0.5) * ((y1 - y0) / h)
    return xs, ys


def evaluate(xs, ys):
    """Rosenbrock on the grid and its value range (losscape finds it while sampling)."""
    x, y = xs[None, :], ys[:, None]
    z = (1 - x) ** 2 + 100 * (y - x * x) ** 2
    return z, float(z.min()), float(z.max())


def scale(lo, hi, log):
    """The Normalize of losscape's colour scale, and the value shifted for it."""
    if not log:
        return colors.Normalize(vmin=lo, vmax=hi, clip=True), 0.0
    off = (hi - lo) * LOG_OFFSET  # LogNorm of z - lo + off is losscape's log scale
    return colors.LogNorm(vmin=off, vmax=hi - lo + off, clip=True), off - lo


def levels(lo, hi, log):
    """losscape's levels: the scale's values at (k + 0.5) / LEVELS."""
    t = (np.arange(LEVELS) + 0.5) / LEVELS
    u = np.expm1(t * np.log1p(1 / LOG_OFFSET)) * LOG_OFFSET if log else t
    return lo + u * (hi - lo)


def colour_map(z, lo, hi, log):
    norm, shift = scale(lo, hi, log)
    return plt.get_cmap("viridis")(norm(z + shift), bytes=True)


def extract(xs, ys, z, lv):
    """The contour lines of every level, as point arrays."""
    if contourpy is not None:
        gen = contourpy.contour_generator(xs, ys, z, name="serial", line_type="Separate")
        return [gen.lines(v) for v in lv]
    fig = plt.figure()
    cs = fig.add_subplot().contour(xs, ys, z, lv)
    plt.close(fig)
    return cs


class Drawing:
    """An Agg figure of exactly w x h pixels whose axes fill it, as losscape's
    field fills its canvas; draw() redoes the whole frame."""

    def __init__(self, w, h, log):
        self.w, self.h, self.log = w, h, log
        self.xs, self.ys = centres(w, h)
        self.fig = plt.figure(figsize=(w / 100, h / 100), dpi=100)
        self.ax = self.fig.add_axes([0, 0, 1, 1])

    def draw(self):
        ax = self.ax
        ax.clear()
        ax.set_axis_off()
        z, lo, hi = evaluate(self.xs, self.ys)
        norm, shift = scale(lo, hi, self.log)
        ax.imshow(z + shift, cmap="viridis", norm=norm, extent=VIEW, origin="upper",
                  interpolation="nearest", aspect="auto")
        ax.contour(self.xs, self.ys, z, levels(lo, hi, self.log), colors="white",
                   linewidths=1.0, alpha=120 / 255)
        self.fig.canvas.draw()
        if self.fig.canvas.get_width_height() != (self.w, self.h):
            sys.exit(f"bench.py: Agg canvas is {self.fig.canvas.get_width_height()}")


def measure(fn, n):
    """Median and minimum of n timed calls of fn, in ms, after one untimed call."""
    fn()
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1e3)
    return statistics.median(times), min(times)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size", type=size, default=(1920, 1080), help="WxH (1920x1080)")
    ap.add_argument("--repeat", type=repeat, default=30, help="timed runs (30)")
    ap.add_argument("--log", action="store_true", help="losscape's log colour scale")
    a = ap.parse_args()
    w, h = a.size
    xs, ys = centres(w, h)
    z, lo, hi = evaluate(xs, ys)
    lv = levels(lo, hi, a.log)
    drawing = Drawing(w, h, a.log)
    stages = [
        ("eval", lambda: evaluate(xs, ys)),
        ("colour_map", lambda: colour_map(z, lo, hi, a.log)),
        ("contour_extract", lambda: extract(xs, ys, z, lv)),
        ("full_draw", drawing.draw),
    ]
    cp = contourpy.__version__ if contourpy is not None else "none"
    print(f"# numpy={np.__version__} matplotlib={matplotlib.__version__} "
          f"contourpy={cp} size={w}x{h} repeats={a.repeat} "
          f"scale={'log' if a.log else 'linear'}")
    print("stage,median_ms,min_ms")
    for name, fn in stages:
        med, lowest = measure(fn, a.repeat)
        print(f"{name},{med:.3f},{lowest:.3f}", flush=True)


if __name__ == "__main__":
    main()
