// The one inline script of the public pages (sent with the response's nonce). Everything works
// without it; with it the complaint form submits with fetch and swaps in the confirmation, the
// reference gets a copy button, and an embedded page reports its height to the parent.
export const PAGE_SCRIPT = `(() => {
  const root = document.documentElement;
  if (root.classList.contains('embed') && window.parent !== window && window.ResizeObserver) {
    let last = 0;
    new ResizeObserver(() => {
      const height = Math.ceil(root.getBoundingClientRect().height);
      if (height !== last) parent.postMessage({ type: 'sada:height', height: (last = height) }, '*');
    }).observe(root);
  }
  const wireCopy = (scope) => {
    for (const button of scope.querySelectorAll('[data-copy]')) {
      if (!navigator.clipboard) continue;
      button.hidden = false;
      button.addEventListener('click', () =>
        navigator.clipboard.writeText(button.dataset.copy).then(() => (button.textContent = button.dataset.copied)),
      );
    }
  };
  wireCopy(document);
  const form = document.getElementById('complaint-form');
  if (!form || !window.fetch || !window.FormData) return;
  const summary = document.getElementById('error-summary');
  const showErrors = (fields, message) => {
    const list = summary.querySelector('ul');
    list.replaceChildren();
    for (const input of form.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
    for (const note of form.querySelectorAll('.field-error')) note.textContent = '';
    for (const field of fields.length > 0 ? fields : [{ message }]) {
      const id = field.path ? 'f-' + field.path.replace(/^body\\./, '').replace(/\\./g, '-') : '';
      const input = id ? document.getElementById(id) : null;
      const item = document.createElement('li');
      if (input) {
        const link = document.createElement('a');
        link.href = '#' + id;
        link.textContent = field.message;
        item.append(link);
        input.setAttribute('aria-invalid', 'true');
        const note = document.getElementById(id + '-error');
        if (note) note.textContent = field.message;
        const described = (input.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
        if (note && !described.includes(note.id)) input.setAttribute('aria-describedby', [...described, note.id].join(' '));
      } else item.textContent = field.message;
      list.append(item);
    }
    summary.hidden = false;
    summary.focus();
  };
  const showDone = (answer) => {
    const template = document.getElementById('complaint-done');
    const done = template.content.firstElementChild.cloneNode(true);
    done.querySelector('[data-slot=reference]').textContent = answer.reference;
    done.querySelector('[data-copy]').dataset.copy = answer.reference;
    const url = String(answer.statusUrl);
    done.querySelector('[data-slot=status]').href = /^\\/(?![\\/\\\\])/.test(url) ? url : '#';
    const options = JSON.parse(template.dataset.dateOptions);
    done.querySelector('[data-slot=expected]').textContent = new Intl.DateTimeFormat(root.dataset.locale, options)
      .format(new Date(answer.expectedResponseBy));
    if (!form.elements.email || !form.elements.email.value) done.querySelector('[data-slot=email]').remove();
    document.getElementById('complaint').replaceWith(done);
    wireCopy(done);
    done.querySelector('h1').focus();
  };
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = form.querySelector('button[type=submit]');
    const label = button.textContent;
    button.disabled = true;
    button.textContent = form.dataset.sending;
    let response = null;
    let answer = {};
    try {
      response = await fetch(form.action, {
        method: 'POST',
        body: new FormData(form),
        headers: { Accept: 'application/json', 'Accept-Language': root.lang },
      });
      answer = await response.json().catch(() => ({}));
    } catch {}
    button.disabled = false;
    button.textContent = label;
    if (response && response.status === 201) return showDone(answer);
    const error = answer.error || {};
    const status = response ? response.status : 0;
    const message =
      status === 413 ? form.dataset.tooLarge : status === 429 ? form.dataset.rateLimited : status >= 400 && status < 500 && error.message ? error.message : form.dataset.failed;
    showErrors(status === 422 && Array.isArray(error.fields) ? error.fields : [], message);
  });
})();`;
