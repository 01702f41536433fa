from .form_page import TestimonyFormPage
from .pages import TestimonyIndexPage, TestimonyPage, TestimonyPageQuerySet, TestimonyPageTag
from .submission import TestimonyCounter, TestimonySubmission

__all__ = [
    "TestimonyCounter",
    "TestimonyFormPage",
    "TestimonyIndexPage",
    "TestimonyPage",
    "TestimonyPageQuerySet",
    "TestimonyPageTag",
    "TestimonySubmission",
]
