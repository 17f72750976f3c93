"""Mail headers from untrusted text: what `clean_header_text` and `parse_addresses` promise.

A subject is one line of at most `SUBJECT_LIMIT` characters without control, format or line/paragraph
separator characters; an address is an ASCII `local@domain.tld` (or `@localhost`), and anything else
is refused with a message that names the option and the address at fault.
"""

from __future__ import annotations

import pytest

from briefer.errors import MailError
from briefer.mail.headers import SUBJECT_LIMIT, clean_header_text, parse_addresses


def test_a_subject_of_exactly_the_limit_is_kept_whole_and_a_longer_one_is_cut_with_an_ellipsis():
    exact = "x" * SUBJECT_LIMIT
    assert clean_header_text(exact) == exact
    assert clean_header_text(exact + "y") == "x" * (SUBJECT_LIMIT - 1) + "…"
    spaced = clean_header_text("x" * (SUBJECT_LIMIT - 2) + "  yyyy")  # the cut falls on the space
    assert spaced == "x" * (SUBJECT_LIMIT - 2) + "…"


def test_a_cut_keeps_the_start_of_the_subject():
    assert clean_header_text(" Brief: " + "word " * 100, limit=20) == "Brief: word word wo…"


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\r\n", "\t", " \x85 "])
def test_line_and_paragraph_separators_become_one_space(separator):
    assert clean_header_text(f"Talks{separator}resume") == "Talks resume"


@pytest.mark.parametrize("invisible", ["\u202e", "\u2066", "\u200f", "\ufeff", "\x85", "\x1b"])
def test_bidi_controls_and_invisible_characters_are_removed(invisible):
    cleaned = clean_header_text(f"Talks {invisible}resume{invisible}")
    assert cleaned == "Talks resume"


def test_a_long_display_name_does_not_cut_the_address_off():
    name = "A" * 300
    (address,) = parse_addresses(f'"{name}" <ann@example.org>', "--to")
    assert address.addr_spec == "ann@example.org"
    assert address.display_name == clean_header_text(name)


@pytest.mark.parametrize(
    "value",
    ["ann@example.org", "Ann Lee <ann.lee+news@mail.example.org>", "root@localhost", "a_b@x-y.example.org"],
)
def test_sane_addresses_are_accepted(value):
    assert len(parse_addresses(value, "--to")) == 1


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (".ann@example.org", ".ann@example.org"),
        ("ann.@example.org", "ann.@example.org"),
        ("a..b@example.org", "a..b@example.org"),
        ("ann@example", "ann@example"),
        ("ann@-example.org", "ann@-example.org"),
        ("ann@example.org-", "ann@example.org-"),
    ],
)
def test_an_insane_address_is_refused_naming_the_option_and_the_address(value, shown):
    with pytest.raises(MailError) as exc:
        parse_addresses(f"Ann <{value}>, bo@example.org", "--cc")
    assert str(exc.value).startswith(f"--cc {shown!r}: not a valid email address")


@pytest.mark.parametrize(
    "value", ["zoé@example.org", "ann@exämple.org", "@example.org", "zoe@", "no address"]
)
def test_non_ascii_or_incomplete_addresses_are_refused(value):
    with pytest.raises(MailError) as exc:
        parse_addresses(value, "--to")
    assert str(exc.value).startswith("--to ")
