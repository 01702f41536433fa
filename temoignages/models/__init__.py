from .form_page import TestimonyFormPage
from .pages import TestimonyIndexPage, TestimonyPage, TestimonyPageQuerySet, TestimonyPageTag
from .submission import EncryptionCanary, TestimonyCounter, TestimonySubmission

__all__ = [
    "EncryptionCanary",
    "TestimonyCounter",
    "TestimonyFormPage",
    "TestimonyIndexPage",
    "TestimonyPage",
    "TestimonyPageQuerySet",
    "TestimonyPageTag",
    "TestimonySubmission",
]
