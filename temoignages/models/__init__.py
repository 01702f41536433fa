from .form_page import TestimonyFormPage
from .messages import AuthorMessage, AuthorMessageQuerySet
from .pages import TestimonyIndexPage, TestimonyPage, TestimonyPageQuerySet, TestimonyPageTag
from .submission import EncryptionCanary, TestimonyCounter, TestimonySubmission

__all__ = [
    "AuthorMessage",
    "AuthorMessageQuerySet",
    "EncryptionCanary",
    "TestimonyCounter",
    "TestimonyFormPage",
    "TestimonyIndexPage",
    "TestimonyPage",
    "TestimonyPageQuerySet",
    "TestimonyPageTag",
    "TestimonySubmission",
]
