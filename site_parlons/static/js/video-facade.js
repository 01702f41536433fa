/* Video facade: replaces the poster link with the youtube-nocookie player, on click only.
   Without JavaScript the link simply opens the privacy-enhanced player. */
(function () {
    "use strict";
    if (window.parlonsVideoFacade) { return; }
    window.parlonsVideoFacade = true;

    function activate(event) {
        var link = event.target.closest("[data-video-play]");
        if (!link) { return; }
        var figure = link.closest("[data-video-facade]");
        var src = figure && figure.getAttribute("data-embed-url");
        if (!src || src.indexOf("https://www.youtube-nocookie.com/embed/") !== 0) { return; }
        event.preventDefault();
        var frame = document.createElement("iframe");
        frame.src = src;
        frame.title = figure.getAttribute("data-title") || "";
        frame.className = "video-facade__frame";
        frame.setAttribute("allow", "autoplay; encrypted-media; picture-in-picture; fullscreen");
        frame.setAttribute("allowfullscreen", "");
        frame.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
        link.replaceWith(frame);
        frame.focus();
    }

    document.addEventListener("click", activate);
})();
