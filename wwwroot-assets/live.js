// The Awaiting-you count in the browser tab's title: "(1,204) Cases · Northwind Keys".
// Pages set their own <PageTitle>; this keeps the "(n) " prefix on whatever title is current.
let count = 0;
let observer = null;
const prefix = /^\([\d,]+\)\s/;

function apply() {
  const bare = document.title.replace(prefix, "");
  // A page that already shows this count in its title (the Awaiting you tab: "Awaiting you (12) · Cases")
  // gets no second copy.
  const shown = count.toLocaleString("en-US"); // as the page's own title writes it (N0)
  const wanted = count > 0 && !bare.includes(`(${shown})`) ? `(${shown}) ${bare}` : bare;
  if (document.title !== wanted) document.title = wanted;
}

export function setTitleCount(n) {
  count = n | 0;
  apply();
  if (!observer) {
    const head = document.querySelector("head");
    observer = new MutationObserver(() => apply());
    observer.observe(head, { subtree: true, childList: true, characterData: true });
  }
}
