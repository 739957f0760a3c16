"""The shipped crisis lines and the sentences built from them (runmate/support.py)."""

from __future__ import annotations

import datetime as dt
import json
import re
from importlib import resources

import pytest
from hypothesis import given
from hypothesis import strategies as st

from runmate import support

RAW = json.loads(resources.files("runmate").joinpath("data/support_lines.json").read_text("utf-8"))
FIELDS = ("country", "country_name", "service", "call", "text", "chat", "web", "emergency", "sources", "checked")
# A short code (988, 3114) or digits in groups (116 123, 13 11 14, 1800 247 247): nothing else.
NUMBER = re.compile(r"^\d{3,4}$|^\d{2,4}( \d{2,4}){1,3}$")


@pytest.mark.parametrize("entry", RAW["lines"], ids=lambda e: e["country"])
def test_every_entry_has_every_field_a_plausible_number_and_its_sources(entry):
    assert set(FIELDS) <= entry.keys()
    assert re.fullmatch("[A-Z]{2}", entry["country"])
    assert entry["country_name"] and entry["service"]
    assert NUMBER.match(entry["call"]), entry["call"]
    for optional in ("text", "emergency"):
        assert entry[optional] == "" or NUMBER.match(entry[optional])
    assert entry["web"].startswith("https://")
    assert entry["sources"] and all(s.startswith(("https://", "http://")) for s in entry["sources"])
    dt.date.fromisoformat(entry["checked"])


def test_the_table_covers_the_countries_asked_for_once_each():
    codes = [e["country"] for e in RAW["lines"]]
    assert len(codes) == len(set(codes))
    assert {"US", "CA", "GB", "IE", "AU", "NZ"} <= set(codes)
    dt.date.fromisoformat(RAW["checked"])
    assert RAW["checked"] >= max(e["checked"] for e in RAW["lines"])
    assert RAW["directory"]["web"].startswith("https://") and RAW["directory"]["sources"]


def test_a_country_with_a_line_gets_it_and_its_emergency_number():
    lines = support.where_to_turn("us", "", "Sam, 555 0100")
    assert lines == [
        "Your support contact: Sam, 555 0100.",
        "In the United States: 988 Suicide & Crisis Lifeline, call or text 988, chat at 988lifeline.org (988lifeline.org).",
        "In an emergency, call 911.",
    ]
    assert support.where_to_turn("GB")[0] == "In the United Kingdom: Samaritans, call 116 123 (samaritans.org)."
    assert support.where_to_turn("GB")[-1] == support.EMERGENCY_ANY  # not confirmed by the source: said generally


def test_a_country_without_a_line_gets_the_directory_and_the_local_emergency_number():
    assert support.where_to_turn("XZ", "Mum 0123") == [
        "Your own line: Mum 0123.",
        "Helplines in many countries: findahelpline.com.",
        support.EMERGENCY_ANY,
    ]


def test_no_country_chosen_says_what_it_always_said():
    assert support.where_to_turn() == [support.EMERGENCY_ANY]


@pytest.mark.parametrize(
    ("env", "country"),
    [
        ({"LANG": "en_GB.UTF-8"}, "GB"),
        ({"LC_ALL": "fr_CA.utf8", "LANG": "en_US.UTF-8"}, "CA"),
        ({"LC_MESSAGES": "de_DE@euro"}, "DE"),
        ({"LANG": "C.UTF-8"}, None),
        ({"LANG": "POSIX"}, None),
        ({"LC_ALL": "C", "LANG": "en_GB.UTF-8"}, None),  # the first one set decides
        ({}, None),
        ({"LANG": "sr_RS.UTF-8@latin"}, "RS"),
    ],
)
def test_the_locale_offers_a_country(env, country):
    assert support.country_from_locale(env) == country


@pytest.mark.parametrize(
    ("typed", "code"),
    [("gb", "GB"), (" Ireland ", "IE"), ("new  zealand", "NZ"), ("", ""), ("Narnia", None), ("G1", None)],
)
def test_a_country_as_typed(typed, code):
    assert support.normalise_country(typed) == code


@given(st.text(max_size=60))
def test_any_typed_country_is_a_code_empty_or_refused(typed):
    code = support.normalise_country(typed)
    assert code is None or code == "" or re.fullmatch("[A-Z]{2}", code)


def test_help_says_when_the_table_was_checked():
    assert RAW["checked"] in support.checked_sentence()
