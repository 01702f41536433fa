/* Thank-you page: the « Copier le code » link saves the code as a file without JavaScript;
   with it, the link becomes a real button that copies the code and says so in the live region. */
(function () {
    "use strict";
    var status = document.querySelector("[data-copy-status]");
    var link = document.querySelector("[data-copy-code]");
    if (!status || !link || !navigator.clipboard || !window.isSecureContext) {
        return; /* no clipboard here: the link keeps saving the file */
    }
    var button = document.createElement("button");
    button.type = "button";
    button.className = link.className;
    button.textContent = link.textContent;
    var say = function (message) {
        /* Emptied first so that the same message twice is announced twice. */
        status.textContent = "";
        window.setTimeout(function () {
            status.textContent = message;
        }, 50);
    };
    button.addEventListener("click", function () {
        navigator.clipboard.writeText(link.getAttribute("data-copy-code")).then(
            function () {
                say(link.getAttribute("data-copied"));
            },
            function () {
                say(link.getAttribute("data-copy-failed"));
            }
        );
    });
    link.parentNode.replaceChild(button, link);
})();
