package org.fulcrum.web;

import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/**
 * The web interface's sign-in form. Spring Security checks what it posts ({@code POST /login});
 * this page only draws it, with the CSRF token the post must carry.
 */
@Controller
class SignInPage {

  @GetMapping(path = "/login", produces = MediaType.TEXT_HTML_VALUE)
  @ResponseBody
  String page(CsrfToken csrf, Authentication auth,
      @RequestParam(required = false) String error, @RequestParam(required = false) String signedOut) {
    String notice = "";
    if (error != null) {
      notice = "<p class=\"notice error\" role=\"alert\">That user name and password do not match."
          + " Try again.</p>";
    } else if (signedOut != null) {
      notice = "<p class=\"notice\" role=\"status\">You are signed out.</p>";
    } else if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
      notice = "<p class=\"notice\" role=\"status\">You are signed in as "
          + HtmlUtils.htmlEscape(auth.getName()) + ". <a href=\"/\">Open Fulcrum</a>.</p>";
    }
    return """
        <!doctype html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>Sign in · Fulcrum</title>
          <link rel="icon" href="/favicon.svg" type="image/svg+xml">
          <link rel="stylesheet" href="/ui/app.css">
        </head>
        <body class="signin">
          <main>
            <h1>Fulcrum</h1>
            <p class="lede">Leverage and influence analysis for halting mass atrocities.</p>
            %s
            <form method="post" action="/login">
              <label for="username">User name</label>
              <input id="username" name="username" autocomplete="username" required autofocus>
              <label for="password">Password</label>
              <input id="password" name="password" type="password" autocomplete="current-password" required>
              <input type="hidden" name="%s" value="%s">
              <button type="submit">Sign in</button>
            </form>
            <p class="hint">First run: user <code>admin</code>; its password is printed once in the
            server's log (the line that starts "Created the first user"), unless
            <code>fulcrum.security.admin-password</code> sets it.</p>
          </main>
        </body>
        </html>
        """.formatted(notice, HtmlUtils.htmlEscape(csrf.getParameterName()),
        HtmlUtils.htmlEscape(csrf.getToken()));
  }
}
