/* Progressive enhancement only: every feature works without this file. */
(function () {
    "use strict";

    /* Quick exit: the link already leaves without JavaScript. With it, the current page is
       *replaced* in the history (location.replace), so Back does not return here, and
       pressing Escape twice within a second does the same from anywhere on the page. */
    var exitLink = document.querySelector("[data-quick-exit]");
    if (exitLink) {
        var exitUrl = exitLink.getAttribute("data-quick-exit") || exitLink.href;
        var leave = function () {
            document.documentElement.style.visibility = "hidden";
            window.location.replace(exitUrl);
        };
        exitLink.addEventListener("click", function (event) {
            event.preventDefault();
            leave();
        });
        var lastEscape = 0;
        document.addEventListener("keydown", function (event) {
            if (event.key !== "Escape" && event.key !== "Esc") {
                return;
            }
            var now = Date.now();
            if (now - lastEscape < 1000) {
                leave();
            }
            lastEscape = now;
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
