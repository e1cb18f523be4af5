/// The dashboard's own stylesheet and script, compiled into the binary: nothing is read
/// from the disk or fetched from the network.
struct Asset: Equatable, Sendable {
    let name: String
    let contentType: String
    let text: String

    static let all = [stylesheet, script]

    static let stylesheet = Asset(
        name: "style.css", contentType: "text/css; charset=utf-8",
        text: """
            body { font: 14px/1.45 system-ui, sans-serif; margin: 0; color: #1d2330; background: #fafbfc; }
            header { background: #1d2330; color: #fff; padding: 8px 16px; display: flex; gap: 16px; align-items: center; }
            header a { color: #c9d3e6; text-decoration: none; margin-right: 12px; }
            header a.active { color: #fff; border-bottom: 2px solid #6ea8fe; }
            main { padding: 12px 20px; }
            h1 { font-size: 20px; margin: 8px 0 12px; } h2 { font-size: 16px; margin-top: 20px; }
            table { border-collapse: collapse; background: #fff; margin: 8px 0; }
            th, td { border: 1px solid #dde2ea; padding: 3px 8px; text-align: left; font-variant-numeric: tabular-nums; }
            thead th { background: #eef1f6; }
            table.fields th { background: #f4f6f9; font-weight: 600; }
            tr.differs td, tr.differs th { background: #fff4d6; }
            .status { padding: 0 6px; border-radius: 8px; background: #e4e7ec; font-size: 12px; }
            .status.completed { background: #d8f0dc; } .status.running { background: #d6e7ff; }
            .status.failed, .status.diverged { background: #fadcdc; } .status.interrupted { background: #f6ebd0; }
            .status.abandoned { background: #ead9f2; } .abandoned-note { color: #5b3a6b; }
            .live { color: #0b6bdc; font-size: 12px; }
            .tag { background: #eef1f6; padding: 0 5px; border-radius: 4px; font-family: monospace; }
            .muted { color: #778; font-weight: normal; } .error { color: #b00020; } .empty { color: #667; }
            form.filters { display: flex; flex-wrap: wrap; gap: 10px; align-items: end; margin-bottom: 10px; }
            fieldset { border: 1px solid #dde2ea; } label.key { white-space: nowrap; }
            .charts { display: flex; flex-wrap: wrap; gap: 12px; } figure { margin: 0; background: #fff; }
            code { background: #eef1f6; padding: 1px 4px; border-radius: 3px; }

            """)

    /// Live updates: on each change the server reports, a live page fetches itself again
    /// and swaps its content, at most once a second; without JavaScript every page is
    /// complete as served.
    static let script = Asset(
        name: "app.js", contentType: "text/javascript; charset=utf-8",
        text: """
            "use strict";
            (function () {
              var body = document.body, status = document.getElementById("live-status");
              var pending = false, last = 0;
              function refresh() {
                pending = false; last = Date.now();
                fetch(location.href, { credentials: "same-origin" }).then(function (r) {
                  return r.ok ? r.text() : null;
                }).then(function (html) {
                  if (!html) return;
                  var page = new DOMParser().parseFromString(html, "text/html");
                  var fresh = page.getElementById("content");
                  if (fresh) document.getElementById("content").replaceChildren(...fresh.childNodes);
                  body.dataset.live = page.body.dataset.live;
                  wire();
                });
              }
              function changed() {
                if (body.dataset.live !== "1" || pending) return;
                pending = true;
                setTimeout(refresh, Math.max(0, 1000 - (Date.now() - last)));
              }
              function wire() {
                var form = document.getElementById("compare-form");
                if (form && !form.dataset.wired) {
                  form.dataset.wired = "1";
                  form.addEventListener("change", function () { form.submit(); });
                }
              }
              wire();
              if (window.EventSource) {
                var events = new EventSource("/events");
                events.addEventListener("change", changed);
                events.onopen = function () { if (status) status.textContent = "● live"; };
                events.onerror = function () { if (status) status.textContent = "reconnecting…"; };
              }
            })();

            """)
}
