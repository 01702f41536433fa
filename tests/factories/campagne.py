import factory
import wagtail_factories

from campagne import models

from .home import BasePageFactory


class EditoPageFactory(BasePageFactory):
    date = factory.Faker("date_object")
    body = wagtail_factories.StreamFieldFactory({})

    class Meta:
        model = models.EditoPage


class InterviewIndexPageFactory(BasePageFactory):
    class Meta:
        model = models.InterviewIndexPage


class InterviewPageFactory(BasePageFactory):
    person_name = factory.Faker("name", locale="fr_FR")
    person_role = factory.Faker("job", locale="fr_FR")
    person_organisation = factory.Faker("company", locale="fr_FR")
    summary = factory.Faker("paragraph", nb_sentences=3, locale="fr_FR")
    transcript = factory.Faker("paragraph", nb_sentences=8, locale="fr_FR")
    video_url = factory.LazyFunction(lambda: "https://www.youtube.com/watch?v=eEfKzPVbFU0")

    class Meta:
        model = models.InterviewPage


class VideoIndexPageFactory(BasePageFactory):
    class Meta:
        model = models.VideoIndexPage


class VideoPageFactory(BasePageFactory):
    video_url = factory.Faker(
        "random_element", elements=["https://youtu.be/KHgWd7_Ys7A", "https://www.youtube.com/watch?v=eEfKzPVbFU0"]
    )
    transcript = factory.Faker("paragraph", nb_sentences=5, locale="fr_FR")
    content_warning = "none"
    body = wagtail_factories.StreamFieldFactory({})

    class Meta:
        model = models.VideoPage


class StudyIndexPageFactory(BasePageFactory):
    class Meta:
        model = models.StudyIndexPage


class StudyPageFactory(BasePageFactory):
    study_date = factory.Faker("date_object")
    method = factory.Faker("paragraph", nb_sentences=2, locale="fr_FR")
    sample = factory.Faker("sentence", nb_words=6, locale="fr_FR")
    source = factory.Faker("company", locale="fr_FR")
    body = wagtail_factories.StreamFieldFactory({})

    class Meta:
        model = models.StudyPage


class SocialNetworksPageFactory(BasePageFactory):
    body = wagtail_factories.StreamFieldFactory({})

    class Meta:
        model = models.SocialNetworksPage


class ContactPageFactory(BasePageFactory):
    to_address = factory.Faker("email")
    subject = factory.Faker("sentence", nb_words=4, locale="fr_FR")
    body = wagtail_factories.StreamFieldFactory({})

    class Meta:
        model = models.ContactPage


class ContactFormFieldFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(ContactPageFactory)
    label = factory.Sequence(lambda n: f"Champ {n}")
    field_type = "singleline"
    required = True
    sort_order = factory.Sequence(int)

    class Meta:
        model = models.ContactFormField
