// The error summary of a refused form (Platform/Web/FormErrors.cs) takes focus when the page opens, and each of its
// links moves focus to its field (found by name when the field's id is not the usual one) with the label in view.
(function () {
    "use strict";
    var summary = document.getElementById("error-summary");
    if (!summary) {
        return;
    }
    summary.focus();
    summary.addEventListener("click", function (event) {
        var link = event.target.closest("a[data-field]");
        if (!link) {
            return;
        }
        var field = document.getElementById(link.getAttribute("href").slice(1)) ||
            document.querySelector("[name='" + link.getAttribute("data-field").replace(/'/g, "") + "']:not([type=hidden])");
        if (!field) {
            return;
        }
        event.preventDefault();
        var label = field.id ? document.querySelector("label[for='" + field.id + "']") : null;
        (label || field).scrollIntoView({ block: "start" });
        field.focus({ preventScroll: true });
    });
})();
