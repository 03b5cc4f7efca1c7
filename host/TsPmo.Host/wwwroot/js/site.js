// Every htmx request carries the antiforgery token, so partial updates are protected like full forms.
document.addEventListener("htmx:configRequest", function (event) {
    var meta = document.querySelector('meta[name="request-verification-token"]');
    if (meta && meta.content) {
        event.detail.headers["RequestVerificationToken"] = meta.content;
    }
});
