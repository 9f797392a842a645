"""Gold readers, label mapping and the conlleval-style scorer behind `chronik eval ner`."""

from chronik.eval.conll import map_sentences, parse_map, read_conll, read_germeval, read_smartdata, score, spans

GERMEVAL = """#\thttp://example.org/a\t[2022-02-24]
1\tWladimir\tB-PER\tO
2\tPutin\tI-PER\tO
3\tbesuchte\tO\tO
4\tdie\tO\tO
5\trussischen\tB-LOCderiv\tO
6\tTruppen\tO\tO
7\tin\tO\tO
8\tBelgorod\tB-LOC\tO
9\t.\tO\tO

#\thttp://example.org/b\t[2022-02-25]
1\tDer\tO\tO
2\tTagesspiegel\tB-OTH\tO
3\tberichtete\tO\tO
4\t.\tO\tO

"""


def test_germeval_outer_layer(tmp_path):
    path = tmp_path / "g.tsv"
    path.write_text(GERMEVAL, encoding="utf-8")
    sents = read_germeval(path)
    assert [len(t) for t, _ in sents] == [9, 4]
    assert sents[0][1][:2] == ["B-PER", "I-PER"]


def test_map_drop_deriv_and_oth_to_misc(tmp_path):
    path = tmp_path / "g.tsv"
    path.write_text(GERMEVAL, encoding="utf-8")
    sents = map_sentences(read_germeval(path), parse_map("drop-deriv-part,OTH=MISC"))
    assert sents[0][1][4] == "O"
    assert sents[1][1][1] == "B-MISC"


def test_map_full_tags():
    mapping = parse_map("B-LOCderiv=O,I-LOCderiv=O")
    [(_, tags)] = map_sentences([(["a", "b"], ["B-LOCderiv", "I-LOCderiv"])], mapping)
    assert tags == ["O", "O"]


def test_conll_reader_skips_docstart(tmp_path):
    path = tmp_path / "c.conll"
    path.write_text("-DOCSTART- -1- O O\n\nEU\tNE\tI-NE\tB-ORG\nwarnt\tVVFIN\tI-VV\tO\n\n", encoding="utf-8")
    assert read_conll(path) == [(["EU", "warnt"], ["B-ORG", "O"])]


def test_smartdata_offsets_projected_to_tokens(tmp_path):
    doc = ('{"text": {"string": "Siemens baut in Erlangen. Neu"}, "conceptMentions": {"array": ['
           '{"span": {"start": 0, "end": 7}, "type": "organization-company"},'
           '{"span": {"start": 16, "end": 24}, "type": "location-city"},'
           '{"span": {"start": 26, "end": 29}, "type": "date"}]}}')
    path = tmp_path / "s.json"
    path.write_text(doc + "\n" + doc, encoding="utf-8")
    sents = read_smartdata(path, {"organization-company": "ORG", "location-city": "LOC"})
    assert sents[0] == (["Siemens", "baut", "in", "Erlangen", "."], ["B-ORG", "O", "O", "B-LOC", "O"])
    assert sents[1] == (["Neu"], ["O"])
    assert len(sents) == 4


def test_spans_follow_conlleval_for_stray_inside_tags():
    assert spans(["I-PER", "I-PER", "O", "B-LOC", "I-ORG"]) == {(0, 2, "PER"), (3, 4, "LOC"), (4, 5, "ORG")}


def test_score_exact_spans():
    gold = [["B-PER", "I-PER", "O", "B-LOC"]]
    pred = [["B-PER", "O", "O", "B-LOC"]]
    s = score(gold, pred)
    assert (s.overall.tp, s.overall.fp, s.overall.fn) == (1, 1, 1)
    assert s.per_type["LOC"].f1 == 1.0
    assert s.per_type["PER"].f1 == 0.0
    assert abs(s.overall.f1 - 0.5) < 1e-9
