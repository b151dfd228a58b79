// Enhancements only: every form works without this file.
(function () {
    // Ask before an action that cannot be undone, and never submit the same form twice.
    document.addEventListener("submit", function (event) {
        var form = event.target;
        var question = form.getAttribute("data-confirm");
        if (question && !window.confirm(question)) {
            event.preventDefault();
            return;
        }
        if (form.dataset.submitted === "true") {
            event.preventDefault();
            return;
        }
        form.dataset.submitted = "true";
        form.querySelectorAll("button[type=submit]").forEach(function (button) { button.disabled = true; });
    });
})();
