"""Watching a browser page for Content-Security-Policy violations.

`watch(page)` listens, in every document and frame of the page's browser context, for the
`securitypolicyviolation` events the browser fires when the policy blocks something, for
the console's errors that name the policy, and for uncaught errors (an `eval` the policy
refused throws one). Call it once per context, before the first `goto`; the returned list
fills as they happen.
"""

LISTEN = """
document.addEventListener("securitypolicyviolation", function (e) {
  window.__cspViolation({
    directive: e.effectiveDirective, blocked: e.blockedURI, source: e.sourceFile,
    line: e.lineNumber, sample: e.sample, page: e.documentURI
  });
}, true);
"""


def watch(page) -> list:
    found = []
    page.context.expose_function("__cspViolation", lambda violation: found.append(violation))
    page.context.add_init_script(LISTEN)

    def console(message):
        if message.type == "error" and "Content Security Policy" in message.text:
            found.append({"console": message.text, "page": page.url})

    page.on("console", console)
    page.on("pageerror", lambda error: found.append({"error": str(error), "page": page.url}))
    return found
