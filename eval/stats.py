"""Uncertainty: percentile bootstrap confidence intervals and a paired randomization test."""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike

SEED = 20240320  # the plan's date: any fixed seed makes reports reproducible
RESAMPLES = 1000
PERMUTATIONS = 10000


def _interval(samples: np.ndarray) -> tuple[float, float]:
    samples = samples[~np.isnan(samples)]
    if samples.size == 0:
        return math.nan, math.nan
    lo, hi = np.percentile(samples, [2.5, 97.5])
    return float(lo), float(hi)


def mean_ci(values: ArrayLike, resamples: int = RESAMPLES, seed: int = SEED) -> tuple[float, float, float]:
    """(mean, low, high): the mean and its 95% percentile-bootstrap interval."""
    x = np.asarray(values, dtype=float)
    if x.size == 0:
        return math.nan, math.nan, math.nan
    idx = np.random.default_rng(seed).integers(0, x.size, size=(resamples, x.size))
    return (float(x.mean()), *_interval(x[idx].mean(axis=1)))


def abstention_ci(
    abstained: ArrayLike, oos: ArrayLike, resamples: int = RESAMPLES, seed: int = SEED
) -> tuple[tuple[float, float, float], tuple[float, float, float]]:
    """Precision and recall of abstention, each as (value, low, high), questions resampled jointly."""
    a = np.asarray(abstained, dtype=bool)
    o = np.asarray(oos, dtype=bool)
    if a.size == 0:
        nan3 = (math.nan, math.nan, math.nan)
        return nan3, nan3
    idx = np.random.default_rng(seed).integers(0, a.size, size=(resamples, a.size))
    ra, ro = a[idx], o[idx]
    tp = (ra & ro).sum(axis=1).astype(float)
    with np.errstate(invalid="ignore", divide="ignore"):
        p = np.where(ra.sum(axis=1) > 0, tp / ra.sum(axis=1), np.nan)
        r = np.where(ro.sum(axis=1) > 0, tp / ro.sum(axis=1), np.nan)
    tp0 = float((a & o).sum())
    p0 = tp0 / a.sum() if a.any() else math.nan
    r0 = tp0 / o.sum() if o.any() else math.nan
    return (p0, *_interval(p)), (r0, *_interval(r))


def paired_permutation(
    a: ArrayLike, b: ArrayLike, permutations: int = PERMUTATIONS, seed: int = SEED
) -> float:
    """Two-sided p-value that paired scores a and b have the same mean (random sign flips)."""
    d = np.asarray(a, dtype=float) - np.asarray(b, dtype=float)
    if d.size == 0 or not np.any(d):
        return 1.0
    observed = abs(d.mean())
    signs = np.random.default_rng(seed).choice((-1.0, 1.0), size=(permutations, d.size))
    flipped = np.abs((signs * d).mean(axis=1))
    # The 1e-12 slack keeps float noise from hiding permutations equal to the observed one.
    hits = int(np.count_nonzero(flipped >= observed - 1e-12))
    return (hits + 1) / (permutations + 1)
