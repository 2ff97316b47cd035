"""legday's benchmarks. Not part of the default test run (pyproject's norecursedirs has "bench").

Run everything: ``.venv/bin/python -m tests.bench`` (add ``--json`` for machine-readable output,
``--quick`` for fewer rounds, ``--only coldstart,planner`` for a subset).

The machine is small and shared (2 cores, noisy neighbours), so no figure is an absolute time on its
own: each subject is measured interleaved with a reference in the same run (A B A B ...), the figure is
the median over at least 10 rounds, and the targets that are ratios use the median of the per-round
ratios (each pair measured seconds apart, so a slow spell hits both).
"""
