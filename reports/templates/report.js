"use strict";
// Filters of the static report: verdict, cited outlet, score range and review state hide claim cards and dim
// the article's highlights of hidden claims. All data comes from the cards' data- attributes.
(function () {
  const form = document.getElementById("filters");
  const cards = Array.from(document.querySelectorAll("article.claim"));
  const highlights = Array.from(document.querySelectorAll("a.hl"));
  const shownCount = document.getElementById("shown-count");

  function checked(name) {
    return new Set(Array.from(form.querySelectorAll("input[name='" + name + "']:checked"), (input) => input.value));
  }

  function apply() {
    const statuses = checked("status");
    const outlets = checked("outlet");
    const reviews = checked("review");
    const kind = form.elements["score-kind"].value;
    const low = parseFloat(form.elements["score-min"].value || "0");
    const high = parseFloat(form.elements["score-max"].value || "1");
    const wholeRange = low <= 0 && high >= 1;
    const shown = new Set();
    for (const card of cards) {
      const raw = card.dataset[kind];
      const score = parseFloat(raw);
      const inRange = raw === "" ? wholeRange : score >= low && score <= high;
      const visible = statuses.has(card.dataset.status) && reviews.has(card.dataset.review) && inRange &&
        JSON.parse(card.dataset.outlets).some((outlet) => outlets.has(outlet));
      card.hidden = !visible;
      if (visible) shown.add(card.dataset.claim);
    }
    for (const highlight of highlights) highlight.classList.toggle("dim", !shown.has(highlight.dataset.claim));
    shownCount.textContent = shown.size + " of " + cards.length + " claims shown";
  }

  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  document.getElementById("show-all").addEventListener("click", () => { form.reset(); apply(); });
  apply();
})();
