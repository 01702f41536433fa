/* Progressive enhancement of the testimony form's age question. « Moins de 15 ans » opens the
   notice written for children (right after the question) and hides the contact e-mail, which
   is not kept for them (the server drops it anyway); another age hides the notice. Without
   this script the notice's summary stays visible and opens it, and the e-mail field stays. */
(function () {
    "use strict";

    var form = document.querySelector("form.testimony-form");
    var age = form && form.querySelector("select[name='age_range']");
    var notice = form && form.querySelector("[data-minor-notice]");
    if (!age || !notice) {
        return;
    }
    var email = form.querySelector("input[name='contact_email']");
    var emailGroup = email && email.closest(".form-field");
    var update = function () {
        var under15 = age.value === "moins-15";
        notice.hidden = age.value !== "" && !under15;
        if (under15) {
            notice.open = true;
        }
        if (email && emailGroup) {
            email.disabled = under15;
            emailGroup.hidden = under15;
        }
    };
    age.addEventListener("change", update);
    update();
})();
