package io.funnel.capture.api;

import io.funnel.capture.persistence.WebForm;

/** A minimal page showing how to embed a registered form: a plain HTML form plus the optional embed.js snippet. */
final class ExamplePage {

    private ExamplePage() {
    }

    static String render(WebForm form) {
        String honeypot = form.honeypotField == null ? "" : """
                  <div style="position:absolute;left:-5000px" aria-hidden="true">
                    <input type="text" name="%s" tabindex="-1" autocomplete="off">
                  </div>
                """.formatted(escape(form.honeypotField));
        return """
                <!doctype html>
                <html lang="en">
                <head><meta charset="utf-8"><title>%1$s</title>
                <style>body{font-family:sans-serif;max-width:32rem;margin:2rem auto}label{display:block;margin:.5rem 0}
                input{width:100%%;padding:.4rem}</style></head>
                <body>
                <h1>%1$s</h1>
                <form id="lead-form" method="post" action="/forms/%2$s" data-funnel-form>
                  <label>E-mail <input type="email" name="email" required></label>
                  <label>First name <input type="text" name="firstName"></label>
                  <label>Company <input type="text" name="company"></label>
                  <label>Job title <input type="text" name="jobTitle"></label>
                %3$s  <label><input type="checkbox" name="consent" value="on" style="width:auto"> %4$s</label>
                  <button type="submit">Send me information</button>
                </form>
                <script src="/forms/embed.js" defer></script>
                </body>
                </html>
                """.formatted(escape(form.name), escape(form.id), honeypot,
                escape(form.consentText == null ? "I agree to receive information" : form.consentText));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
