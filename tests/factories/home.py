import factory
import wagtail_factories
from wagtail.models import Locale

from home.models import HarassmentType, HomePage, StandardPage


class BasePageFactory(wagtail_factories.PageFactory):
    """Shared defaults: a Faker title and intro, published."""

    title = factory.Faker("sentence", nb_words=4, locale="fr_FR")
    intro = factory.Faker("paragraph", nb_sentences=2, locale="fr_FR")
    live = True

    class Meta:
        abstract = True


class HomePageFactory(BasePageFactory):
    hero_title = "Plus forts, ensemble !"
    hero_text = factory.Faker("sentence", locale="fr_FR")

    class Meta:
        model = HomePage


class StandardPageFactory(BasePageFactory):
    body = wagtail_factories.StreamFieldFactory({})

    class Meta:
        model = StandardPage


class HarassmentTypeFactory(factory.django.DjangoModelFactory):
    code = factory.Sequence(lambda n: f"type-{n}")
    name = factory.Faker("word", locale="fr_FR")
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = HarassmentType
