// The reference page's one script. The page is complete without it: every panel is in the markup, the
// first shown. It only switches what is shown: tabs (click, arrow keys, Home, End) and example choosers.

function selectTab(tab) {
  for (const other of tab.parentElement.querySelectorAll('[role="tab"]')) {
    const selected = other === tab;
    other.setAttribute("aria-selected", String(selected));
    other.tabIndex = selected ? 0 : -1;
    document.getElementById(other.getAttribute("aria-controls")).hidden = !selected;
  }
}
const KEYS = { ArrowRight: 1, ArrowLeft: -1, Home: "first", End: "last" };
document.addEventListener("click", (event) => {
  const tab = event.target.closest('[role="tab"]');
  if (tab) selectTab(tab);
});
document.addEventListener("keydown", (event) => {
  const tab = event.target.closest('[role="tab"]');
  const step = KEYS[event.key];
  if (!tab || step === undefined) return;
  const all = [...tab.parentElement.querySelectorAll('[role="tab"]')];
  const index = step === "first" ? 0 : step === "last" ? all.length - 1 : (all.indexOf(tab) + step + all.length) % all.length;
  event.preventDefault();
  selectTab(all[index]);
  all[index].focus();
});
document.addEventListener("change", (event) => {
  const chooser = event.target;
  if (!chooser.matches("select[data-examples]")) return;
  for (const example of chooser.closest("label").parentElement.querySelectorAll(":scope > .example")) {
    example.hidden = example.dataset.example !== chooser.value;
  }
});
