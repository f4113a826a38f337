// Corrections of the entity index on the entity page (issue 17): merge with another entity, split an alias off,
// rename, change the type, reject; and the history of corrections with undo. They need a write key, asked once and
// kept by POST /session/write in an HttpOnly cookie (as the read key): page scripts never hold it after the form.

import {h} from './dom.js';
import {ApiError, api, getJson} from './api.js';
import {errorBox} from './components.js';
import {TYPE_LABELS, formatDate, plural} from './text.js';

const TYPES = ['PERSON', 'ORGANIZATION', 'LOCATION', 'MISC'];

/** POST / PATCH with a JSON body (or none); the answer's JSON, or an ApiError from the problem+json. */
async function send(method, path, body) {
  const init = {method, credentials: 'same-origin', headers: {Accept: 'application/json'}};
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(path, init);
  const answer = (response.headers.get('Content-Type') || '').includes('json') ? await response.json().catch(() => null) : null;
  if (!response.ok) {
    const p = answer || {};
    throw new ApiError(response.status, p.title || 'Error', p.detail || `The request failed (HTTP ${response.status}).`, p.errors);
  }
  return answer;
}

const seg = encodeURIComponent;

async function holdsWriteKey() {
  try {
    return (await getJson('session/write')).authenticated === true;
  } catch {
    return false;
  }
}

/** What a correction did, in words. */
function describe(c) {
  const before = c.before || {};
  const after = c.after || {};
  switch (c.operation) {
    case 'merge': return `Merged ${before.name || c.entity} into ${after.name || c.target}`;
    case 'split': return `Split “${c.target}” off ${c.entity} into ${c.newKey}`;
    case 'edit': return `Changed ${before.name} (${TYPE_LABELS[before.type] || before.type}) to ${after.name} (${TYPE_LABELS[after.type] || after.type})`;
    case 'reject': return `Rejected ${before.name || c.entity}: not an entity`;
    case 'undo': return `Undid correction #${c.undoes}`;
    default: return c.operation;
  }
}

/**
 * The history of corrections touching `key`, newest first, each with an undo button while it can be undone.
 * `onChange` runs after an undo (the page reloads what it shows).
 */
export function curationHistory(key, onChange) {
  const list = h('ol', {class: 'curation-log', 'data-testid': 'curation-log'});
  const status = h('p', {class: 'muted small', role: 'status'});
  const section = h('section', {class: 'card curation-history', 'aria-labelledby': 'history-h'},
    h('h2', {id: 'history-h'}, 'Corrections'), status, list);
  (async () => {
    try {
      const page = await getJson('curations', {entity: key, limit: 50});
      const items = Array.isArray(page.items) ? page.items : [];
      status.textContent = items.length ? '' : 'No corrections yet.';
      list.replaceChildren(...items.map((c) => {
        const undoable = c.operation !== 'undo' && c.undoneBy == null;
        const undo = undoable ? h('button', {type: 'button', class: 'button button-small', 'data-testid': 'undo-button'}, 'Undo') : null;
        const item = h('li', {'data-testid': 'curation-item', 'data-operation': c.operation, 'data-id': c.id},
          h('span', {class: 'curation-what'}, `#${c.id} ${describe(c)}`),
          h('span', {class: 'muted small'}, ` · ${c.by} · `, h('time', {datetime: c.at}, formatDate(c.at, true))),
          c.undoneBy != null ? h('span', {class: 'muted small'}, ` · undone by #${c.undoneBy}`) : null, ' ', undo);
        if (undo) {
          undo.addEventListener('click', async () => {
            undo.disabled = true;
            try {
              await send('POST', `curations/${seg(c.id)}/undo`);
              onChange();
            } catch (e) {
              item.append(errorBox(e));
              undo.disabled = false;
            }
          });
        }
        return item;
      }));
    } catch (e) {
      list.replaceChildren(errorBox(e));
    }
  })();
  return section;
}

/** The form that asks for the write key once; `onUnlocked` runs when the server accepted it. */
function writeKeyForm(onUnlocked) {
  const input = h('input', {type: 'password', id: 'write-key', name: 'key', required: '', autocomplete: 'current-password',
    'data-testid': 'write-key'});
  const message = h('p', {class: 'error-slot', role: 'alert'});
  const form = h('form', {class: 'sign-in', 'data-testid': 'write-sign-in'},
    h('label', {for: 'write-key'}, 'Write key'), input, h('button', {type: 'submit', class: 'button'}, 'Unlock corrections'), message);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    message.replaceChildren();
    let ok = false;
    try {
      await send('POST', 'session/write', {key: input.value});
      ok = true;
    } catch {
      ok = false;
    }
    input.value = '';
    if (ok) onUnlocked();
    else message.replaceChildren(h('span', {class: 'error'}, 'That key was not accepted as a write key.'));
  });
  return h('div', null, h('p', {class: 'muted small'}, 'Correcting the entity index needs a write key. Ask the operator for one.'), form);
}

