/** The one stylesheet of every page rampup writes: for screen and print, loading nothing. */
export const STYLE = `
:root { --ink: #1a1a1a; --muted: #5c5c5c; --rule: #d6d6d6; --navy: #1f4e79; }
* { box-sizing: border-box; }
html { background: #fff; color: var(--ink); font: 17px/1.55 Georgia, "Times New Roman", serif; }
body { margin: 0; }
main { max-width: 62rem; margin: 0 auto; padding: 2.5rem 2rem 4rem; }
header { border-bottom: 3px solid var(--navy); padding-bottom: 1rem; }
.kicker, .meta, figcaption, table, .figures, .note { font-family: "Helvetica Neue", Helvetica, Arial, sans-serif; }
.kicker { margin: 0; text-transform: uppercase; letter-spacing: .09em; font-size: .72rem; color: var(--navy); font-weight: bold; }
h1 { margin: .2rem 0 .4rem; font-size: 2.1rem; font-weight: normal; line-height: 1.2; }
h2 { margin: 2.8rem 0 1rem; padding-top: .5rem; border-top: 1px solid var(--ink); font-size: 1.35rem; font-weight: normal; }
h3 { margin: 2rem 0 .5rem; font-size: 1.05rem; }
.lede { margin: .2rem 0 .6rem; font-size: 1.15rem; color: var(--muted); }
.meta { margin: 0; font-size: .8rem; color: var(--muted); }
.figures { display: grid; grid-template-columns: repeat(4, 1fr); gap: 1rem; margin: 1.6rem 0 0; }
.figures div { border-top: 1px solid var(--rule); padding-top: .4rem; }
.figures dt { font-size: .75rem; color: var(--muted); }
.figures dd { margin: 0; font-size: 1.5rem; font-family: Georgia, "Times New Roman", serif; }
.figures dd small { display: block; margin-top: .15rem; font-size: .75rem; color: var(--muted); font-family: "Helvetica Neue", Helvetica, Arial, sans-serif; }
figure { margin: 2rem 0; }
figcaption { font-size: .82rem; color: var(--muted); margin-bottom: .6rem; }
figcaption strong { display: block; color: var(--ink); font-size: .95rem; margin-bottom: .15rem; }
figure svg { display: block; max-width: 100%; height: auto; }
table { width: 100%; border-collapse: collapse; font-size: .8rem; font-variant-numeric: tabular-nums; margin: .5rem 0 1rem; }
th { text-align: left; font-weight: 600; border-bottom: 1px solid var(--ink); padding: .35rem .7rem .35rem 0; vertical-align: bottom; }
td { border-bottom: 1px solid #e8e8e8; padding: .3rem .7rem .3rem 0; vertical-align: top; }
th.num, td.num { text-align: right; }
td.num { white-space: nowrap; }
table.narrow { width: auto; min-width: 50%; }
td.code { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .75rem; word-break: break-all; }
ul.gaps li, dl.terms dd { margin-bottom: .4rem; }
dl.terms dt { font-weight: bold; }
dl.terms dd { margin-left: 1.5rem; }
.note { font-size: .82rem; color: var(--muted); }
@media (max-width: 700px) { .figures { grid-template-columns: repeat(2, 1fr); } main { padding: 1.5rem 1rem; } }
@media print {
  @page { size: A4; margin: 16mm 14mm; }
  html { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  header { border-bottom-width: 2px; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  figure, tr, .figures { break-inside: avoid; page-break-inside: avoid; }
  figcaption { break-after: avoid; page-break-after: avoid; }
  /* A chart of many panels is shrunk to fit one page with its caption. */
  figure svg { width: auto; max-height: 225mm; }
  thead { display: table-header-group; }
}
`.trim();
