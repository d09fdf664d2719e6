"""What the citizen handout says, in Danish and English; no PDF code, so the app can import
it at start-up without loading reportlab.

The errand's own texts (name, what to have ready, the steps) come from the catalogue: the
Danish ``citizen`` texts, or ``label_en``/``ready_en``/``citizen_en`` for English. Names of
Danish web pages and buttons stay Danish on the English sheet: that is what the citizen
sees on the screen.
"""

from __future__ import annotations

from dataclasses import dataclass

from deskapp.services.catalog import Errand
from deskapp.services.exports import ExportError

LANGUAGES = ("da", "en")
HOTLINE_NAME = "Den Digitale Hotline"
HOTLINE_PHONE = "70 20 00 00"


@dataclass(frozen=True)
class HelpContact:
    """The municipality's own contact line, from the settings (both may be empty)."""

    municipality: str = ""
    help_line: str = ""


class NoGuide(ExportError):
    """The errand has no guide (or no entry point), so there is nothing to hand out."""


class NoTranslation(ExportError):
    """The catalogue has no English citizen texts for this errand's guide."""


@dataclass(frozen=True)
class Wording:
    """The sheet's fixed texts in one language (``{place}``, ``{line}`` filled in)."""

    lang_tag: str
    title: str
    do_it_here: str
    read_more: str
    scan: str
    no_digital: str
    ready: str
    steps: str
    help: str
    hotline: str
    office_line: str  # municipality and phone
    office_phone: str  # phone only
    office_place: str  # municipality only
    office_any: str
    ambassador: str
    issuer: str
    issuer_place: str
    footer: str


DANISH = Wording(
    lang_tag="da-DK",
    title="Sådan gør du selv næste gang",
    do_it_here="Her gør du det:",
    read_more="Her kan du læse mere:",
    scan="Scan QR-koden med kameraet på din telefon for at åbne siden.",
    no_digital="Det kan ikke klares på nettet. Trinene herunder viser, hvad du skal gøre i stedet.",
    ready="Det skal du have klar",
    steps="Sådan gør du",
    help="Her kan du få hjælp",
    hotline=(f"<b>{HOTLINE_NAME}: {HOTLINE_PHONE}</b> – hjælper med MitID, Digital Post og "
             "selvbetjening på borger.dk. Hotlinen kan ikke behandle din sag."),
    office_line="<b>Borgerservice, {place}: {line}</b>",
    office_phone="<b>Borgerservice: {line}</b>",
    office_place="<b>Borgerservice, {place}</b> – kom forbi, så hjælper vi dig.",
    office_any="<b>Borgerservice i din kommune</b> – kom forbi, så hjælper vi dig.",
    ambassador="Du kan også få hjælp på biblioteket af en digital ambassadør.",
    issuer="Borgerservice",
    issuer_place="Borgerservice, {place}",
    footer=("Udleveret af {issuer}. Gem papiret, og brug det næste gang du skal gøre det samme. "
            "Du må gerne tage en anden med, som kan hjælpe dig."),
)

ENGLISH = Wording(
    lang_tag="en-GB",
    title="How to do it yourself next time",
    do_it_here="This is where you do it:",
    read_more="Read more here:",
    scan="Scan the QR code with your phone's camera to open the page.",
    no_digital="This cannot be done online. The steps below show what to do instead.",
    ready="Have this ready",
    steps="How to do it",
    help="Where to get help",
    hotline=(f"<b>{HOTLINE_NAME} (digital hotline): {HOTLINE_PHONE}</b> – helps with MitID, "
             "Digital Post and self-service on borger.dk. The hotline cannot handle your case."),
    office_line="<b>Borgerservice (citizen service), {place}: {line}</b>",
    office_phone="<b>Borgerservice (citizen service): {line}</b>",
    office_place="<b>Borgerservice (citizen service), {place}</b> – come by and we will help you.",
    office_any=("<b>Borgerservice (citizen service) in your municipality</b> – come by and we "
                "will help you."),
    ambassador="You can also get help from a digital ambassador at the library.",
    issuer="Borgerservice",
    issuer_place="Borgerservice, {place}",
    footer=("Handed out by {issuer}. Keep this sheet and use it the next time you do the same. "
            "You are welcome to bring someone who can help you."),
)

WORDINGS = {"da": DANISH, "en": ENGLISH}


@dataclass(frozen=True)
class SheetContent:
    """Everything one sheet says about its errand, in its language."""

    wording: Wording
    errand_label: str
    ready: tuple[str, ...]
    steps: tuple[str, ...]


def sheet_content(errand: Errand, lang: str = "da") -> SheetContent:
    """The errand's texts for a sheet in ``lang``; NoGuide / NoTranslation when missing."""
    guide = errand.guide
    if guide is None or errand.entry is None:
        raise NoGuide(f"the errand '{errand.code}' has no guide, so there is no handout for it")
    if lang not in WORDINGS:
        raise ExportError(f"unknown handout language '{lang}' (known: {', '.join(LANGUAGES)})")
    if lang == "da":
        return SheetContent(DANISH, errand.label, guide.ready, tuple(s.citizen for s in guide.steps))
    if not guide.has_english():
        raise NoTranslation(f"the catalogue has no English texts for the guide '{errand.code}' "
                            "(label_en, ready_en and citizen_en; see 'deskapp catalog check')")
    return SheetContent(ENGLISH, guide.label_en, guide.ready_en,
                        tuple(s.citizen_en for s in guide.steps))


def issuer(contact: HelpContact, wording: Wording = DANISH) -> str:
    place = contact.municipality.strip()
    return wording.issuer_place.format(place=place) if place else wording.issuer
