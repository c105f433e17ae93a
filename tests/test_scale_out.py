"""textfix at scale: pandas Series.map and Dask on a real LocalCluster of worker processes.

These need the optional extra (`pip install 'textfix[dask]'`); CI installs it.
Without it the tests are skipped with that instruction.
"""

from __future__ import annotations

import pytest

import textfix

pd = pytest.importorskip("pandas", reason="pip install 'textfix[dask]' for the pandas/Dask tests")

TEXTS = [
    "The groupâ€™s leader &amp; cafÃ©",
    "Clean text stays as it is.",
    "Zero\u200bwidth and cafe\u0301",
    "“Quoted” — kept",
] * 50


def test_pandas_series_map():
    pipeline = textfix.Pipeline("default")
    series = pd.Series(TEXTS)
    fixed = series.map(pipeline.fix)
    assert fixed.tolist() == [pipeline.fix(t) for t in TEXTS]
    assert fixed[0] == "The group’s leader & café"
    # The same column through fix_many (the docs' way for many short texts).
    assert pd.Series(list(pipeline.fix_many(series)), index=series.index).equals(fixed)


def test_dask_local_cluster_matches_single_process(tmp_path):
    dd = pytest.importorskip("dask.dataframe", reason="pip install 'textfix[dask]'")
    db = pytest.importorskip("dask.bag", reason="pip install 'textfix[dask]'")
    distributed = pytest.importorskip("distributed", reason="pip install 'textfix[dask]'")

    pipeline = textfix.Pipeline("default")
    expected = [pipeline.fix(t) for t in TEXTS]
    files = []
    for i in range(4):
        path = tmp_path / f"doc{i}.txt"
        path.write_text("\n".join(TEXTS[i::4]), encoding="utf-8")
        files.append(str(path))

    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        assert len(client.scheduler_info()["workers"]) == 2
        frame = dd.from_pandas(pd.DataFrame({"text": TEXTS}), npartitions=4)
        # The pipeline object is shipped to the workers by pickling (it rebuilds from its profile).
        fixed = frame.map_partitions(lambda part, p=pipeline: part.assign(text=part["text"].map(p.fix)),
                                     meta=frame._meta)
        assert fixed.compute()["text"].tolist() == expected
        # Each partition through fix_many, as docs/scale-out.md shows for many short texts.
        many = frame.map_partitions(lambda part, p=pipeline: part.assign(text=list(p.fix_many(part["text"]))),
                                    meta=frame._meta)
        assert many.compute()["text"].tolist() == expected

        bag = db.from_sequence(files, npartitions=2).map(
            lambda path, p=pipeline: p.fix(open(path, encoding="utf-8").read()))
        by_file = bag.compute()
    assert by_file == [pipeline.fix("\n".join(TEXTS[i::4])) for i in range(4)]
