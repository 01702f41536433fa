/* Progressive enhancement only: every feature works without this file. */
(function () {
    "use strict";

    /* Quick exit (the link already leaves without JavaScript). With it:
       - the fled page is *replaced* in the tab's history (location.replace), so Back does not
         show it again; it cannot remove the site's earlier pages from the history, and the
         safety page says so;
       - the page is blanked at once, before the weather site has loaded (slow phones);
       - keyboard: Shift pressed three times on its own (the GOV.UK « Exit this page »
         shortcut, each press within 5 s of the previous one), or Escape twice within 1 s.
       The status span reads the Shift countdown out to screen readers. */
    var exitLink = document.querySelector("[data-quick-exit]");
    if (exitLink) {
        var exitUrl = exitLink.getAttribute("data-quick-exit") || exitLink.href;
        var exitStatus = document.querySelector("[data-quick-exit-status]");
        var say = function (name) {
            if (exitStatus) {
                exitStatus.textContent = name ? exitLink.getAttribute("data-say-" + name) || "" : "";
            }
        };
        var leave = function () {
            say("leaving");
            document.documentElement.style.visibility = "hidden";
            window.location.replace(exitUrl);
        };
        exitLink.addEventListener("click", function (event) {
            event.preventDefault();
            leave();
        });
        /* A page restored from the back-forward cache must not stay blank. */
        window.addEventListener("pageshow", function () {
            document.documentElement.style.visibility = "";
            say("");
        });

        var lastEscape = 0;
        var shiftCount = 0;
        var shiftTimer = null;
        var otherKeyWithShift = false;
        var resetShift = function () {
            shiftCount = 0;
            window.clearTimeout(shiftTimer);
            shiftTimer = null;
        };
        document.addEventListener("keydown", function (event) {
            if (event.key === "Shift") {
                otherKeyWithShift = false;
                return;
            }
            /* Any other key (a capital letter typed with Shift included) breaks the sequence. */
            otherKeyWithShift = true;
            if (shiftCount) {
                resetShift();
                say("");
            }
            if (event.key !== "Escape" && event.key !== "Esc") {
                return;
            }
            var now = Date.now();
            if (now - lastEscape < 1000) {
                leave();
            }
            lastEscape = now;
        });
        document.addEventListener("keyup", function (event) {
            if (event.key !== "Shift" || otherKeyWithShift) {
                return;
            }
            shiftCount += 1;
            window.clearTimeout(shiftTimer);
            if (shiftCount >= 3) {
                resetShift();
                leave();
                return;
            }
            say(shiftCount === 1 ? "two-more" : "one-more");
            shiftTimer = window.setTimeout(function () {
                resetShift();
                say("");
            }, 5000);
        });
    }

    /* Print button of the help directory: hidden without JavaScript (the browser's own
       print command still works, with the print stylesheet). */
    var printButtons = document.querySelectorAll("[data-print]");
    Array.prototype.forEach.call(printButtons, function (button) {
        button.hidden = false;
        button.addEventListener("click", function () {
            window.print();
        });
    });
})();
