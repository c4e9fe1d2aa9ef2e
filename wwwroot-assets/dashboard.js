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
