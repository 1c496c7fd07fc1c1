"""jsontext.dumps writes exactly what json.dumps(ensure_ascii=False, sort_keys=True, indent=1) writes."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_resolutions._internal import jsontext

leaves = st.none() | st.booleans() | st.integers() | st.floats() | st.text()
values = st.recursive(leaves, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
                      max_leaves=30)


def reference(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1)


@settings(max_examples=300)
@given(values)
def test_same_text_as_json(data):
    assert jsontext.dumps(data) == reference(data)


def test_edges():
    for data in [{}, [], "", {"b": [], "a": {}}, [float("nan"), float("inf"), -float("inf"), -0.0, 1e300],
                 {"é\u2028\x00\"\\": "\ud800"}, (1, (2,)), [True, False, None, 10**30]]:
        assert jsontext.dumps(data) == reference(data)


def test_what_it_does_not_know_goes_to_json():
    assert jsontext.dumps({2: "a", 1: "b"}) == reference({2: "a", 1: "b"})  # json turns the keys into "1", "2"
    try:
        jsontext.dumps({"x": {1, 2}})
    except TypeError:
        pass
    else:
        raise AssertionError("a set is not JSON")
