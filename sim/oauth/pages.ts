/** The HTML pages of the OAuth stand-ins: consent (www.kommo.com/oauth), popup hand-off, callback. */

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

const STYLE = `body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#1f2a37}
button{font-size:1rem;padding:.6rem 1.4rem;margin-right:.6rem;border-radius:4px;border:1px solid #8a99a8;cursor:pointer}
button[value=approve]{background:#2c7be5;color:#fff;border-color:#2c7be5}select{font-size:1rem;padding:.3rem}
code{background:#eef1f4;padding:.1rem .3rem;word-break:break-all}table{border-collapse:collapse}td{padding:.2rem .6rem;vertical-align:top}`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="es"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>${body}</body></html>`;
}

export interface ConsentView {
  integrationName: string;
  clientId: string;
  state: string | null;
  mode: string;
  accounts: Array<{ subdomain: string; host: string; name: string }>;
  selected: string;
  /** Chosen by the URL (account host or `/a/{sub}` prefix): no picker. */
  fixed: boolean;
}

export function consentPage(v: ConsentView): string {
  const hidden = (name: string, value: string): string => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`;
  const accountField =
    v.fixed || v.accounts.length === 1
      ? hidden('account', v.selected) +
        `<p>Cuenta: <strong>${escapeHtml(v.accounts.find((a) => a.subdomain === v.selected)?.host ?? v.selected)}</strong></p>`
      : `<p><label>Cuenta: <select name="account">${v.accounts
          .map(
            (a) =>
              `<option value="${escapeHtml(a.subdomain)}"${a.subdomain === v.selected ? ' selected' : ''}>${escapeHtml(a.host)}</option>`,
          )
          .join('')}</select></label></p>`;
  return page(
    'Kommo: autorizar integración',
    `<h1>Autorizar «${escapeHtml(v.integrationName)}»</h1>
<p>La integración solicita acceso a los datos de tu cuenta de Kommo (simulador).</p>
<form method="post" action="oauth/decision">
${hidden('client_id', v.clientId)}${v.state !== null ? hidden('state', v.state) : ''}${hidden('mode', v.mode)}
${accountField}
<button type="submit" name="decision" value="approve">Permitir</button>
<button type="submit" name="decision" value="deny">Rechazar</button>
</form>`,
  );
}

/** mode=popup: the redirect happens in the main window (docs/kommo-api.md §2.2), then the popup closes. */
export function popupHandoffPage(url: string): string {
  const json = JSON.stringify(url).replace(/</g, '\\u003c');
  return page(
    'Kommo',
    `<p>Redirigiendo… <a href="${escapeHtml(url)}">continuar</a></p>
<script>(function(){var u=${json};try{if(window.opener&&!window.opener.closed){window.opener.location.href=u;window.close();return;}}catch(e){}location.replace(u);})();</script>`,
  );
}

export function callbackPage(params: URLSearchParams): string {
  const rows = [...params].map(([k, v]) => `<tr><td>${escapeHtml(k)}</td><td><code>${escapeHtml(v)}</code></td></tr>`).join('');
  return page(
    'Kommo simulator: OAuth callback',
    `<h1>OAuth callback</h1><p>The simulator's default redirect URI received:</p><table>${rows}</table>`,
  );
}

export function errorPage(title: string, message: string): string {
  return page(title, `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>`);
}

export function indexPage(accounts: Array<{ host: string; apiBaseUrl: string }>, consentUrl: string): string {
  const rows = accounts.map((a) => `<tr><td>${escapeHtml(a.host)}</td><td><code>${escapeHtml(a.apiBaseUrl)}</code></td></tr>`).join('');
  return page(
    'Kommo simulator',
    `<h1>Kommo simulator</h1><table>${rows}</table><p>Consent page: <code>${escapeHtml(consentUrl)}</code></p><p>Control API: <code>/__sim/</code> (see sim/README.md).</p>`,
  );
}
