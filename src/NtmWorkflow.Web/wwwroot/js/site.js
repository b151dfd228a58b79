// Enhancements only: every form works without this file.
(function () {
    // Uploads show their progress; the page the server answers with replaces this one's body (this script's
    // listener stays on the document, so it is not run again).
    function upload(form) {
        var bar = form.querySelector("progress");
        var request = new XMLHttpRequest();
        request.open("POST", form.action);
        request.upload.addEventListener("progress", function (e) {
            if (e.lengthComputable && bar) {
                bar.hidden = false;
                bar.value = Math.round(e.loaded * 100 / e.total);
            }
        });
        request.addEventListener("load", function () {
            // The answer is the dossier page (or the form with its error): show it in place of this one.
            var answer = new DOMParser().parseFromString(request.responseText, "text/html");
            history.replaceState(null, "", request.responseURL);
            document.title = answer.title;
            document.body.replaceWith(answer.body);
        });
        request.send(new FormData(form));
    }

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
        if (form.classList.contains("upload") && window.FormData && window.XMLHttpRequest) {
            event.preventDefault();
            upload(form);
        }
    });
})();
