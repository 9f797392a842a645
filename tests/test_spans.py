"""SpanIndex answers exactly what a scan over all spans answers."""

from hypothesis import given, strategies as st

from chronik.spans import SpanIndex

spans = st.lists(st.tuples(st.integers(0, 60), st.integers(1, 15)).map(lambda p: (p[0], p[0] + p[1])),
                 max_size=40)


@given(spans, st.integers(0, 70), st.integers(0, 10))
def test_containing_matches_a_full_scan(items, start, length):
    end = start + length
    expected = [(s, e, i) for i, (s, e) in enumerate(items) if s <= start and end <= e]
    assert SpanIndex(items).containing(start, end) == expected


def test_nested_and_disjoint_spans():
    index = SpanIndex([(0, 20), (5, 9), (30, 40), (6, 8)])
    assert [i for _, _, i in index.containing(6, 8)] == [0, 1, 3]
    assert index.containing(25, 26) == []
    assert [i for _, _, i in index.containing(30, 40)] == [2]
