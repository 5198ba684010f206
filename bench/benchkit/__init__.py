"""Computation side of the benchmark harness (bench/run orchestrates processes in bash).

Modules: sippstats (reading sipp's files), analysis (verdicts, spread, knee, ratio, overload),
report (Markdown and the summary table of RESULTS.md), credentials (injection and Kamailio
credential files), cli (the commands bench/run calls). Standard library only.
"""
