"""Extraction in forked workers gives what extraction in process gives."""

import os

from kg.extract.parallel import extract_records, map_groups
from kg.parse import parse_digest


def _digests(corpus_dir):
    return [parse_digest(p) for p in sorted(corpus_dir.glob("*.md"))]


def test_forked_records_equal_in_process_records(corpus_dir):
    papers = [p for d in _digests(corpus_dir) for p in d.papers]
    assert len(papers) >= 64  # enough for the forked path (MIN_PARALLEL)
    assert extract_records(papers, workers=2) == extract_records(papers, workers=1)


def test_map_groups_hands_each_group_to_finish_in_a_worker(corpus_dir):
    groups = [d.papers for d in _digests(corpus_dir)]
    groups.insert(1, [])  # a digest with nothing to extract still gets its call
    parent = os.getpid()

    def finish(i, records):
        return i, os.getpid(), [r.paper_id for r in records]

    out = list(map_groups(groups, finish, workers=2))
    assert [i for i, _, _ in out] == list(range(len(groups)))  # in order
    assert [ids for _, _, ids in out] == [[p.arxiv_id for p in g] for g in groups]
    assert all(pid != parent for _, pid, _ in out)  # run where the records were made
    in_process = list(map_groups(groups, finish, workers=1))
    assert [(i, ids) for i, _, ids in in_process] == [(i, ids) for i, _, ids in out]
    assert {pid for _, pid, _ in in_process} == {parent}
