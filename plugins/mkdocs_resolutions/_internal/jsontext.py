"""Indented JSON, the bytes of ``json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1)``, faster.

The standard library only uses its C encoder without ``indent``; with it, every
value goes through a chain of Python generators, which made the data files
(``document.json`` of every page, ``mandates.json``) a tenth of a cold build.
Here containers are walked by one plain function and strings are escaped by the
C escaper, the same one ``json`` uses. Anything this walk does not know (a
non-string key, a type ``json`` would reject) is handed to ``json.dumps``.
"""

from __future__ import annotations

import json
from functools import lru_cache
from operator import itemgetter
from json.encoder import encode_basestring  # type: ignore[attr-defined]  # the C escaper where there is one
from typing import Any, Callable, Sequence, TypeVar


class _Unusual(Exception):
    """A value the plain walk leaves to ``json.dumps``."""


def _float(value: float) -> str:
    if value != value:
        return "NaN"
    if value in (float("inf"), float("-inf")):
        return "Infinity" if value > 0 else "-Infinity"
    return float.__repr__(value)


def emit(value: Any, newline: str, out: list[str]) -> None:  # noqa: C901 - one branch per JSON type
    """Append ``value``'s JSON text to ``out``, laid out as it would be at the depth of ``newline``
    (a newline and the indent of the value's own line); :class:`_Unusual` where ``json`` must decide."""
    if isinstance(value, str):
        out.append(encode_basestring(value))
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, int):
        out.append(int.__repr__(value))
    elif isinstance(value, float):
        out.append(_float(value))
    elif isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        if not all(isinstance(key, str) for key in value):
            raise _Unusual
        inner = newline + " "
        separator = "{" + inner
        for key in sorted(value):
            out.append(separator)
            out.append(encode_basestring(key))
            out.append(": ")
            emit(value[key], inner, out)
            separator = "," + inner
        out.append(newline + "}")
    elif isinstance(value, (list, tuple)):
        array(value, emit, newline, out)
    else:
        raise _Unusual


T = TypeVar("T")


def array(items: Sequence[T], part: Callable[[T, str, list[str]], None], newline: str, out: list[str]) -> None:
    """Append the JSON array of ``items`` at the depth of ``newline``, each item written by ``part``
    (called as ``emit`` is: the item, its line's newline and indent, ``out``)."""
    if not items:
        out.append("[]")
        return
    inner = newline + " "
    separator = "[" + inner
    for item in items:
        out.append(separator)
        part(item, inner, out)
        separator = "," + inner
    out.append(newline + "]")


_SCALARS = frozenset({str, int, float, bool, type(None)})


@lru_cache(maxsize=8)
def _records_layout(keys: tuple[str, ...], newline: str) -> tuple[Callable[[dict[str, Any]], tuple[Any, ...]], str]:
    """How :func:`records` picks a record's values (in key order) and lays them out."""
    inner = newline + " "
    layout = "{" + ",".join(inner + encode_basestring(k).replace("%", "%%") + ": %s" for k in keys) + newline + "}"
    return itemgetter(*keys), layout


def records(rows: list[dict[str, Any]], newline: str) -> list[str]:
    """What :func:`emit` writes for each of ``rows`` at the depth of ``newline``: dicts with the same
    string keys, values strings, numbers, booleans or None (the rows of ``mandates.json``).

    The C encoder, which lays out no indent, writes every value of every row in one call, a NUL (never
    raw in JSON text) between them; each row is then its values put in a layout made once."""
    keys = tuple(sorted(rows[0])) if rows else ()
    if len(keys) < 2 or any(len(row) != len(keys) or not _SCALARS.issuperset(map(type, row.values())) for row in rows):
        return [_emitted(row, newline) for row in rows]
    pick, layout = _records_layout(keys, newline)
    try:
        values = _SEPARATED([pick(row) for row in rows])
    except KeyError:  # not the same keys
        return [_emitted(row, newline) for row in rows]
    return [layout % tuple(row.split("\x00")) for row in values[2:-2].split("]\x00[")]


_SEPARATED = json.JSONEncoder(ensure_ascii=False, separators=("\x00", ": ")).encode


def _emitted(value: Any, newline: str) -> str:
    out: list[str] = []
    emit(value, newline, out)
    return "".join(out)


def dumps(data: Any) -> str:
    """``json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1)``."""
    out: list[str] = []
    try:
        emit(data, "\n", out)
    except _Unusual:
        return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1)
    return "".join(out)
