// Small browser helpers called from Blazor components through IJSRuntime.
window.dashboard = {
  copyText: async function (text) {
    try { await navigator.clipboard.writeText(text); return true; }
    catch { return false; }
  },
  setTitle: function (title) { document.title = title; },
  // Scrolls a horizontally scrolling strip (the case tabs on a phone) so the element is visible.
  reveal: function (selector) {
    const el = document.querySelector(selector);
    if (el) el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }
};

// Attachments: drag and drop onto the reply box and pasting an image hand the files to the picker's
// <input type=file> (through a DataTransfer) and fire "change", so Blazor's InputFile uploads them as if picked.
// The zone is the closest [data-attach-zone], else form, else .reply-box/section (the reply box), else the picker.
window.dashboard.attachZone = function (input) {
  if (!input) return;
  const zone = input.closest('[data-attach-zone]') || input.closest('form') || input.closest('.reply-box, section') || input.closest('.attach-picker');
  if (!zone) return;
  if (zone._attachAbort) zone._attachAbort.abort();
  const abort = new AbortController();
  zone._attachAbort = abort;
  const opts = { signal: abort.signal };
  const hasFiles = e => e.dataTransfer && Array.from(e.dataTransfer.types || []).includes('Files');
  const hand = files => {
    if (!files.length || input.disabled || !input.isConnected) return false;
    const dt = new DataTransfer();
    for (const f of files) dt.items.add(f);
    input.files = dt.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    return true;
  };
  // Space opens a file input's picker natively, Enter does not: the keyboard gets both (a keydown is a user gesture).
  input.addEventListener('keydown', e => {
    if (e.key === 'Enter' && !input.disabled) { e.preventDefault(); input.click(); }
  }, opts);
  zone.addEventListener('dragover', e => { if (hasFiles(e)) { e.preventDefault(); zone.classList.add('attach-dragover'); } }, opts);
  zone.addEventListener('dragleave', e => { if (!zone.contains(e.relatedTarget)) zone.classList.remove('attach-dragover'); }, opts);
  zone.addEventListener('drop', e => {
    zone.classList.remove('attach-dragover');
    if (e.dataTransfer && e.dataTransfer.files.length) { e.preventDefault(); hand(Array.from(e.dataTransfer.files)); }
  }, opts);
  zone.addEventListener('paste', e => {
    const items = e.clipboardData ? Array.from(e.clipboardData.items) : [];
    const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
    const files = items.filter(i => i.kind === 'file').map(i => i.getAsFile()).filter(Boolean)
      .map((f, n) => (f.name && f.name !== 'image.png') ? f
        : new File([f], 'pasted-image-' + stamp + (n ? '-' + n : '') + '.' + ((f.type || 'image/png').split('/')[1] || 'png'), { type: f.type }));
    if (files.length && hand(files)) e.preventDefault(); // text pastes go on into the textarea
  }, opts);
};

// Saved replies: inserts text at the caret of the reply box (replacing a selection) and fires "input",
// so Blazor's @oninput reads the whole new value. The box owns its draft (docs/decisions/0006): the
// server never writes the value, so characters typed while the reply was chosen are kept.
window.dashboard.insertAtCaret = function (textarea, text) {
  if (!textarea || textarea.disabled) return false;
  const start = textarea.selectionStart ?? textarea.value.length;
  const end = textarea.selectionEnd ?? start;
  textarea.focus();
  textarea.setRangeText(text, start, end, 'end');
  textarea.dispatchEvent(new Event('input', { bubbles: true }));
  return true;
};

// The app bar's menus (AppBarMenu.razor): a <button popovertarget> and a [popover] panel. The browser opens
// and closes the panel (Enter/Space, Escape, a click outside); this keeps aria-expanded true while it is
// open, moves focus into it, lets the arrow keys, Home and End move between its links and buttons, returns
// focus to the button when it closes with focus inside, and closes it when a link in it is followed.
(function () {
  const items = panel => Array.from(panel.querySelectorAll('a[href], button:not([disabled])'));
  const invoker = panel => document.querySelector('[popovertarget="' + panel.id + '"]');
  document.addEventListener('toggle', e => {
    const panel = e.target;
    if (!(panel instanceof Element) || !panel.matches('[data-app-menu]')) return;
    const button = invoker(panel);
    const open = e.newState === 'open';
    if (button) button.setAttribute('aria-expanded', open ? 'true' : 'false');
    if (open) { const first = items(panel)[0]; if (first) first.focus(); }
    else if (button && (document.activeElement === document.body || panel.contains(document.activeElement))) button.focus();
  }, true);
  document.addEventListener('keydown', e => {
    const panel = e.target instanceof Element ? e.target.closest('[data-app-menu]') : null;
    if (!panel) return;
    const list = items(panel);
    const at = list.indexOf(document.activeElement);
    const next = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: list.length - 1 }[e.key];
    if (next === undefined || !list.length) return;
    e.preventDefault();
    list[(next + list.length) % list.length].focus();
  });
  document.addEventListener('click', e => {
    const link = e.target instanceof Element ? e.target.closest('[data-app-menu] a[href]') : null;
    if (link) link.closest('[data-app-menu]').hidePopover();
  });
})();
