"""The short fuzz run (under a minute): mutated real texts through the whole pipeline.

What is mutated and checked is in tests/fuzz_support.py; the long run, with
figures, is bench/fuzz.py. Cases are derived (derandomized) so the suite is
repeatable; the long run explores new ones.
"""

from __future__ import annotations

import random

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import fuzz_support as fz

_SEEDS = fz.seed_texts()
_warm = False


@settings(max_examples=30, deadline=None, derandomize=True, database=None,
          phases=[Phase.explicit, Phase.generate],  # a case is a seed number: shrinking it means nothing
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(case=st.integers(min_value=0, max_value=2**32 - 1))
def test_mutated_real_texts_keep_the_contract(case: int):
    global _warm
    if not _warm:
        fz.warm_up()
        _warm = True
    data, name, done = fz.mutate(random.Random(case), _SEEDS, max_ops=3)
    result = fz.run_case(data, name)
    assert not result.failed, f"{name} after {'; '.join(done)}: {result.outcome} ({result.seconds:.1f} s)"
