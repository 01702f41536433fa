"""The testimony pages only a POST reaches: the form with its errors, the thank-you page, the status page.

Shared by the reflow test and the screenshot script, which need the same three states.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

STORY = {
    "fr": "Au collège, on m'insultait tous les jours dans la cour. J'ai fini par en parler à une CPE, "
    "et ça a changé les choses. Je témoigne pour dire qu'on peut être aidé.",
    "en": "At school I was insulted every day in the playground. In the end I told a counsellor, "
    "and things changed. I am writing this to say that help exists.",
}


def walk_testimony_form(
    tab, base_url: str, form_path: str, language: str, min_fill_seconds: float = 0
) -> Iterator[str]:
    """Drive ``tab`` through the form and yield a label at each state, the tab showing it.

    ``min_fill_seconds``: the site's anti-bot timer (TESTIMONY_MIN_FILL_SECONDS); a form sent
    faster gets a decoy thank-you page, so a caller that cannot lower it waits it out.
    """
    tab.goto(base_url + form_path)
    shown = time.monotonic()
    submit = tab.locator("form.testimony-form button[type=submit]")
    # Even an empty form sent too fast gets the decoy page rather than its errors.
    time.sleep(max(0.0, min_fill_seconds - (time.monotonic() - shown)))
    submit.click()
    tab.locator(".error-summary").wait_for()
    yield "form with errors"
    shown = time.monotonic()
    tab.locator("#id_story").fill(STORY[language])
    tab.locator("#id_harassment_type").select_option(index=1)
    tab.locator("input[name=role]").first.check()
    tab.locator("#id_consent_publication").check()
    tab.locator("#id_consent_processing").check()
    time.sleep(max(0.0, min_fill_seconds - (time.monotonic() - shown)))
    submit.click()
    code = tab.locator(".receipt-code")
    code.wait_for()
    receipt = code.inner_text().strip()
    yield "thank-you page"
    tab.goto(base_url + form_path.rstrip("/") + "/suivi/")
    tab.locator("input[name=code]").fill(receipt)
    tab.locator("button[name=action][value=check]").click()
    tab.locator(".status-result").wait_for()
    yield "status page"
