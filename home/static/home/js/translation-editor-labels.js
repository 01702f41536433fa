// wagtail-localize's translation editor writes two labels as English literals in its bundle
// (the header « X to Y translation » and the footer's « More actions »), outside any catalogue.
// The admin page hands this script their translation in the editor's language (data attributes);
// it rewrites those text nodes when React draws them, and again if it redraws them.
(() => {
    // Read now: once the page has loaded, no script is « current ».
    const script = document.currentScript;
    if (!script) {
        return;
    }
    const { title, moreActions } = script.dataset;
    const header = /^(.+) to (.+) translation$/;
    let editor = null;

    const relabel = () => {
        const walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const text = node.nodeValue.trim();
            const match = header.exec(text);
            if (match) {
                node.nodeValue = title.replace("{source}", match[1]).replace("{target}", match[2]);
            } else if (text === "More actions") {
                node.nodeValue = moreActions;
            }
        }
    };
    const start = () => {
        editor = document.querySelector(".js-translation-editor");
        if (editor) {
            new MutationObserver(relabel).observe(editor, { childList: true, subtree: true, characterData: true });
            relabel();
        }
    };
    // The admin may load its scripts in the page's head, before the editor's element exists.
    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();
