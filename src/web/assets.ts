/**
 * The dashboard's one stylesheet, served by the bot at /web/assets/app.css (no CDN: government
 * networks are often closed). Colours meet WCAG AA contrast; charts also carry text and patterns.
 */
export const APP_CSS = `
:root{--ink:#1b1f24;--muted:#4a5360;--line:#c9d0d9;--bg:#f6f8fa;--brand:#0b4f8a;--bad:#9b1c1c;--ok:#146c2e}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,"Segoe UI",Roboto,Arial,sans-serif;color:var(--ink);background:var(--bg)}
a{color:var(--brand)}
a:focus,button:focus,input:focus,select:focus,summary:focus{outline:3px solid #e07b00;outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem}
.skip:focus{left:.5rem}
header{background:var(--brand);color:#fff;padding:.5rem 1rem;display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center}
header a,header .who{color:#fff}
header .brand{font-weight:700;font-size:1.1rem;color:#fff;text-decoration:none}
header form{display:inline;margin:0}
header button{background:#fff;color:var(--brand);border:0;border-radius:4px;padding:.3rem .6rem;font:inherit;cursor:pointer}
nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem .9rem}
nav a[aria-current=page]{font-weight:700;text-decoration-thickness:3px}
main{max-width:1300px;margin:0 auto;padding:1rem}
section{background:#fff;border:1px solid var(--line);border-radius:6px;padding:.75rem 1rem;margin:0 0 1rem}
h1{font-size:1.5rem;margin:.25rem 0 1rem}h2{font-size:1.15rem;margin:.25rem 0 .5rem}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.92rem}
th,td{border:1px solid var(--line);padding:.3rem .45rem;text-align:left;vertical-align:top}
th{background:#eef1f5}
.num{text-align:right;white-space:nowrap}
.totals{display:flex;flex-wrap:wrap;gap:.5rem;padding:0;list-style:none}
.totals li{border:1px solid var(--line);border-radius:6px;padding:.4rem .7rem;min-width:9rem}
.totals strong{display:block;font-size:1.4rem}
.heat td.c0{background:#fff}.heat td.c1{background:#dbe9f6}.heat td.c2{background:#a9cbe8}
.heat td.c3{background:#5b9bd1;color:#000}.heat td.c4{background:#0b4f8a;color:#fff}
.heat td.na{background:repeating-linear-gradient(45deg,#fff,#fff 4px,#e3e7ec 4px,#e3e7ec 8px);color:var(--muted)}
.note{color:var(--muted);font-size:.9rem}
.bad{color:var(--bad);font-weight:600}.ok{color:var(--ok);font-weight:600}
form.inline{display:inline-flex;gap:.3rem;align-items:center;margin:.1rem 0}
button,input,select{font:inherit}
main button,.button{background:var(--brand);color:#fff;border:0;border-radius:4px;padding:.35rem .8rem;cursor:pointer;text-decoration:none;display:inline-block}
main button.secondary{background:#fff;color:var(--brand);border:1px solid var(--brand)}
label{font-weight:600}
svg text{font-size:11px;fill:var(--ink)}
svg{max-width:760px;display:block}
@media (max-width:600px){main{padding:.5rem}th,td{padding:.25rem}h1{font-size:1.25rem}.totals li{min-width:45%}}
`;
