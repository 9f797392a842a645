"""German weak-verb inflection shared by the trigger and reporting-verb lexicons."""

from __future__ import annotations

# Prefixes that are never separated and take no "ge-" in the participle ("erklärt", "verurteilt").
INSEPARABLE_PREFIXES = ("be", "emp", "ent", "er", "ge", "miss", "ver", "zer", "über", "unter", "wider", "hinter")


def verb_stem(infinitive: str) -> str:
    """"sagen" -> "sag", "ändern" -> "änder", "tun" -> "tu"."""
    if infinitive.endswith(("eln", "ern")):
        return infinitive[:-1]
    return infinitive[:-2] if infinitive.endswith("en") else infinitive[:-1]


def takes_linking_e(stem: str) -> bool:
    """Whether endings attach with an -e- ("rechnete", "atmete", "meldete").

    Yes after t/d, and after m/n that follow another consonant; not after a vowel, a lengthening
    h, l, r or a double m/n ("plante", "lehnte", "erwähnte", "warnte", "filmte"). ch + m/n takes
    it ("rechnete", "zeichnete").
    """
    if stem.endswith(("t", "d")):
        return True
    return (stem.endswith(("m", "n")) and len(stem) > 1
            and (stem[-2] not in "aeiouäöüylrhmn" or stem.endswith(("chm", "chn"))))
