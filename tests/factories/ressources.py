import json

import factory
from wagtail.models import Locale

from ressources import models
from ressources.choices import Audience, Region, Urgency

from .home import BasePageFactory


class ResourceIndexPageFactory(BasePageFactory):
    class Meta:
        model = models.ResourceIndexPage


def _small_guide(_obj=None) -> str:
    """A valid two-result questionnaire, with Faker wording."""
    from faker import Faker

    fake = Faker("fr_FR")
    return json.dumps(
        [
            {
                "type": "question",
                "value": {
                    "key": "depart",
                    "question": fake.sentence(nb_words=6).rstrip(".") + " ?",
                    "help": "",
                    "answers": [{"label": "Oui", "target": "oui"}, {"label": "Non", "target": "non"}],
                },
            },
            *[
                {
                    "type": "result",
                    "value": {
                        "key": key,
                        "title": fake.sentence(nb_words=5),
                        "explanation": f"<p>{fake.paragraph()}</p>",
                        "law": "",
                        "harassment_type": None,
                        "audience": "",
                        "urgent": False,
                    },
                }
                for key in ("oui", "non")
            ],
        ]
    )


class HarassmentGuidePageFactory(BasePageFactory):
    steps = factory.LazyAttribute(_small_guide)

    class Meta:
        model = models.HarassmentGuidePage


class AssociationFactory(factory.django.DjangoModelFactory):
    name = factory.Faker("company", locale="fr_FR")
    description = factory.Faker("paragraph", nb_sentences=2, locale="fr_FR")
    phone = factory.Faker("phone_number", locale="fr_FR")
    hours = "Du lundi au vendredi, 9 h – 18 h"
    website = factory.Faker("url")
    region = Region.NATIONAL
    audiences = factory.LazyFunction(lambda: [Audience.EVERYONE])
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = models.Association
        skip_postgeneration_save = True

    @factory.post_generation
    def harassment_types(self, create, extracted, **kwargs):
        if create and extracted:
            self.harassment_types.set(extracted)
            self.save()


class HelplineFactory(factory.django.DjangoModelFactory):
    name = factory.Faker("company", locale="fr_FR")
    number = factory.Faker("numerify", text="3###")
    purpose = factory.Faker("sentence", locale="fr_FR")
    hours = "24 h/24, 7 j/7"
    urgency = Urgency.LISTENING
    sort_order = factory.Sequence(lambda n: n)
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = models.Helpline
        skip_postgeneration_save = True

    @factory.post_generation
    def harassment_types(self, create, extracted, **kwargs):
        if create and extracted:
            self.harassment_types.set(extracted)
            self.save()
