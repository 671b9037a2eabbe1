"""Front matter: title, partnership, period, kind and vision."""

from __future__ import annotations

from cspplan.document import Heading, Paragraph
from cspplan.model.plan import PlanKind
from cspplan.recognise.front import read_front_matter


def test_title_partnership_period_and_kind() -> None:
    front = read_front_matter(
        [
            Heading(text="Safer Elmford Partnership"),
            Heading(text="Community Safety Plan 2012 – 2015"),
            Paragraph(text="A short introduction of more than a few words that runs on."),
        ]
    )
    assert front.partnership == "Safer Elmford Partnership"
    assert front.title == "Community Safety Plan 2012 – 2015"
    assert front.period is not None and front.period.text == "2012 – 2015"
    assert front.kind is PlanKind.PARTNERSHIP_PLAN
    assert front.area == "Elmford"


def test_vision_under_its_heading() -> None:
    front = read_front_matter(
        [Heading(text="Our Vision"), Paragraph(text="A district where everyone feels safe.")]
    )
    assert front.vision == "A district where everyone feels safe."


def test_vision_stated_after_a_lead_in() -> None:
    front = read_front_matter(
        [
            Heading(text="Our vision"),
            Paragraph(text="We want people..."),
            Paragraph(text="... to feel safe at home."),
            Paragraph(text="In short, our vision is:"),
            Paragraph(text="Everyone in Elmford safe and feeling safe."),
        ]
    )
    assert front.vision == "Everyone in Elmford safe and feeling safe."
    assert front.used == frozenset({3, 4})


def test_a_sentence_about_the_plan_is_not_its_title() -> None:
    front = read_front_matter(
        [
            Heading(text="Westmere Community Safety Partnership"),
            Paragraph(text="The partnership has agreed these targets for the life of this plan."),
        ]
    )
    assert front.title is None
    assert front.partnership == "Westmere Community Safety Partnership"
