from chronik.doc import Document
from chronik.pipeline import REGISTRY, Pipeline, component


def test_default_pipeline_records_provenance_per_layer(default_pipeline):
    doc = default_pipeline(Document("d1", "Olaf Scholz reist am Montag nach Paris."))
    assert set(doc.provenance) == {"tokens", "tags", "mentions", "entities", "timexes", "quotes", "events"}
    assert all(doc.text[t.start:t.end] == t.text for t in doc.tokens)


def test_unknown_component_is_a_clear_error():
    try:
        Pipeline(["tokenize.rules", "no.such.component"])
    except ValueError as exc:
        assert "no.such.component" in str(exc)
    else:
        raise AssertionError("unknown component accepted")


def test_components_are_swappable_by_name():
    @component("test.upper_title", layer="tags", version="9.9")
    def make(config):
        def annotate(doc):
            doc.title = config.get("prefix", "") + doc.text.upper()
            return doc
        return annotate

    try:
        pipe = Pipeline.default({"tags": "test.upper_title"}, {"test.upper_title": {"prefix": ">"}},
                                layers=["tokens", "tags"])
        doc = pipe(Document("d2", "abc"))
        assert doc.title == ">ABC"
        assert doc.provenance["tags"] == ("test.upper_title", "9.9")
    finally:
        REGISTRY.pop("test.upper_title")
