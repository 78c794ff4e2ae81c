"""Rule 8 (ROUND_TRIP): loads(dumps(x)) == x for every model and every world."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import geostate
from geostate.serialize import structure, unstructure
from geostate.strategies import worlds

MODELS = [
    geostate.PartialDate,
    geostate.Source,
    geostate.Names,
    geostate.State,
    geostate.BreakawayRegion,
    geostate.Recognized,
    geostate.RecognitionWithdrawn,
    geostate.RelationsEstablished,
    geostate.RelationsSuspended,
    geostate.RelationsSevered,
    geostate.IndependenceDeclared,
    geostate.EntityEnded,
    geostate.Authority,
    geostate.SanctionsRegime,
]


@given(worlds())
def test_every_world_round_trips(world: geostate.World) -> None:
    text = geostate.dumps(world)
    assert geostate.loads(text) == world
    assert geostate.dumps(geostate.loads(text)) == text


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
@given(data=st.data())
def test_every_model_round_trips(model: type, data: st.DataObject) -> None:
    value = data.draw(st.from_type(model))
    assert structure(unstructure(value), model) == value
