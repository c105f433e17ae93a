"""``textfix names suggest``: planted spellings in a generated corpus are found and clustered."""

from __future__ import annotations

import random

from click.testing import CliRunner

from textfix.names.suggest import cluster, collect, command, skeleton

# Made-up names (so no pack covers them), each with the spellings planted and how often.
PLANTED = {
    "Tamerlan Bekhoyev": {"Tamerlan Bekhoyev": 7, "Tamerlan Bekhoev": 3, "Tamerlan Bekoyev": 2},
    "Shuravabad": {"Shuravabad": 6, "Shoorawabad": 2},
    "Jamaat al-Furqan": {"Jamaat al-Furqan": 5, "Jama'at el-Furqan": 2, "Jamaat al Furkan": 1},
    "Dzhokhar Umarkhanov": {"Dzhokhar Umarkhanov": 4, "Dzhokhar Umarkhanoff": 2},
    "Nur Qadirzai": {"Nur Qadirzai": 2, "Nur Ghadirzai": 5},
}
DISTRACTORS = ["Elena Markovic", "Port Halden", "Tobias Wendt", "Lake Orumba", "Sagal Warsame", "Minister Okonjo"]
COVERED = {"Zabihullah Mujahed": 3, "Zabihullah Mujahid": 4}
TEMPLATES = [
    "On Monday {name} said the talks would go on.",
    "Officials in the capital met {name} for an hour, and then left.",
    "the report quoted {name} twice, and officials said nothing more.",
    "Yesterday {name}’s office denied the report.",
    "According to a statement, {name} will travel next week.",
]
FILLER = ["the officials said on monday that yesterday the talks were over.",
          "according to the report, officials met for an hour and then the office left."]


def make_corpus(seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    mentions = [form for spellings in PLANTED.values() for form, n in spellings.items() for _ in range(n)]
    mentions += [form for form, n in COVERED.items() for _ in range(n)]
    mentions += [rng.choice(DISTRACTORS) for _ in range(20)]
    rng.shuffle(mentions)
    docs = []
    for i in range(0, len(mentions), 4):
        lines = [rng.choice(TEMPLATES).format(name=name) for name in mentions[i : i + 4]]
        lines.insert(rng.randrange(len(lines) + 1), rng.choice(FILLER))
        docs.append("\n".join(lines) + "\n")
    return docs


def _by_canonical(clusters):
    return {c.spellings[0].form: {s.form: s.count for s in c.spellings} for c in clusters}


def test_planted_clusters_are_found_with_the_most_frequent_spelling_first():
    docs = make_corpus()
    found = collect((f"doc{i}.txt", d) for i, d in enumerate(docs))
    clusters = _by_canonical(cluster(found))
    for spellings in PLANTED.values():
        canonical = max(spellings, key=spellings.get)
        assert canonical in clusters, (canonical, sorted(clusters))
        assert clusters[canonical] == spellings
    # Distractors are single spellings: no cluster of their own, nothing merged into a planted one.
    for name in DISTRACTORS:
        assert name not in clusters


def test_cli_prints_pack_entries_and_leaves_out_covered_names(tmp_path):
    docs = make_corpus()
    paths = []
    for i, doc in enumerate(docs):
        path = tmp_path / f"doc{i}.txt"
        path.write_text(doc, encoding="utf-8")
        paths.append(str(path))
    result = CliRunner().invoke(command, ["suggest", *paths])
    assert result.exit_code == 0, result.output
    out = result.output
    for spellings in PLANTED.values():
        canonical = max(spellings, key=spellings.get)
        assert f"\n{canonical}\n    # {spellings[canonical]}× " in out
        for form in spellings:
            if form != canonical:
                assert f"\n    {form}\n    # {spellings[form]}× " in out
    assert "Mujahed" not in out  # the news pack covers it already
    # The output pastes into a pack as it is.
    pack = tmp_path / "suggested.pack"
    body = out
    pack.write_text("id: names.suggested\nkind: names\ndescription: x\nsource: x\nlicence: MIT\n---\n[entries]\n"
                    + body, encoding="utf-8")
    from textfix.kinds.names import KIND
    from textfix.packs import load_pack

    assert KIND.check([load_pack(pack)]) == []
    result = CliRunner().invoke(command, ["suggest", "--all", *paths])
    assert "Zabihullah Mujahid" in result.output and "already in a pack" in result.output


def test_cli_from_a_folder_and_a_missing_file(tmp_path):
    (tmp_path / "a.txt").write_text("Zorvan Qadiri met us. Zorvan Kadiri left. Zorvan Qadiri stayed.\n",
                                    encoding="utf-8")
    result = CliRunner().invoke(command, ["suggest", str(tmp_path)])
    assert result.exit_code == 0 and "\nZorvan Qadiri\n" in result.output and "    Zorvan Kadiri\n" in result.output
    packs = tmp_path.parent / (tmp_path.name + "-packs")
    packs.mkdir()
    (packs / "mine.pack").write_text("id: names.mine\nkind: names\ndescription: x\nsource: x\nlicence: MIT\n---\n"
                                     "[entries]\nZorvan Qadiri\n    Zorvan Kadiri\n", encoding="utf-8")
    result = CliRunner().invoke(command, ["suggest", "--packs", str(packs), str(tmp_path)])
    assert result.exit_code == 0 and "Zorvan" not in result.output, result.output
    result = CliRunner().invoke(command, ["suggest", str(tmp_path / "nope.txt")])
    assert result.exit_code != 0 and "no such file" in result.output


def test_transliteration_key():
    assert skeleton("Muammar Qaddafi") == skeleton("Moammar Gadhafi") == skeleton("Muammar al-Kadhafi")
    assert skeleton("Zelensky") == skeleton("Zelenskiy") == skeleton("Zelenskyy")
    assert skeleton("Umarkhanov") == skeleton("Umarkhanoff")
    assert skeleton("Yevgeny") == skeleton("Jevgeni")
    assert skeleton("Mujahed") == skeleton("Mujahid") != skeleton("Mujtaba")
