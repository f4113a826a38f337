// Sign-in for a Newsflow whose query API needs a read key (newsflow.api.read-keys). The key is sent once to
// POST /session, which keeps it in an HttpOnly cookie: page scripts never hold it after this form.

import {h} from './dom.js';

/** {required, authenticated}; an API that cannot answer is treated as open (the pages then show the error). */
export async function sessionState() {
  try {
    const response = await fetch('session', {headers: {Accept: 'application/json'}, credentials: 'same-origin'});
    if (!response.ok) return {required: false, authenticated: true};
    return await response.json();
  } catch {
    return {required: false, authenticated: true};
  }
}

/** The sign-in page; calls onSignedIn once the server accepted the key. */
export function signInPage(onSignedIn) {
  const input = h('input', {type: 'password', id: 'read-key', name: 'key', required: '', autocomplete: 'current-password',
    'data-testid': 'read-key'});
  const message = h('p', {class: 'error-slot', role: 'alert'});
  const form = h('form', {class: 'sign-in', 'data-testid': 'sign-in'},
    h('label', {for: 'read-key'}, 'Read key'), input,
    h('button', {type: 'submit', class: 'button'}, 'Sign in'), message);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    message.replaceChildren();
    let ok = false;
    try {
      const response = await fetch('session', {method: 'POST', credentials: 'same-origin',
        headers: {'Content-Type': 'application/json'}, body: JSON.stringify({key: input.value})});
      ok = response.ok;
    } catch {
      ok = false;
    }
    input.value = '';
    if (ok) onSignedIn();
    else message.replaceChildren(h('span', {class: 'error'}, 'That key was not accepted.'));
  });
  const heading = h('h1', {class: 'page-title', tabindex: '-1'}, 'Sign in');
  return h('div', {class: 'page'}, heading,
    h('p', null, 'This Newsflow needs a read key. Ask its operator for one.'), form);
}
