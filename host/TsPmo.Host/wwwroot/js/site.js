// Every htmx request carries the antiforgery token, so partial updates are protected like full forms.
document.addEventListener("htmx:configRequest", function (event) {
    var meta = document.querySelector('meta[name="request-verification-token"]');
    if (meta && meta.content) {
        event.detail.headers["RequestVerificationToken"] = meta.content;
    }
});

// A refused htmx request (403 not allowed, 404 gone, 409 changed by someone else) is not swapped into the page:
// its message is shown in the flash area instead, so a drag that the server refused does not fail silently.
document.addEventListener("htmx:responseError", function (event) {
    var xhr = event.detail.xhr;
    var header = xhr && xhr.getResponseHeader("X-TsPmo-Message");
    var text = header ? decodeURIComponent(header) : "The change could not be saved (error " + (xhr ? xhr.status : "?") + "). Reload the page and try again.";
    var flash = document.getElementById("flash");
    if (!flash) return;
    var alert = document.createElement("div");
    alert.className = "alert alert-danger";
    alert.setAttribute("role", "alert");
    alert.textContent = text;
    flash.replaceChildren(alert);
});