/** One correction tool: a labelled form whose submit runs `action`, showing its problem+json when it fails. */
function tool(title, testid, fields, buttonLabel, action) {
  const message = h('div', {class: 'error-slot', role: 'alert'});
  const button = h('button', {type: 'submit', class: 'button', 'data-testid': `${testid}-button`}, buttonLabel);
  const form = h('form', {class: 'curation-tool', 'data-testid': testid}, h('h3', null, title), fields, button, message);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    message.replaceChildren();
    button.disabled = true;
    try {
      await action();
    } catch (err) {
      message.replaceChildren(errorBox(err));
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

/** Merge-with: a search box over GET /entities?q= whose results can be picked as the entity to merge into. */
function mergeTool(entity, done) {
  const input = h('input', {type: 'search', id: 'merge-search', autocomplete: 'off', 'data-testid': 'merge-search',
    placeholder: 'Search entities by name'});
  const candidates = h('ul', {class: 'merge-candidates', 'data-testid': 'merge-candidates'});
  let chosen = null;
  let timer = null;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    chosen = null;
    timer = setTimeout(async () => {
      const q = input.value.trim();
      if (!q) {
        candidates.replaceChildren();
        return;
      }
      try {
        const page = await api.entities({q, limit: 10});
        candidates.replaceChildren(...(page.items || []).filter((c) => c.key !== entity.key).map((c) => {
          const pick = h('button', {type: 'button', class: 'button button-small', 'data-testid': 'merge-candidate', 'data-key': c.key},
            `${c.name} (${TYPE_LABELS[c.type] || c.type}, ${plural(Number(c.articleCount) || 0, 'article')})`);
          pick.addEventListener('click', () => {
            chosen = c;
            for (const b of candidates.querySelectorAll('button')) b.setAttribute('aria-pressed', String(b === pick));
          });
          return h('li', null, pick);
        }));
      } catch (e) {
        candidates.replaceChildren(h('li', null, errorBox(e)));
      }
    }, 200);
  });
  return tool('Merge with another entity', 'merge',
    [h('label', {for: 'merge-search'}, `Merge ${entity.name} into`), input, candidates], 'Merge', async () => {
      if (!chosen) throw new ApiError(400, 'Choose an entity', 'Search for the entity to merge into and pick it from the list.');
      await send('POST', `entities/${seg(entity.key)}/merge`, {into: chosen.key});
      done(chosen.key);
    });
}

/** The correction tools of an entity shown on its page (folded); `reload(key)` shows that entity. */
export function curationPanel(entity, reload) {
  const aliases = (Array.isArray(entity.aliases) ? entity.aliases : []).filter((a) => a !== entity.name);
  const body = h('div', {class: 'curation-tools'});
  const panel = h('details', {class: 'card curation', 'data-testid': 'curation'},
    h('summary', {'data-testid': 'curation-toggle'}, h('h2', {class: 'inline-heading'}, 'Correct this entity')), body);

  const showTools = () => {
    const aliasSelect = h('select', {id: 'split-alias', 'data-testid': 'split-alias'}, aliases.map((a) => h('option', {value: a}, a)));
    const nameInput = h('input', {type: 'text', id: 'rename-input', value: entity.name, 'data-testid': 'rename-input', maxlength: '200'});
    const typeSelect = h('select', {id: 'type-select', 'data-testid': 'type-select'},
      TYPES.map((t) => h('option', {value: t, selected: t === entity.type}, TYPE_LABELS[t])));
    body.replaceChildren(...[
      mergeTool(entity, (into) => reload(into)),
      aliases.length ? tool('Split an alias off', 'split', [h('label', {for: 'split-alias'}, 'Alias'), aliasSelect],
        'Split into its own entity', async () => {
          await send('POST', `entities/${seg(entity.key)}/split`, {alias: aliasSelect.value});
          reload(entity.key);
        }) : null,
      tool('Rename', 'rename', [h('label', {for: 'rename-input'}, 'Name'), nameInput], 'Rename', async () => {
        await send('PATCH', `entities/${seg(entity.key)}`, {name: nameInput.value});
        reload(entity.key);
      }),
      tool('Change the type', 'retype', [h('label', {for: 'type-select'}, 'Type'), typeSelect], 'Change type', async () => {
        await send('PATCH', `entities/${seg(entity.key)}`, {type: typeSelect.value});
        reload(entity.key);
      }),
      tool('Reject', 'reject', [h('p', {class: 'muted small'},
        'Not an entity: its mentions leave lists, filters, pages and counts (undo below).')], 'Reject', async () => {
        await send('POST', `entities/${seg(entity.key)}/reject`);
        reload(entity.key);
      })].filter(Boolean));
  };
  holdsWriteKey().then((holds) => (holds ? showTools() : body.replaceChildren(writeKeyForm(showTools))));
  return panel;
}
