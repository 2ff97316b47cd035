"""The page ``legday serve`` sends a browser: textual-serve's terminal, legday's own wrapping.

textual-serve's own page asks a web font from the internet (a stylesheet that holds up the page's
load event, and with it the start of the app, for as long as that request takes on a machine with
no network), has no icon and leaves the keyboard to a click on the terminal. This one:

- fetches nothing but from the legday server itself: the terminal's script and stylesheet, and its
  font (the Roboto Mono that textual-serve ships), declared here instead of asked of a font CDN;
- carries its icon in the page (an inline SVG), so there is no favicon request either;
- starts the app as soon as the font is there, and gives the terminal the keyboard once the app
  shows, so no click is needed; what the splash and the closed page say tells what is going on.

The script, its stylesheet and the element ids and classes it drives (``#terminal``,
``.textual-terminal``, ``#start``, ``-first-byte``, ``-closed``) are textual-serve's; the version
pinned in pyproject.toml is the one this page is tested with (tests/web).
"""

from __future__ import annotations

from html import escape
from urllib.parse import quote

# A barbell on legday's dark background.
ICON_SVG = (
    "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'>"
    "<rect width='32' height='32' rx='6' fill='#0c181f'/>"
    "<rect x='3' y='15' width='26' height='2' fill='#d8dee9'/>"
    "<rect x='7' y='8' width='4' height='16' rx='1' fill='#ff8a3d'/>"
    "<rect x='21' y='8' width='4' height='16' rx='1' fill='#ff8a3d'/>"
    "</svg>"
)
ICON = "data:image/svg+xml," + quote(ICON_SVG)

FONT = "RobotoMono-VariableFont_wght.ttf"
FONT_ITALIC = "RobotoMono-Italic-VariableFont_wght.ttf"

_PAGE = """<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="referrer" content="no-referrer" />
    <title>$title</title>
    <link rel="icon" type="image/svg+xml" href="$icon" />
    <link rel="preload" href="${static}fonts/$font" as="font" type="font/ttf" crossorigin />
    <link rel="stylesheet" href="${static}css/xterm.css" />
    <style>
      @font-face {
        font-family: "Roboto Mono";
        src: url("${static}fonts/$font") format("truetype");
        font-weight: 100 700;
        font-style: normal;
      }
      @font-face {
        font-family: "Roboto Mono";
        src: url("${static}fonts/$font_italic") format("truetype");
        font-weight: 100 700;
        font-style: italic;
      }
      html, body { margin: 0; height: 100%; background: #0c181f; }
      .dialog {
        position: absolute;
        inset: 0;
        display: flex;
        align-items: center;
        justify-content: center;
        z-index: 10;
        background: #0c181f;
        color: rgba(255, 255, 255, 0.9);
        font: 16px "Roboto Mono", ui-monospace, Menlo, Consolas, monospace;
        text-align: center;
      }
      .dialog p { margin: 0.5em 2em; }
      .dialog button {
        margin-top: 1em;
        padding: 0.8em 2em;
        border: none;
        background: #ff8a3d;
        color: #0c181f;
        font: inherit;
        cursor: pointer;
      }
      body.-first-byte .intro { display: none; }
      .closed { display: none; }
      body.-closed .closed { display: flex; }
      body.-closed .intro { display: none; }
      #start { display: none; }
      #start.-delay { display: inline-block; }
      .textual-terminal { opacity: 0; }
      body.-first-byte .textual-terminal { opacity: 1; }
    </style>
    <script src="${static}js/textual.js"></script>
    <script>
      // textual.js starts the terminal on the page's load event. Wait for the font first (at most
      // two seconds), so the terminal measures its cells with the font it draws with.
      (function () {
        const start = window.onload;
        if (typeof start !== "function") return;
        window.onload = function (event) {
          const font = document.fonts ? document.fonts.load('16px "Roboto Mono"') : Promise.resolve();
          const limit = new Promise(function (done) { setTimeout(done, 2000); });
          Promise.race([font, limit]).catch(function () {}).then(function () { start(event); });
        };
      })();
      function restart() {
        window.location.reload();
      }
    </script>
  </head>
  <body>
    <div class="dialog intro">
      <div>
        <p>Starting $title&hellip;</p>
        <p><small>The app opens here by itself, ready for the keyboard.</small></p>
        <button type="button" id="start" onclick="restart()">Start</button>
      </div>
    </div>
    <div class="dialog closed">
      <div>
        <p>$title has closed in this tab.</p>
        <p><small>The app was quit, the server was stopped, or the server has as many tabs open as it
          allows.</small></p>
        <button type="button" onclick="restart()">Start again</button>
      </div>
    </div>
    <div
      id="terminal"
      class="textual-terminal"
      data-session-websocket-url="$websocket"
      data-font-size="$font_size"
    ></div>
    <script>
      // The keyboard goes to the app as soon as it shows: no click on the page needed.
      new MutationObserver(function (changes, observer) {
        if (!document.body.classList.contains("-first-byte")) return;
        const keys = document.querySelector(".xterm-helper-textarea");
        if (keys) {
          keys.focus();
          observer.disconnect();
        }
      }).observe(document.body, { attributes: true, attributeFilter: ["class"] });
    </script>
  </body>
</html>
"""


def page(static_url: str, websocket_url: str, font_size: int, title: str = "legday") -> str:
    """The HTML of the app's page. ``static_url`` ends with ``/``."""
    from string import Template

    return Template(_PAGE).substitute(
        title=escape(title),
        icon=escape(ICON),
        static=escape(static_url),
        font=FONT,
        font_italic=FONT_ITALIC,
        websocket=escape(websocket_url),
        font_size=int(font_size),
    )


def full(max_tabs: int, title: str = "legday") -> str:
    """The page for one tab more than the server allows."""
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8" />'
        f'<title>{escape(title)}</title><link rel="icon" type="image/svg+xml" href="{escape(ICON)}" />'
        '</head><body style="background:#0c181f;color:#eee;font:16px ui-monospace,Menlo,monospace;'
        'padding:2em">'
        f"<p>{escape(title)} already has {max_tabs} tab{'s' if max_tabs != 1 else ''} open, the most this "
        "server allows (legday serve --max-tabs N).</p>"
        "<p>Close one, then reload this page.</p></body></html>"
    )
