// Small browser helpers called from Blazor components through IJSRuntime.
window.dashboard = {
  copyText: async function (text) {
    try { await navigator.clipboard.writeText(text); return true; }
    catch { return false; }
  },
  setTitle: function (title) { document.title = title; }
};
