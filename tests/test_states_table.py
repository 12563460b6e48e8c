"""The packaged states table (``resources/states_all.tsv``) is what its sources give.

It is generated from ``states.tsv`` and pycountry (see ``pactlens.resources.states_build``)
so that a cold start does not import pycountry; this fails when either source changed
and the table was not rebuilt.
"""

from __future__ import annotations

from pactlens.resources import states
from pactlens.resources.states_build import merged_states, packaged_path, render


def _rows(text: str) -> list[str]:
    return [line for line in text.splitlines() if not line.startswith("#")]


def test_packaged_table_matches_its_sources() -> None:
    built = _rows(render(merged_states()))
    packaged = _rows(packaged_path().read_text(encoding="utf-8"))
    assert packaged == built, "states_all.tsv is stale: run `python -m pactlens.resources.states_build`"


def test_runtime_reads_the_table_as_merged() -> None:
    assert states.states() == merged_states()
    assert list(states.states()) == list(merged_states())  # the order decides a shared form's state


def test_a_pycountry_name_is_found_without_pycountry_at_run_time() -> None:
    # "Bolivarian Republic of Venezuela" is pycountry's official name, not a row of states.tsv
    # (if the project's row ever carries it, the lookup still holds).
    assert states.lookup("Bolivarian Republic of Venezuela").iso3 == "VEN"
