import RunQueries

/// The stylesheet of HTML reports: a printed paper's look (serif text, ruled tables,
/// numbered captions), fonts that are on the machine (no web font is fetched), and
/// figures that shrink to the page.
enum ReportStylesheet {
    static let css = """
        :root { color-scheme: light; }
        body { margin: 0; background: #ffffff; color: #1d1d1d;
          font: 16px/1.55 "DejaVu Serif", Georgia, "Times New Roman", serif; }
        main { max-width: 66rem; margin: 0 auto; padding: 2.2rem 2.5rem 4rem; }
        h1, h2, h3, caption strong, figcaption strong, dt, th {
          font-family: "DejaVu Sans", Verdana, Arial, sans-serif; }
        h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 0.6rem; }
        h2 { font-size: 1.45rem; margin: 2.8rem 0 0.8rem; padding-top: 0.9rem; border-top: 2px solid #1d1d1d; }
        h2#contents { border-top: none; margin-top: 1.6rem; padding-top: 0; font-size: 1.15rem; }
        h3 { font-size: 1.1rem; margin: 1.9rem 0 0.6rem; color: #333333; }
        p { margin: 0.6rem 0; }
        a { color: #0b5394; }
        code, pre { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.84em; }
        code { background: #f2f2ee; padding: 0.05em 0.3em; border-radius: 3px; }
        pre { background: #f6f6f2; border-left: 3px solid #c8c8be; padding: 0.55rem 0.9rem; margin: 0.5rem 0 1rem;
          white-space: pre-wrap; overflow-wrap: anywhere; line-height: 1.45; }
        pre code { background: none; padding: 0; font-size: 1em; }
        dl.setup { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1.2rem; margin: 0.6rem 0; }
        dl.setup dt { font-weight: bold; font-size: 0.9rem; color: #444444; padding-top: 0.1rem; }
        dl.setup dd { margin: 0; }
        div.table { overflow-x: auto; margin: 1.2rem 0 0.4rem; }
        table { border-collapse: collapse; font-variant-numeric: tabular-nums; font-size: 0.93rem; }
        caption { caption-side: top; text-align: left; font-size: 0.9rem; color: #333333; padding-bottom: 0.5rem; }
        th { font-weight: bold; font-size: 0.88rem; border-top: 2px solid #1d1d1d; border-bottom: 1px solid #1d1d1d; }
        th, td { padding: 0.28rem 0.8rem; text-align: left; vertical-align: top; }
        td { border-bottom: 1px solid #e4e4de; }
        tbody tr:last-child td { border-bottom: 2px solid #1d1d1d; }
        .number { text-align: right; white-space: nowrap; }
        figure { margin: 1.8rem 0; }
        figure svg { display: block; max-width: 100%; height: auto; margin: 0 auto; }
        figcaption { font-size: 0.9rem; color: #333333; margin: 0.6rem 0 0; }
        details { margin: 0.3rem 0 1rem; font-size: 0.9rem; }
        summary { cursor: pointer; color: #444444; }
        ul { padding-left: 1.4rem; }
        @media print { main { max-width: none; padding: 0; } figure, div.table { break-inside: avoid; } }
        """
}
