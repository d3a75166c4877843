import type { Language } from '../../../libs/wording/language.js';
import type { Role } from '../../../libs/domain/roles.js';
import { html, SafeHtml } from './html.js';

/**
 * The style of every page, inline: one request per page on a weak connection, no web font (phones' system fonts
 * cover Vietnamese), large tap targets, 360 px wide first.
 */
const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;color:#1a1a1a;background:#f6f4ef}
header{background:#a50e0e;color:#fff;padding:.4rem 1rem 0;display:grid;grid-template-columns:1fr auto;align-items:center;gap:0 .5rem}
header a,header button{color:#fff}
header .who{font-size:.9rem}
header nav{grid-column:1/-1;grid-row:2;display:flex;flex-wrap:wrap;gap:0 1rem}
nav a{display:inline-block;padding:.3rem 0;min-height:2.75rem;line-height:2.15rem}
main{max-width:40rem;margin:0 auto;padding:1rem}
h1{font-size:1.4rem;margin:.2rem 0 1rem}
label{display:block;font-weight:600;margin:.8rem 0 .3rem}
input,textarea,select{width:100%;font:inherit;padding:.7rem;border:1px solid #777;border-radius:.4rem;background:#fff}
fieldset{border:1px solid #ccc;border-radius:.5rem;margin:.8rem 0;padding:.2rem .8rem .5rem}
legend{font-weight:600;padding:0 .3rem}
fieldset label{display:flex;align-items:center;gap:.6rem;font-weight:400;min-height:2.75rem;margin:0}
input[type=radio],input[type=checkbox]{width:1.4rem;height:1.4rem;margin:0;flex:none}
button{font:inherit;min-height:2.75rem;padding:.6rem 1.2rem;border:0;border-radius:.4rem;background:#a50e0e;color:#fff;cursor:pointer}
header button{background:transparent;border:1px solid #fff;min-height:2.5rem;padding:.2rem .8rem}
.primary{margin-top:1.2rem;width:100%}
button[name=more]{background:#fff;color:#a50e0e;border:1px solid #a50e0e}
summary{min-height:2.75rem;line-height:2.75rem;margin-top:.6rem;color:#a50e0e;cursor:pointer}
.error{color:#8a0000;background:#fde8e8;border-left:4px solid #a50e0e;padding:.6rem .8rem;margin:.8rem 0}
.notice{background:#fff8db;border-left:4px solid #b58900;padding:.6rem .8rem;margin:.8rem 0}
ul.tasks{list-style:none;margin:0;padding:0}
ul.tasks li{background:#fff;border:1px solid #ddd;border-radius:.5rem;padding:.8rem;margin:0 0 .7rem}
.task-label{font-weight:700;display:block}
.due{display:inline-block;margin-top:.3rem;font-size:.9rem;padding:.1rem .5rem;border-radius:1rem;background:#eee}
.due.late{background:#a50e0e;color:#fff}
.muted{color:#555}
h2{font-size:1.15rem;margin:1.4rem 0 .5rem;border-bottom:1px solid #ddd;padding-bottom:.2rem}
h3{font-size:1rem;margin:.8rem 0 .3rem}
ul.plain,ol.plain{list-style:none;padding:0;margin:0}
ul.plain li,ol.plain li{padding:.35rem 0;border-bottom:1px solid #eee}
.card{background:#fff;border:1px solid #ddd;border-radius:.5rem;padding:.6rem .8rem;margin:0 0 .6rem}
.card p{margin:.3rem 0}
ol.stepper{list-style:none;padding:0;margin:.5rem 0 1rem;display:flex;flex-wrap:wrap;gap:.3rem}
ol.stepper li{font-size:.8rem;padding:.2rem .5rem;border-radius:1rem;background:#e7e4dc;color:#333}
ol.stepper li.done{background:#d9ead3}
ol.stepper li.current{background:#a50e0e;color:#fff;font-weight:700}
footer{max-width:40rem;margin:0 auto;padding:1rem;text-align:right}
footer a{display:inline-block;min-height:2.75rem;line-height:2.75rem}
.tally{background:#fff8db;border-top:2px solid #b58900;padding:.4rem .8rem;margin:1rem 0 0}
.tally.live{position:sticky;bottom:0}
.tally p{margin:0}
.tally [data-band]{display:block}
button[name=tally]{margin:.5rem 0 .2rem;background:#fff;color:#a50e0e;border:1px solid #a50e0e}
html:has(.tally.live){scroll-padding-bottom:5rem}
figure.chart{margin:.6rem 0 1rem;background:#fff;border:1px solid #ddd;border-radius:.5rem;padding:.6rem .8rem}
figcaption{font-weight:600;margin-bottom:.3rem}
ul.legend{list-style:none;padding:0;margin:0 0 .5rem;display:flex;flex-wrap:wrap;gap:.2rem 1rem;font-size:.9rem}
ul.legend li{display:flex;align-items:center;gap:.35rem}
ul.bars{list-style:none;padding:0;margin:0}
ul.bars li{padding:.3rem 0}
.bar-label{font-weight:600}
.bar-words{font-size:.9rem;color:#333}
svg.bar{display:block;margin-top:.15rem}
.chart-defs{position:absolute}
dl.figures{display:grid;grid-template-columns:1fr auto;gap:.1rem 1rem;margin:.3rem 0}
dl.figures dd{margin:0;text-align:right;font-weight:700}
.scroll{overflow-x:auto;margin:.4rem 0 1rem}
table.report{border-collapse:collapse;width:100%;font-size:.85rem;background:#fff}
table.report th,table.report td{border:1px solid #ccc;padding:.3rem .35rem;text-align:right;vertical-align:top}
table.report thead th{background:#ede7da;text-align:center}
table.report th[scope=row],table.report td.text{text-align:left;font-weight:400}
form.period{display:flex;flex-wrap:wrap;gap:0 .6rem;align-items:flex-end}
form.period div{flex:1 1 8rem}
form.period button{flex:1 1 100%;margin-top:.6rem}
ul.downloads a{display:block;padding:.65rem 0;line-height:1.4}
`;

/** The stylesheet is ours, not anyone's input: trusted as it is. */
const STYLESHEET = new SafeHtml(STYLE);

export interface PageChrome {
  title: string;
  language: Language;
  /** Absent on the login page. */
  signedIn?: PagePerson;
}

/** The signed-in person as every page's header shows them: name, role (the menu) and the logout form's token. */
export interface PagePerson {
  fullName: string;
  csrfToken: string;
  role: Role;
}

/**
 * The menu by role: everyone has their notifications and contact details, and everyone who acts their tasks; the
 * office its overview, cycles, cells and the notifications that reached nobody; the admin its committees; an upper
 * level, which reads and never acts, its communes' overview in place of tasks.
 */
function menu(role: Role, language: Language): SafeHtml {
  const vi = language === 'vi';
  const links: [string, string][] = [
    role === 'overseer' ? ['/tong-quan-cap-tren', vi ? 'Các xã trực thuộc' : 'Communes'] : ['/', vi ? 'Việc của tôi' : 'My tasks'],
    ['/notifications', vi ? 'Thông báo' : 'Notifications'],
  ];
  if (role === 'committee') links.push(['/tong-quan', vi ? 'Tổng quan' : 'Overview'], ['/dot', vi ? 'Các đợt' : 'Cycles'], ['/chi-bo', vi ? 'Chi bộ' : 'Cells'], ['/chua-nhan-tin', vi ? 'Chưa nhận tin' : 'Not reached']);
  if (role === 'admin') links.push(['/quan-tri', vi ? 'Quản trị' : 'Administration']);
  links.push(['/lien-lac', vi ? 'Liên lạc' : 'Contact']);
  return html`<nav>${links.map(([href, label]) => html`<a href="${href}">${label}</a> `)}</nav>`;
}

export function page(chrome: PageChrome, body: SafeHtml): string {
  const vi = chrome.language === 'vi';
  const header = chrome.signedIn
    ? html`<header><span class="who">${chrome.signedIn.fullName}</span>
${menu(chrome.signedIn.role, chrome.language)}
<form method="post" action="/logout"><input type="hidden" name="_csrf" value="${chrome.signedIn.csrfToken}"><button type="submit">${chrome.language === 'en' ? 'Log out' : 'Đăng xuất'}</button></form></header>`
    : html`<header><span>${chrome.language === 'en' ? 'Model cell meetings' : 'Sinh hoạt chi bộ điểm'}</span></header>`;
  return `<!doctype html>${html`<html lang="${chrome.language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${chrome.title}</title><style>${STYLESHEET}</style></head>
<body>${header}<main>${body}</main>
<footer><a href="/ngon-ngu?chon=${vi ? 'en' : 'vi'}" lang="${vi ? 'en' : 'vi'}">${vi ? 'English' : 'Tiếng Việt'}</a></footer></body></html>`.markup}`;
}

