/* Progressive enhancement of the testimony form: shows the 3114 / 112 notice as soon as the
   proposed title or the story contains a suicidal-risk word, next to the story field.
   Same rules as home/risk.py: case and accents ignored, apostrophes and hyphens as
   spaces, an entry matches at the start of a word (and may be the start of a longer one).
   Without this script the server shows the notice when the form is redisplayed and on the
   thank-you page. Once shown, it stays: help is never taken away while someone types. */
(function () {
    "use strict";

    var notice = document.querySelector("[data-risk-notice]");
    var form = document.querySelector("form.testimony-form");
    if (!notice || !form || !notice.hidden) {
        return;
    }
    var words;
    try {
        words = JSON.parse(notice.getAttribute("data-risk-words") || "[]");
    } catch (error) {
        return;
    }
    if (!words.length) {
        return;
    }
    var escape = function (text) {
        return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    };
    var fold = function (text) {
        return text
            .normalize("NFKD")
            .replace(/[\u0300-\u036f]/g, "")
            .toLowerCase()
            .replace(/œ/g, "oe")
            .replace(/æ/g, "ae")
            .replace(/[\s'’\-‐–—_]+/g, " ");
    };
    var alternatives = words
        .slice()
        .sort(function (a, b) { return b.length - a.length; })
        .map(function (word) { return word.split(" ").map(escape).join("\\s+"); });
    /* (^|non-word): the entry starts a word (no look-behind, for older Safari). */
    var pattern = new RegExp("(^|[^0-9a-z\\u00c0-\\u024f])(?:" + alternatives.join("|") + ")");

    var fields = form.querySelectorAll("textarea[name='story'], input[name='title']");
    var story = form.querySelector("textarea[name='story']");
    var check = function () {
        var text = Array.prototype.map.call(fields, function (field) { return field.value; }).join("\n");
        if (!pattern.test(fold(text))) {
            return;
        }
        /* Beside the story, where the person is looking. */
        var group = story && story.closest(".form-field");
        if (group && group.parentNode) {
            group.parentNode.insertBefore(notice, group.nextSibling);
        }
        notice.hidden = false;
        Array.prototype.forEach.call(fields, function (field) {
            field.removeEventListener("input", check);
        });
    };
    Array.prototype.forEach.call(fields, function (field) {
        field.addEventListener("input", check);
    });
})();
