"""Unit tests for the lossy fixer: its table matches the codecs, and its parts behave."""

from __future__ import annotations

import pickle
import unicodedata
from pathlib import Path


import textfix
from textfix.catalog import Catalog
from textfix.kinds import repair as repair_kind
from textfix.packs import load_pack
from textfix.repair import lossy

PACK = Path(__file__).resolve().parent.parent / "rules" / "repair" / "lossy.pack"


def _table():
    table, errors = repair_kind._lossy_table(load_pack(PACK))
    assert not errors
    return table


def test_every_lost_byte_candidate_really_has_that_damaged_form():
    """Each [lost-bytes] candidate, encoded as UTF-8 and read as Windows-1252 with its undefined
    bytes dropped / replaced by U+FFFD / by '?', gives the sequence it is listed under."""
    pack = load_pack(PACK)
    for group in pack.groups("lost-bytes"):
        seq = repair_kind._sequence(group.canonical)
        for cand in _table()[seq]:
            if "\u00a0" in cand.text.encode("utf-8").decode("cp1252", errors="ignore"):
                # The dagger, ٠: their A0 byte (a no-break space) stripped or made a space.
                misread = cand.text.encode("utf-8").decode("cp1252")
                assert seq in (misread.replace("\u00a0", ""), misread.replace("\u00a0", " ")), (seq, cand)
                continue
            forms = lossy.lossy_forms(cand.text)
            assert seq in (forms["dropped"], forms["replaced"], forms["replaced"].replace("\ufffd", "?")), (
                seq, cand)


def test_table_lists_every_general_punctuation_character_that_shares_a_form():
    """Every character of U+2000–U+206F whose damaged form is a listed sequence is a candidate."""
    table = _table()
    for cp in range(0x2000, 0x2070):
        ch = chr(cp)
        if unicodedata.category(ch) == "Cn":
            continue
        forms = lossy.lossy_forms(ch)
        for form in (forms.get("dropped"), forms.get("replaced")):
            if form in table:
                assert ch in {c.text for c in table[form]}, (form, f"U+{cp:04X}")


def test_bad_class_is_an_error_naming_file_and_line(tmp_path):
    text = PACK.read_text(encoding="utf-8").replace("id: repair.lossy", "id: repair.lossy_copy")
    text = text.replace("quote-close  RIGHT", "quote-klose  RIGHT", 1)
    path = tmp_path / "copy.pack"
    path.write_text(text, encoding="utf-8")
    errors = repair_kind._check([load_pack(path)])
    assert errors and "quote-klose" in str(errors[0]) and str(path) in str(errors[0])
    line = text.splitlines().index(next(l for l in text.splitlines() if "quote-klose" in l)) + 1
    assert f":{line}:" in str(errors[0])


def test_rule_pickles():
    rule = next(r for r in textfix.Pipeline("repair").rules if r.id == "repair.lossy")
    again = pickle.loads(pickle.dumps(rule))
    assert again.edits("“needless†attacks", None) == rule.edits("“needless†attacks", None)


def test_explain_names_the_rule_and_reason():
    explained = textfix.Pipeline("repair").explain("He said “no†and left.")
    assert explained.text == "He said “no” and left."
    (change,) = explained.changes
    assert change.rule == "repair.lossy" and change.before == "†" and change.after == "” "
    assert "quote-close" in change.note


def test_guard_keeps_ftfy_from_making_a_dagger():
    """Without the lossy pack, a lost quote stays as it is instead of becoming †."""
    pipeline = textfix.Pipeline("repair", disable="repair.lossy")
    assert pipeline.fix("He said â€œnoâ€ and left.") == "He said “noâ€ and left."


def test_dagger_mojibake_with_its_own_space_is_still_a_dagger():
    assert textfix.fix("Smithâ€\u00a0 died", profile="repair") == "Smith† died"


def test_lossy_pack_is_in_both_profiles_before_encoding():
    for profile in ("repair", "default"):
        ids = [item for item, _ in Catalog().profile(profile).items("packs")]
        assert ids.index("repair.lossy") < ids.index("repair.encoding")
